package org.iepservices.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.iepservices.reporting.domain.compliance.MandateTerms;

import java.time.LocalDate;
import java.util.UUID;

/** A service mandate in force (from IepActivated), the reporting copy. */
@Entity
@Table(name = "mandate")
public class Mandate extends PanacheEntityBase {

    @Id
    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "iep_id")
    public UUID iepId;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "service_type")
    public String serviceType;

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

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "event_id")
    public UUID eventId;

    public MandateTerms terms() {
        return new MandateTerms(mandateId, serviceType, minutesPerSession,
                MandateTerms.Interval.valueOf(interval), pushInSessions, pullOutSessions, startDate, endDate);
    }
}
