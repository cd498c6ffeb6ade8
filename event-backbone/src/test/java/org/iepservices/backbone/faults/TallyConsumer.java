package org.iepservices.backbone.faults;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.EventEnvelope;
import org.jboss.logging.Logger;

/**
 * The tests' projection: adds each TallyAdded into {@code tally}, once per event id. A negative amount
 * is refused (a deterministic failure, as a broken rule would be) until {@link #acceptNegative} is set:
 * the "fix" that a replay of the dead-letter topic is tried after.
 */
@ApplicationScoped
public class TallyConsumer extends IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(TallyConsumer.class);

    static volatile boolean acceptNegative;

    @Incoming("tallies")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consume(record); // the whole record: its traceparent header continues the producer's trace
    }

    @Override
    protected String consumerName() {
        return "test.tally";
    }

    @Override
    protected void apply(EventEnvelope event) {
        TallyAdded added = event.dataAs(TallyAdded.TYPE, mapper);
        if (added.amount() < 0 && !acceptNegative) {
            throw new IllegalArgumentException("negative amount " + added.amount() + " for " + added.counter());
        }
        em.createNativeQuery("insert into tally (counter, total, events) values (:counter, :amount, 1) "
                        + "on conflict (counter) do update set total = tally.total + excluded.total, events = tally.events + 1")
                .setParameter("counter", added.counter())
                .setParameter("amount", added.amount())
                .executeUpdate();
        // A line of the projection's own: OutboxTracingTest checks that it names the event's trace.
        LOG.infof("tally %s + %d (event %s)", added.counter(), added.amount(), event.id());
    }
}
