package org.iepservices.backbone.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iepservices.backbone.tracing.TraceContext;
import org.iepservices.events.EventEnvelope;
import org.jboss.logging.Logger;

/**
 * Base of every Kafka consumer that changes state. The consumed-event row and the projection
 * change commit in one transaction, so a redelivered event (Kafka is at-least-once, and so is
 * the outbox relay) is recognised by its id and changes nothing.
 *
 * <p>Each event is applied in a CONSUMER span named after the consumer and the event type, a child of the
 * producer's span when the record carries one ({@code traceparent} header, written by the outbox relay):
 * pass the whole record to {@link #consume(ConsumerRecord)} so that one trace runs from the request that
 * wrote the event to every projection it changed.
 */
public abstract class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    protected EntityManager em;

    @Inject
    protected ObjectMapper mapper;

    /** Retries a transiently failed transaction; consumers that own their transaction use it too. */
    @Inject
    protected ConsumerRetry retry;

    @Inject
    OpenTelemetry openTelemetry;

    /** Stable name of this projection in the ledger; two consumers of one event each apply it once. */
    protected abstract String consumerName();

    /** Applies the event to the projection; runs inside the ledger's transaction. */
    protected abstract void apply(EventEnvelope event);

    /**
     * Parses and applies one Kafka record value. Returns false when the event had already been
     * consumed. A malformed record throws at once, so the messaging failure strategy (dead-letter
     * topic) keeps it instead of dropping it.
     *
     * <p>Called outside a transaction, the ledger row and the projection change commit in a
     * transaction of their own, tried again with backoff while the failure is transient
     * ({@link ConsumerRetry}): a database restart delays the event, it does not dead-letter it.
     * Called inside the caller's transaction, it joins it, and retrying is the caller's business
     * (a failed transaction cannot be continued): wrap the whole transaction in {@link #retry}.
     */
    public boolean consume(String json) {
        return consume(json, null, Context.current());
    }

    /**
     * As {@link #consume(String)} for a whole Kafka record: the span of this consumer continues the trace
     * of the record's {@code traceparent} header (the outbox relay's send), or the current one without it.
     */
    public boolean consume(ConsumerRecord<?, String> record) {
        return consume(record.value(), record.topic(), TraceContext.extract(record.headers(), Context.current()));
    }

    private boolean consume(String json, String topic, Context producer) {
        Span span = openTelemetry.getTracer("org.iepservices.backbone.inbox")
                .spanBuilder(consumerName())
                .setParent(producer)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.consumer.name", consumerName())
                .startSpan();
        if (topic != null) {
            span.setAttribute("messaging.destination.name", topic);
        }
        try (Scope ignored = span.makeCurrent()) {
            EventEnvelope event = parse(json);
            span.updateName(consumerName() + " " + event.type())
                    .setAttribute("cloudevents.event_id", event.id().toString())
                    .setAttribute("cloudevents.event_type", event.type());
            boolean applied;
            if (QuarkusTransaction.isActive()) {
                applied = applyOnce(event);
            } else {
                applied = retry.call(consumerName() + " applying " + event.id(),
                        () -> QuarkusTransaction.requiringNew().call(() -> applyOnce(event)));
            }
            // A redelivery the ledger recognised: in the trace, but visibly without effect.
            span.setAttribute("consumer.duplicate", !applied);
            return applied;
        } catch (RuntimeException e) {
            span.recordException(e).setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private boolean applyOnce(EventEnvelope event) {
        int inserted = em.createNativeQuery(
                        "insert into consumed_event (event_id, consumer, event_type, subject, consumed_at) "
                                + "values (:id, :consumer, :type, :subject, now()) on conflict do nothing")
                .setParameter("id", event.id())
                .setParameter("consumer", consumerName())
                .setParameter("type", event.type())
                .setParameter("subject", event.subject())
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("%s already consumed event %s (%s); skipped", consumerName(), event.id(), event.type());
            return false;
        }
        apply(event);
        return true;
    }

    private EventEnvelope parse(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a CloudEvents envelope: " + e.getMessage(), e);
        }
    }
}
