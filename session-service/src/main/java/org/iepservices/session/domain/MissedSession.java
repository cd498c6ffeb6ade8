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

    @Enumerated(EnumType.STRING)
    public OwedVerdict owed;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
