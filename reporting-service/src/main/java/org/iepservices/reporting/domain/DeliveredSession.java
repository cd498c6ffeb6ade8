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

/**
 * Minutes one student was credited with for one session log (SessionCompleted, then addenda by
 * event time; an addendum to 0 minutes leaves the row at 0), read-only: the compliance session
 * consumer writes it.
 */
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

    /** The misses this session repays; empty for an ordinary session. */
    @jakarta.persistence.ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
    @jakarta.persistence.CollectionTable(name = "makeup_repayment", joinColumns = {
            @jakarta.persistence.JoinColumn(name = "session_log_id", referencedColumnName = "session_log_id"),
            @jakarta.persistence.JoinColumn(name = "student_id", referencedColumnName = "student_id")})
    public java.util.List<Repayment> repayments = new java.util.ArrayList<>();

    /** Minutes of this session that are not repayments: ordinary delivery in its own period. */
    public int ordinaryMinutes() {
        return minutes - madeUpMinutes();
    }

    /** Minutes of this session that repay misses. */
    public int madeUpMinutes() {
        return repayments.stream().mapToInt(Repayment::minutes).sum();
    }

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Embeddable
    public record Repayment(@Column(name = "miss_id") UUID missId, int minutes) {
    }

    @Embeddable
    public record Key(@Column(name = "session_log_id") UUID sessionLogId,
                      @Column(name = "student_id") UUID studentId) implements Serializable {
    }
}
