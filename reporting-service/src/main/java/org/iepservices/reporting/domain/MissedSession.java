package org.iepservices.reporting.domain;

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

/** A session a student did not receive (from SessionMissed), with the verdict in force (read-only). */
@Entity
@Table(name = "missed_session")
public class MissedSession extends PanacheEntityBase {

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

    public int minutes;

    public String reason;

    /**
     * The verdict in force: OWED, NOT_OWED or REVIEW as the district policy decided in
     * session-service, unless the IEP team's MissResolved decided otherwise.
     */
    public String owed;

    /** The district policy's verdict (SessionMissed.owed). */
    @Column(name = "policy_owed")
    public String policyOwed;

    /** SYSTEM (session-service recorded it) or PERSON (recordedBy); null from older producers: a person. */
    public String origin;

    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
