package org.iepservices.schedule.domain.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * schedule-service's copy of a caseload assignment (CaseloadAssignmentChanged): a provider serves a
 * student for a service, following an IEP mandate or assigned by hand (a covering provider). Active
 * and not ended, it puts the student on the provider's caseload, which is what the provider may see.
 */
@Entity
@Table(name = "caseload_assignment")
public class CaseloadAssignment extends PanacheEntityBase {

    @Id
    public UUID id;

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

    /** When the event that wrote this row happened; an older event arriving later is ignored. */
    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Whether it puts the student on the provider's caseload on {@code day}: active and not ended before. */
    public boolean current(LocalDate day) {
        return active && (endDate == null || !endDate.isBefore(day));
    }
}
