package org.iepservices.backbone.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.events.EventEnvelope;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends outbox rows to Kafka in commit order and marks them published once the broker has
 * acknowledged them. While Kafka is unreachable the rows stay pending and are retried on the
 * next tick; nothing is dropped. Delivery is at-least-once (a crash between the ack and the
 * mark re-sends), which is why every consumer deduplicates on the event id.
 */
@ApplicationScoped
@IfBuildProperty(name = "outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id of the relay (any constant; each service has its own database). */
    public static final long RELAY_LOCK_KEY = 0x6f7574626f78L;

    private final EntityManager em;
    private final Map<String, Object> kafkaConfig;
    private final int batchSize;
    private final long sendTimeoutMs;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** One thread of its own: relaying never takes a request thread, and runs never overlap. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile KafkaProducer<String, String> producer;

    OutboxRelay(EntityManager em,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "200") int batchSize,
                @ConfigProperty(name = "outbox.relay.send-timeout-ms", defaultValue = "5000") long sendTimeoutMs,
                MeterRegistry registry) {
        this.em = em;
        this.kafkaConfig = kafkaConfig;
        this.batchSize = batchSize;
        this.sendTimeoutMs = sendTimeoutMs;
        Gauge.builder("outbox.pending.events", pending, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
    }

    /** Sends right after the commit that stored an event, so events leave within milliseconds. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        executor.execute(this::tick);
    }

    /** The safety net: retries what could not be sent (Kafka down) and anything a crash left behind. */
    @Scheduled(every = "${outbox.relay.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        tick();
    }

    /** One run at a time; a request arriving during a run makes that run go once more. */
    void tick() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                int sent;
                do {
                    sent = relayBatch();
                } while (sent == batchSize);
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay run failed, will retry: %s", e.toString());
        } finally {
            running.set(false);
            countPending();
        }
    }

    /** An event as the relay reads it: only what Kafka needs, never a managed entity (nothing to dirty-check). */
    private record Pending(UUID id, String topic, String key, String type, String payload) {
    }

    /** Publishes one batch of pending events; returns how many were acknowledged. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // One relay at a time across replicas, so events leave in commit order (per-student
            // ordering on the topic). A replica that does not get the lock leaves the work to the other.
            Boolean leader = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK_KEY)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(leader)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select id, topic, message_key, event_type, payload from outbox_event "
                                    + "where published_at is null order by seq limit :n for update skip locked")
                    .setParameter("n", batchSize)
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Pending> batch = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                batch.add(new Pending((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            KafkaProducer<String, String> kafka = producer();
            for (Pending event : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
                record.headers().add(new RecordHeader("ce_id", event.id().toString().getBytes(StandardCharsets.UTF_8)));
                record.headers().add(new RecordHeader("ce_type", event.type().getBytes(StandardCharsets.UTF_8)));
                record.headers().add(new RecordHeader("content-type",
                        EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
                acks.add(kafka.send(record));
            }
            // Mark only the prefix that Kafka acknowledged: publication order is commit order.
            List<UUID> acknowledged = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                try {
                    acks.get(i).get(sendTimeoutMs * 2, TimeUnit.MILLISECONDS);
                    acknowledged.add(batch.get(i).id());
                } catch (Exception e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    List<UUID> waiting = batch.subList(i, batch.size()).stream().map(Pending::id).toList();
                    em.createNativeQuery("update outbox_event set attempts = attempts + 1, last_error = :error "
                                    + "where id in (:ids)")
                            .setParameter("error", truncate(cause.toString()))
                            .setParameter("ids", waiting)
                            .executeUpdate();
                    LOG.warnf("Kafka did not acknowledge outbox event %s (%s); %d event(s) wait for the next attempt",
                            batch.get(i).id(), cause.toString(), waiting.size());
                    break;
                }
            }
            if (!acknowledged.isEmpty()) {
                em.createNativeQuery("update outbox_event set published_at = :now where id in (:ids)")
                        .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                        .setParameter("ids", acknowledged)
                        .executeUpdate();
            }
            return acknowledged.size();
        });
    }

    /** The gauge, once per run rather than per batch: counting is the dearest query of a big backlog. */
    private void countPending() {
        try {
            pending.set(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from outbox_event where published_at is null").getSingleResult()).longValue()));
        } catch (RuntimeException e) {
            LOG.debugf("Could not count pending outbox events: %s", e);
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = new HashMap<>(kafkaConfig);
                    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    // Fail fast while the broker is down: the rows stay in the outbox and are retried.
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeoutMs);
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) sendTimeoutMs);
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeoutMs * 2);
                    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
                    producer = new KafkaProducer<>(config);
                }
                p = producer;
            }
        }
        return p;
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(2));
        }
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
