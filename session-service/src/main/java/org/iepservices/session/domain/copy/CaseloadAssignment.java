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
 * A provider's assignment to a student for a service, from CaseloadAssignmentChanged: part of what
 * puts a student on the provider's caseload (the other part is the provider's own scheduled
 * occurrences). Reassigning a provider is not an IEP change, so this, not the mandate's named
 * provider, is what counts.
 */
@Entity
@Table(name = "caseload_assignment")
public class CaseloadAssignment extends PanacheEntityBase {

    @Id
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "service_type")
    public String serviceType;

    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    public boolean active;

    /** Time of the event that last changed the row: an older event arriving later does not undo it. */
    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /**
     * Whether the assignment gives the provider the student on {@code day}: active and not ended
     * before it. A start date still ahead counts: a provider named on an IEP prepares before the
     * first session.
     */
    public boolean inEffectOn(LocalDate day) {
        return active && (endDate == null || !endDate.isBefore(day));
    }
}
