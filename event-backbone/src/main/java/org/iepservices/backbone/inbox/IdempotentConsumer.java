package org.iepservices.backbone.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.iepservices.events.EventEnvelope;
import org.jboss.logging.Logger;

/**
 * Base of every Kafka consumer that changes state. The consumed-event row and the projection
 * change commit in one transaction, so a redelivered event (Kafka is at-least-once, and so is
 * the outbox relay) is recognised by its id and changes nothing.
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
        EventEnvelope event = parse(json);
        if (QuarkusTransaction.isActive()) {
            return applyOnce(event);
        }
        return retry.call(consumerName() + " applying " + event.id(),
                () -> QuarkusTransaction.requiringNew().call(() -> applyOnce(event)));
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
