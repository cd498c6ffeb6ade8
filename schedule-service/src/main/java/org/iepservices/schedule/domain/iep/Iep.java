package org.iepservices.schedule.domain.iep;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An IEP version as far as iep.events told us. {@code received} is false while the version is
 * only known from another event (amended or ended before its own activation arrived): its
 * supersession and end are kept so its mandates are clipped whenever they arrive.
 */
@Entity
@Table(name = "iep")
public class Iep extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "supersedes_id")
    public UUID supersedesId;

    @Column(name = "superseded_from")
    public LocalDate supersededFrom;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "end_reason")
    public String endReason;

    public boolean received;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
