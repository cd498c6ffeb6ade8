package org.iepservices.backbone.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
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
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.backbone.tracing.TraceContext;
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
import java.util.concurrent.ExecutionException;
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
 *
 * <p>A row Kafka refuses for good is PARKED so that it cannot block the rows behind it: at once when
 * it is too large ({@link RecordTooLargeException}), or after {@code outbox.relay.max-attempts}
 * refusals that are not a broker outage. A broker outage ({@link RetriableException}, timeouts) never
 * parks anything: every row waits. Parking breaks per-key order: events of the parked row's key that
 * were written after it are published without it; a parked row that is re-queued by hand
 * ({@code update outbox_event set parked_at = null, attempts = 0 where id = ...}) arrives after them,
 * which consumers must tolerate (they apply state events by their time, see the services' consumers).
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
    private final int maxAttempts;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** One thread of its own: relaying never takes a request thread, and runs never overlap. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile KafkaProducer<String, String> producer;
    private final Tracer tracer;

    OutboxRelay(EntityManager em,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "200") int batchSize,
                @ConfigProperty(name = "outbox.relay.send-timeout-ms", defaultValue = "5000") long sendTimeoutMs,
                @ConfigProperty(name = "outbox.relay.max-attempts", defaultValue = "5") int maxAttempts,
                MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.em = em;
        this.tracer = openTelemetry.getTracer("org.iepservices.backbone.outbox");
        this.kafkaConfig = kafkaConfig;
        this.batchSize = batchSize;
        this.sendTimeoutMs = sendTimeoutMs;
        this.maxAttempts = Math.max(1, maxAttempts);
        Gauge.builder("outbox.pending.events", pending, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("outbox.parked.events", parked, AtomicLong::get)
                .description("Outbox events Kafka refused for good (too large, or max-attempts refusals): not relayed")
                .register(registry);
    }

    /** Events waiting to be relayed, as of the last run. */
    public long pendingEvents() {
        return pending.get();
    }

    /** Parked events, as of the last run. */
    public long parkedEvents() {
        return parked.get();
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
    private record Pending(UUID id, String topic, String key, String type, String payload, int attempts,
                           String traceparent, String tracestate) {
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
                            "select id, topic, message_key, event_type, payload, attempts, traceparent, tracestate from outbox_event "
                                    + "where published_at is null and parked_at is null order by seq limit :n for update skip locked")
                    .setParameter("n", batchSize)
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Pending> batch = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                batch.add(new Pending((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        ((Number) r[5]).intValue(), (String) r[6], (String) r[7]));
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            List<Span> sends = new ArrayList<>(batch.size());
            KafkaProducer<String, String> kafka = producer();
            try {
                for (Pending event : batch) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
                    record.headers().add(new RecordHeader("ce_id", event.id().toString().getBytes(StandardCharsets.UTF_8)));
                    record.headers().add(new RecordHeader("ce_type", event.type().getBytes(StandardCharsets.UTF_8)));
                    record.headers().add(new RecordHeader("content-type",
                            EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
                    Span send = sendSpan(event);
                    sends.add(send);
                    // The consumers continue the trace from here: traceparent names this send, a child of the writer's span.
                    TraceContext.inject(Context.root().with(send), record.headers());
                    acks.add(kafka.send(record));
                }
                // Mark the prefix that Kafka acknowledged (publication order is commit order), stepping over
                // rows that are parked; the first row that must wait stops the batch.
                List<UUID> acknowledged = new ArrayList<>(batch.size());
                int handled = 0;
                for (int i = 0; i < batch.size(); i++) {
                    Pending event = batch.get(i);
                    try {
                        RecordMetadata ack = acks.get(i).get(sendTimeoutMs * 2, TimeUnit.MILLISECONDS);
                        acknowledged.add(event.id());
                        handled++;
                        sends.get(i).setAttribute("messaging.destination.partition.id", String.valueOf(ack.partition()))
                                .setAttribute("messaging.kafka.offset", ack.offset());
                    } catch (Exception e) {
                        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                        sends.get(i).recordException(cause).setStatus(StatusCode.ERROR, "not acknowledged by Kafka");
                        int attempts = event.attempts() + 1;
                        boolean park = refusedForGood(cause) || (!brokerOutage(cause) && attempts >= maxAttempts);
                        em.createNativeQuery("update outbox_event set attempts = :attempts, last_error = :error, "
                                        + "parked_at = " + (park ? "now()" : "null") + " where id = :id")
                                .setParameter("attempts", attempts)
                                .setParameter("error", truncate(cause.toString()))
                                .setParameter("id", event.id())
                                .executeUpdate();
                        if (park) {
                            LOG.errorf("Outbox event %s (%s, key %s) PARKED after %d refusal(s): %s; the events behind it flow on",
                                    event.id(), event.type(), event.key(), attempts, cause.toString());
                            handled++;
                            continue;
                        }
                        LOG.warnf("Kafka did not acknowledge outbox event %s (%s); %d event(s) wait for the next attempt",
                                event.id(), cause.toString(), batch.size() - i);
                        break;
                    }
                }
                if (!acknowledged.isEmpty()) {
                    em.createNativeQuery("update outbox_event set published_at = :now where id in (:ids)")
                            .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                            .setParameter("ids", acknowledged)
                            .executeUpdate();
                }
                // A batch in which every row was acknowledged or parked counts as full, so the run goes on.
                return handled;
            } finally {
                // Rows behind one that must wait were sent but not marked: they are sent again, in a span of their own.
                sends.forEach(Span::end);
            }
        });
    }

    /**
     * The PRODUCER span of one send, a child of the span that wrote the row (W3C context stored with it),
     * or a trace of its own for a row written outside any trace.
     */
    private Span sendSpan(Pending event) {
        Context writer = TraceContext.restore(event.traceparent(), event.tracestate());
        return tracer.spanBuilder(event.topic() + " publish")
                .setParent(writer)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("messaging.kafka.message.key", event.key())
                .setAttribute("cloudevents.event_id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .setAttribute("outbox.attempt", event.attempts() + 1L)
                .startSpan();
    }

    /** Too large for the producer or broker: no retry will ever get it through. */
    static boolean refusedForGood(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException;
    }

    /** The broker is away or slow: every row would fail alike, so no row is to blame. */
    static boolean brokerOutage(Throwable cause) {
        return cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof InterruptedException;
    }

    /** The gauges, once per run rather than per batch: counting is the dearest query of a big backlog. */
    private void countPending() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Object[] counts = (Object[]) em.createNativeQuery(
                        "select count(*) filter (where parked_at is null), count(*) filter (where parked_at is not null) "
                                + "from outbox_event where published_at is null").getSingleResult();
                pending.set(((Number) counts[0]).longValue());
                parked.set(((Number) counts[1]).longValue());
            });
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
