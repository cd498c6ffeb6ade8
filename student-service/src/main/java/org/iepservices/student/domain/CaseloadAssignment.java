package org.iepservices.student.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A provider assigned to a student for a service: what puts the student on the provider's caseload
 * (FERPA legitimate educational interest). Most follow the provider named on an IEP mandate; an
 * admin adds others by hand (a covering SLP). Reassigning a provider is not an IEP change, so these
 * rows, not the mandate's named provider, decide access. Never deleted: an ended one is history.
 */
@Entity
@Table(name = "caseload_assignment")
public class CaseloadAssignment extends PanacheEntityBase {

    /** Where an assignment comes from. */
    public enum Source {
        /** The provider named on an IEP mandate; follows activation, amendment and end of the IEP. */
        MANDATE,
        /** Added by an admin; ends only when an admin ends it (or at its end date). */
        MANUAL
    }

    @Id
    public UUID id;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public Source source;

    /** The mandate this follows (MANDATE only); moves to the continuing mandate of an amendment. */
    @Column(name = "mandate_id")
    public UUID mandateId;

    /** The service the provider delivers; null for a manual assignment not tied to one service. */
    @Enumerated(EnumType.STRING)
    @Column(name = "service_type")
    public ServiceType serviceType;

    @Enumerated(EnumType.STRING)
    public Discipline discipline;

    @Column(name = "start_date")
    public LocalDate startDate;

    /** The last day of the assignment; null when open-ended. */
    @Column(name = "end_date")
    public LocalDate endDate;

    /** False once ended; an end date already past also ends it (see {@link #inEffectOn}). */
    public boolean active;

    public String note;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /**
     * Whether the provider has the student on {@code day}: active and not ended before it. A start
     * date still ahead counts: a provider named on an IEP prepares before the first session.
     */
    public boolean inEffectOn(LocalDate day) {
        return active && (endDate == null || !endDate.isBefore(day));
    }

    /**
     * Ends the assignment after {@code lastDay} (the day before a superseding version takes effect,
     * the day an IEP ends). An earlier end date stays; it is inactive once that day is past.
     * @return whether anything changed
     */
    public boolean endAfter(LocalDate lastDay, LocalDate today) {
        LocalDate end = endDate == null || lastDay.isBefore(endDate) ? lastDay : endDate;
        boolean stillActive = active && !end.isBefore(today);
        boolean changed = !end.equals(endDate) || stillActive != active;
        endDate = end;
        active = stillActive;
        return changed;
    }

    /** Ended now by an admin: inactive, and its end date is today at the latest. */
    public void release(LocalDate today) {
        if (endDate == null || endDate.isAfter(today)) {
            endDate = today;
        }
        active = false;
    }

    /**
     * Carries the assignment over to the mandate that continues its own in an amendment, with the
     * new mandate's service and end date; the provider and start date stay.
     * @return whether anything changed
     */
    public boolean followMandate(UUID mandate, ServiceType service, LocalDate end, LocalDate today) {
        boolean stillActive = end == null || !end.isBefore(today);
        boolean changed = !mandate.equals(mandateId) || service != serviceType
                || !java.util.Objects.equals(end, endDate) || stillActive != active;
        mandateId = mandate;
        serviceType = service;
        endDate = end;
        active = stillActive;
        return changed;
    }
}
