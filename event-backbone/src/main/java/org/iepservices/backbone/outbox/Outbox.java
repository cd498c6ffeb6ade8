package org.iepservices.backbone.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.EventType;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The only way services publish events: the event is stored in the caller's transaction, so it
 * exists if and only if the state change it describes was committed. {@link OutboxRelay} sends it.
 */
@ApplicationScoped
@IfBuildProperty(name = "outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    /** Fired for every stored event; the relay observes it after the commit to send at once. */
    public record Written(java.util.UUID eventId) {
    }

    private final ObjectMapper mapper;
    private final String source;
    private final Clock clock;
    private final Event<Written> written;

    Outbox(ObjectMapper mapper, @ConfigProperty(name = "quarkus.application.name") String applicationName,
           Event<Written> written) {
        this.mapper = mapper;
        this.source = "/" + applicationName;
        this.clock = Clock.systemUTC();
        this.written = written;
    }

    /**
     * Stores {@code payload} as an event of {@code type} about {@code subject} (the student id, which
     * becomes the Kafka key). Must be called inside the transaction that makes the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope publish(EventType<T> type, Object subject, T payload) {
        EventEnvelope envelope = EventEnvelope.wrap(source, type, subject.toString(), payload,
                OffsetDateTime.now(clock), mapper);
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.id();
        row.topic = type.topic();
        row.messageKey = envelope.subject();
        row.eventType = type.name();
        row.createdAt = envelope.time();
        try {
            row.payload = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type.name() + " cannot be serialised", e);
        }
        row.persist();
        written.fire(new Written(row.id));
        return envelope;
    }
}
