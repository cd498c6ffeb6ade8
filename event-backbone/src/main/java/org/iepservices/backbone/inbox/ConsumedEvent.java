package org.iepservices.backbone.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the consumed-event ledger; see V0_2__consumed_event.sql. */
@Entity
@Table(name = "consumed_event")
public class ConsumedEvent extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "event_type")
    public String eventType;

    public String subject;

    @Column(name = "consumed_at")
    public OffsetDateTime consumedAt;

    @Embeddable
    public record Key(@Column(name = "event_id") UUID eventId, String consumer) implements Serializable {
    }
}
