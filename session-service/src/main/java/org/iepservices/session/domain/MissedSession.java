package org.iepservices.session.domain;

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

/** A scheduled session one student did not receive, with the policy's verdict on whether it is owed. */
@Entity
@Table(name = "missed_session")
public class MissedSession extends PanacheEntityBase {

    @Id
    public UUID id;

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

    @Enumerated(EnumType.STRING)
    public MissReason reason;

    public String note;

    /** The current verdict: the policy's, or the IEP team's resolution of a REVIEW. */
    @Enumerated(EnumType.STRING)
    public OwedVerdict owed;

    /** What the district policy said when the miss was recorded. */
    @Enumerated(EnumType.STRING)
    @Column(name = "policy_verdict")
    public OwedVerdict policyVerdict;

    /** The district whose policy decided; null when the school's district is not known (default policy). */
    @Column(name = "district_id")
    public UUID districtId;

    @Column(name = "occurrence_id")
    public UUID occurrenceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_detail")
    public MissCircumstance circumstance;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** SYSTEM: recorded by session-service from what it knows; PERSON: entered by {@link #recordedBy}. */
    @Enumerated(EnumType.STRING)
    public MissOrigin origin = MissOrigin.PERSON;

    /** The staff member who entered it (null for SYSTEM, or a token without a staff id). */
    @Column(name = "recorded_by")
    public UUID recordedBy;

    /** The signed log whose ABSENT line this miss is. */
    @Column(name = "session_log_id")
    public UUID sessionLogId;

    /** An UNDOCUMENTED miss is withdrawn when the occurrence is documented after all. */
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_note")
    public String withdrawnNote;

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
