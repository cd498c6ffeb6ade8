package org.iepservices.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.iepservices.events.ServiceSetting;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Minutes one student received in one completed session (from SessionCompleted). */
@Entity
@Table(name = "delivered_session")
public class DeliveredSession extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public ServiceSetting setting;

    @Column(name = "session_date")
    public LocalDate sessionDate;

    public int minutes;

    @Column(name = "makeup_for")
    public String makeupFor;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Embeddable
    public record Key(@Column(name = "session_log_id") UUID sessionLogId,
                      @Column(name = "student_id") UUID studentId) implements Serializable {
    }
}
