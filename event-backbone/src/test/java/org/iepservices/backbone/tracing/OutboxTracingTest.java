package org.iepservices.backbone.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iepservices.backbone.faults.FaultInfrastructure;
import org.iepservices.backbone.faults.TallyAdded;
import org.iepservices.backbone.faults.TallyConsumer;
import org.jboss.logmanager.ExtLogRecord;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.EventEnvelope;
import org.iepservices.localinfra.LocalInfrastructure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * One trace from the transaction that writes an event to the consumer that applies it, over real
 * PostgreSQL and Kafka: the row stores the writer's W3C context, the relay's record carries a
 * {@code traceparent} header naming its PRODUCER span (a child of the writer's), and the idempotent
 * consumer's CONSUMER span is a child of that send.
 */
@QuarkusTest
@WithTestResource(FaultInfrastructure.class)
class OutboxTracingTest {

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    OpenTelemetry openTelemetry;
    @Inject
    RecordedSpans spans;
    @Inject
    ObjectMapper mapper;

    @Test
    void theTraceOfTheWritingRequestRunsThroughTheOutboxAndKafkaIntoTheConsumer() {
        String counter = "traced-" + UUID.randomUUID();
        // What %X{traceId} / %X{spanId} in the log format print: the MDC of the consumer's log records.
        Map<String, String[]> logged = new ConcurrentHashMap<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord r && r.getFormattedMessage().contains(counter)) {
                    logged.put(counter, new String[]{r.getMdc("traceId"), r.getMdc("spanId")});
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger consumerLog = java.util.logging.Logger.getLogger(TallyConsumer.class.getName());
        consumerLog.addHandler(handler);
        Span request = openTelemetry.getTracer("test").spanBuilder("POST /tallies").setSpanKind(SpanKind.SERVER)
                .startSpan();
        UUID eventId;
        try (Scope ignored = request.makeCurrent()) {
            eventId = QuarkusTransaction.requiringNew().call(() ->
                    outbox.publish(TallyAdded.TYPE, counter, new TallyAdded(counter, 3, null)).id());
        } finally {
            request.end();
        }
        String traceId = request.getSpanContext().getTraceId();
        String requestSpanId = request.getSpanContext().getSpanId();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> total(counter) == 3L);
        } finally {
            consumerLog.removeHandler(handler);
        }

        // 1. The row: the writer's context, as W3C traceparent.
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select traceparent from outbox_event where id = :id").setParameter("id", eventId).getSingleResult());
        assertEquals("00-" + traceId + "-" + requestSpanId + "-01", stored);

        // 2. The Kafka record: a traceparent header of the same trace, naming the relay's send.
        ConsumerRecord<String, String> record = recordOf(counter);
        String header = header(record, TraceContext.TRACEPARENT);
        assertNotNull(header, "the relayed record carries a traceparent header");
        String[] parts = header.split("-");
        assertEquals(traceId, parts[1], "the record continues the writer's trace");

        // 3. The exported spans: request -> "<topic> publish" (PRODUCER) -> "test.tally test.TallyAdded" (CONSUMER).
        await().atMost(Duration.ofSeconds(30)).until(() -> consumerSpan(traceId).isPresent());
        SpanData send = spans.ofTrace(traceId).stream().filter(s -> s.getKind() == SpanKind.PRODUCER).findFirst()
                .orElseThrow(() -> new AssertionError("no PRODUCER span in " + spans.ofTrace(traceId)));
        assertEquals(TallyAdded.TOPIC + " publish", send.getName());
        assertEquals(requestSpanId, send.getParentSpanId(), "the relay's send is a child of the writing span");
        assertEquals(parts[2], send.getSpanId(), "the header names the send span");
        assertEquals(eventId.toString(), send.getAttributes().get(AttributeKey.stringKey("cloudevents.event_id")));

        SpanData consume = consumerSpan(traceId).orElseThrow();
        assertEquals("test.tally test.TallyAdded", consume.getName());
        assertEquals(send.getSpanId(), consume.getParentSpanId(), "the consumer continues the send");
        assertEquals(eventId.toString(), consume.getAttributes().get(AttributeKey.stringKey("cloudevents.event_id")));
        assertEquals(Boolean.FALSE, consume.getAttributes().get(AttributeKey.booleanKey("consumer.duplicate")));

        // 4. The projection's log line names the trace and the consumer's span.
        assertArrayEquals(new String[]{traceId, consume.getSpanId()}, logged.get(counter));
    }

    @Test
    void aRecordWithoutTraceHeadersIsConsumedInATraceOfItsOwn() throws Exception {
        String counter = "untraced-" + UUID.randomUUID();
        EventEnvelope event = EventEnvelope.wrap("/upstream", TallyAdded.TYPE, counter,
                new TallyAdded(counter, 4, null), OffsetDateTime.now(ZoneOffset.UTC), mapper);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(TallyAdded.TOPIC, counter, mapper.writeValueAsString(event))).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> total(counter) == 4L);
        String id = event.id().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> spans.all().stream().anyMatch(s -> isConsumerOf(s, id)));
        SpanData consume = spans.all().stream().filter(s -> isConsumerOf(s, id)).findFirst().orElseThrow();
        assertFalse(consume.getParentSpanContext().isRemote(), "no remote parent: nothing was carried");
        assertTrue(spans.ofTrace(consume.getTraceId()).stream().noneMatch(s -> s.getKind() == SpanKind.PRODUCER));
    }

    private Optional<SpanData> consumerSpan(String traceId) {
        return spans.ofTrace(traceId).stream().filter(s -> s.getKind() == SpanKind.CONSUMER
                && s.getName().startsWith("test.tally ")).findFirst();
    }

    private static boolean isConsumerOf(SpanData span, String eventId) {
        return span.getKind() == SpanKind.CONSUMER
                && eventId.equals(span.getAttributes().get(AttributeKey.stringKey("cloudevents.event_id")));
    }

    private long total(String counter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> totals = em.createNativeQuery("select total from tally where counter = :c")
                    .setParameter("c", counter).getResultList();
            return totals.isEmpty() ? 0L : ((Number) totals.get(0)).longValue();
        });
    }

    /** The relayed record of {@code key}, read from the topic as any consumer would. */
    private static ConsumerRecord<String, String> recordOf(String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TallyAdded.TOPIC).stream()
                    .map(p -> new TopicPartition(TallyAdded.TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no record of " + key + " on " + TallyAdded.TOPIC);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
