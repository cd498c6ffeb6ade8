package org.iepservices.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iepservices.events.ServiceSetting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A provider's record of one session with one or more students. */
@Entity
@Table(name = "session_log")
public class SessionLog extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "session_date")
    public LocalDate sessionDate;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "end_time")
    public LocalTime endTime;

    /** The scheduled occurrence this log documents; null for an ad hoc session. */
    @Column(name = "occurrence_id")
    public UUID occurrenceId;

    @Enumerated(EnumType.STRING)
    public ServiceSetting setting;

    @Enumerated(EnumType.STRING)
    public SessionFormat format;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    @Column(name = "signed_by")
    public String signedBy;

    /** The staff id in the signer's token: always the log's provider (nobody signs on their behalf). */
    @Column(name = "signer_id")
    public UUID signerId;

    @Column(name = "signer_credentials")
    public String signerCredentials;

    @Column(name = "signed_at")
    public OffsetDateTime signedAt;

    public String note;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Push-in sessions only; all columns null for pull-out. */
    @Embedded
    public PushInContext pushIn;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "session_attendance", joinColumns = @JoinColumn(name = "session_log_id"))
    public List<StudentAttendance> students = new ArrayList<>();

    public long studentsAttending() {
        return students.stream().filter(StudentAttendance::attended).count();
    }

    public boolean isLocked() {
        return status == SessionStatus.COMPLETED;
    }
}
