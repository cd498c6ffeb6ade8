package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.iepservices.events.ServiceSetting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A missed session (SessionMissed) and the IEP team's later decision on it (MissResolved), each
 * written by its own event, so a resolution seen first is kept until the miss itself arrives.
 */
@Entity
@Table(name = "progress_miss")
public class ProgressMiss extends PanacheEntityBase {

    @Id
    @Column(name = "miss_id")
    public UUID missId;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public ServiceSetting setting;

    @Column(name = "session_date")
    public LocalDate sessionDate;

    public Integer minutes;

    public String reason;

    public String owed;

    @Column(name = "resolved_owed")
    public String resolvedOwed;

    @Column(name = "resolved_time")
    public OffsetDateTime resolvedTime;

    /** Whether the SessionMissed itself has been seen (a resolution alone is not a miss yet). */
    public boolean known() {
        return sessionDate != null;
    }

    /** The verdict in force: the IEP team's decision over the policy's. */
    public String verdict() {
        return resolvedOwed != null ? resolvedOwed : owed;
    }
}
