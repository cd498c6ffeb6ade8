package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A service mandate as its IEP version states it, with the provider it is assigned to. */
@Entity
@Table(name = "progress_mandate")
public class ProgressMandate extends PanacheEntityBase {

    @Id
    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "iep_id")
    public UUID iepId;

    @Column(name = "student_id")
    public UUID studentId;

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

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;
}
