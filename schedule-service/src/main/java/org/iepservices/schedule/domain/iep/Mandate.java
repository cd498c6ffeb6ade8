package org.iepservices.schedule.domain.iep;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.iepservices.schedule.domain.scheduling.MandateTerms;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A service mandate of an IEP version, copied from iep.events. */
@Entity
@Table(name = "mandate")
public class Mandate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "iep_id")
    public UUID iepId;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "continues_mandate_id")
    public UUID continuesMandateId;

    @Column(name = "service_type")
    public String serviceType;

    @Column(name = "provider_discipline")
    public String providerDiscipline;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "sessions_per_interval")
    public int sessionsPerInterval;

    @Column(name = "minutes_per_session")
    public int minutesPerSession;

    @Column(name = "interval_unit")
    public String interval;

    @Column(name = "push_in_sessions")
    public int pushInSessions;

    @Column(name = "pull_out_sessions")
    public int pullOutSessions;

    public String delivery;

    @Column(name = "max_group_size")
    public int maxGroupSize;

    @Column(name = "start_date")
    public LocalDate startDate;

    /** The end date the IEP states. */
    @Column(name = "end_date")
    public LocalDate endDate;

    /** The end date in force: the stated one, clipped by a later version or an early end. */
    @Column(name = "effective_end")
    public LocalDate effectiveEnd;

    @Column(name = "push_in_location")
    public String pushInLocation;

    @Column(name = "pull_out_location")
    public String pullOutLocation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mandate_constraint", joinColumns = @JoinColumn(name = "mandate_id"))
    @OrderColumn(name = "position")
    public List<MandateConstraint> constraints = new ArrayList<>();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean inForceDuring(LocalDate from, LocalDate to) {
        return !startDate.isAfter(to) && !effectiveEnd.isBefore(from) && !effectiveEnd.isBefore(startDate);
    }

    public MandateTerms terms() {
        return new MandateTerms(id, iepId, studentId, continuesMandateId, serviceType, providerId,
                sessionsPerInterval, minutesPerSession, MandateTerms.Interval.parse(interval), pushInSessions,
                pullOutSessions, delivery, maxGroupSize, startDate, effectiveEnd,
                constraints.stream().map(c -> new MandateTerms.Constraint(c.kind(), c.subject(), c.note())).toList());
    }
}
