package org.iepservices.session.domain.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One IEP version as iep.events described it. A row can exist before its own IepActivated or
 * IepAmended arrived (an amendment or IepEnded mentioned it first); then {@code effectiveFrom}
 * is null and nothing of it is in force yet.
 */
@Entity
@Table(name = "known_iep")
public class KnownIep extends PanacheEntityBase {

    @Id
    @Column(name = "iep_id")
    public UUID iepId;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "end_date")
    public LocalDate endDate;

    /** A later version (activation or amendment) takes over from this date. */
    @Column(name = "superseded_from")
    public LocalDate supersededFrom;

    /** IepEnded: in force up to and including this date. */
    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static KnownIep findOrPlaceholder(UUID iepId, UUID studentId) {
        KnownIep iep = findById(iepId);
        if (iep == null) {
            iep = new KnownIep();
            iep.iepId = iepId;
            iep.studentId = studentId;
        }
        return iep;
    }
}
