package org.iepservices.session.domain.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A service mandate of an IEP version, from IepActivated / IepAmended. */
@Entity
@Table(name = "known_mandate")
public class KnownMandate extends PanacheEntityBase {

    @Id
    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "iep_id")
    public UUID iepId;

    @Column(name = "student_id")
    public UUID studentId;

    /** The mandate of the previous IEP version this one carries on (same service). */
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

    @Column(name = "end_date")
    public LocalDate endDate;
}
