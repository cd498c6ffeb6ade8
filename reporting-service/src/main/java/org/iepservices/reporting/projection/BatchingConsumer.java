package org.iepservices.reporting.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Base of every consumer of the service's projections: applies what one poll returned in one
 * transaction (ledger rows and projection writes, then the projection's {@link Projection#flush()}),
 * so a backlog is worked off in batches while a single event still commits on its own. A batch
 * that fails is applied again record by record; a record that still fails goes to the dead-letter
 * topic (channel {@code reporting-dlq}) with the reason, and the others commit.
 *
 * <p>Writes go through {@link #sql} (plain SQL on the transaction's connection), never through
 * managed entities: a rebuild applies hundreds of records in one transaction with the search_path
 * pointing at the copies, and SQL upserts stay correct however many records of one key a batch
 * holds.
 */
public abstract class BatchingConsumer extends IdempotentConsumer implements ProjectionConsumer {

    private static final Logger LOG = Logger.getLogger(BatchingConsumer.class);

    @Inject
    protected Sql sql;
    @Inject
    ProjectionRegistry registry;
    @Inject
    @Channel("reporting-dlq")
    Emitter<String> deadLetters;

    private final String consumerName;
    private final String projection;
    private final String topic;

    /**
     * @param consumerName its name in the consumed_event ledger (stable: renaming it re-applies nothing,
     *                     but the ledger would no longer recognise redeliveries)
     * @param projection   the {@link Projection#name()} it writes
     * @param topic        the topic its channel reads
     */
    protected BatchingConsumer(String consumerName, String projection, String topic) {
        this.consumerName = consumerName;
        this.projection = projection;
        this.topic = topic;
    }

    @Override
    public final String consumerName() {
        return consumerName;
    }

    @Override
    public final String projection() {
        return projection;
    }

    @Override
    public final String topic() {
        return topic;
    }

    protected void consumeBatch(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        records.forEach(batch::add);
        if (batch.isEmpty()) {
            return;
        }
        Projection projection = registry.projection(projection());
        // A transient failure (database restarting, lock timeout) is retried with backoff, the whole
        // batch transaction again; only what still fails for another reason is taken record by record,
        // and only a record that fails on its own (retried too) goes to the dead-letter topic.
        try {
            retry.run(consumerName() + " applying a batch of " + batch.size(), () ->
                    QuarkusTransaction.requiringNew().run(() -> {
                        batch.forEach(r -> consume(r)); // the record: its traceparent header continues the producer's trace
                        projection.flush();
                    }));
        } catch (RuntimeException batchFailed) {
            for (ConsumerRecord<String, String> r : batch) {
                try {
                    retry.run(consumerName() + " applying " + r.topic() + "-" + r.partition() + "@" + r.offset(),
                            () -> QuarkusTransaction.requiringNew().run(() -> {
                                consume(r);
                                projection.flush();
                            }));
                } catch (RuntimeException e) {
                    deadLetter(r, e);
                }
            }
        }
    }

    /** Keeps the record on the dead-letter topic (waiting for the broker's ack) instead of losing it. */
    private void deadLetter(ConsumerRecord<String, String> r, RuntimeException cause) {
        LOG.warnf("%s sends %s-%d@%d to the dead-letter topic: %s", consumerName(), r.topic(), r.partition(),
                r.offset(), cause.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", r.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(r.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", String.valueOf(r.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-consumer", consumerName().getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(r.key()).withHeaders(headers).build();
        CompletableFuture<Void> sent = new CompletableFuture<>();
        deadLetters.send(Message.of(r.value(), Metadata.of(metadata), () -> {
            sent.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            sent.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not dead-letter " + r.topic() + "@" + r.offset(), e);
        }
    }
}
