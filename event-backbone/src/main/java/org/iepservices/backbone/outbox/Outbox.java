package org.iepservices.backbone.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Context;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.backbone.tracing.TraceContext;
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

    /** Fired once per transaction that stored events; the relay observes it after the commit to send at once. */
    public record Written() {
    }

    private final ObjectMapper mapper;
    private final String source;
    private final Clock clock;
    private final Event<Written> written;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    Outbox(ObjectMapper mapper, @ConfigProperty(name = "quarkus.application.name") String applicationName,
           Event<Written> written, EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.mapper = mapper;
        this.source = "/" + applicationName;
        this.clock = Clock.systemUTC();
        this.written = written;
        this.em = em;
        this.transactions = transactions;
    }

    /**
     * Stores {@code payload} as an event of {@code type} about {@code subject} (the student id, which
     * becomes the Kafka key). Must be called inside the transaction that makes the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope publish(EventType<T> type, Object subject, T payload) {
        EventEnvelope envelope = EventEnvelope.wrap(source, type, subject.toString(), payload,
                OffsetDateTime.now(clock), mapper);
        String json;
        try {
            json = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type.name() + " cannot be serialised", e);
        }
        // A managed entity, not a native insert: Hibernate batches these inserts at flush (an import
        // writing 400,000 events makes 800 round trips, not 400,000), and a native statement would
        // make it flush and dirty-check the whole persistence context before every event.
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.id();
        row.topic = type.topic();
        row.messageKey = envelope.subject();
        row.eventType = type.name();
        row.createdAt = envelope.time();
        row.payload = json;
        // The request (or consumer) span that caused the event: the relay sends the record in its trace.
        TraceContext.Carrier trace = TraceContext.capture(Context.current());
        if (trace != null) {
            row.traceparent = trace.traceparent();
            row.tracestate = trace.tracestate();
        }
        em.persist(row);
        // One wake-up call for the relay per transaction, however many events it stores.
        if (transactions.getResource(Written.class) == null) {
            transactions.putResource(Written.class, Boolean.TRUE);
            written.fire(new Written());
        }
        return envelope;
    }
}
