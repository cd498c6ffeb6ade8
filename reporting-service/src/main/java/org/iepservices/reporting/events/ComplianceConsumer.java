package org.iepservices.reporting.events;

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
import org.iepservices.reporting.projection.ProjectionConsumer;
import org.iepservices.reporting.projection.Sql;
import org.iepservices.reporting.service.ComplianceProjector;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A compliance consumer: applies what one poll returned in one transaction (ledger rows, facts,
 * then one recompute per student touched: {@link ComplianceProjector#flush()}), so a backlog is
 * worked off in batches while a single event still commits on its own. A batch that fails is
 * applied again record by record; a record that still fails goes to the dead-letter topic with the
 * reason, and the others commit.
 */
public abstract class ComplianceConsumer extends IdempotentConsumer implements ProjectionConsumer {

    private static final Logger LOG = Logger.getLogger(ComplianceConsumer.class);

    @Inject
    protected Sql sql;
    @Inject
    protected ComplianceProjector projector;
    @Inject
    @Channel("compliance-dlq")
    Emitter<String> deadLetters;

    @Override
    public String projection() {
        return ComplianceProjection.NAME;
    }

    protected void consumeBatch(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        records.forEach(batch::add);
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                batch.forEach(r -> consume(r.value()));
                projector.flush();
            });
        } catch (RuntimeException batchFailed) {
            for (ConsumerRecord<String, String> r : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        consume(r.value());
                        projector.flush();
                    });
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
        headers.add("dead-letter-offset", String.valueOf(r.offset()).getBytes(StandardCharsets.UTF_8));
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
