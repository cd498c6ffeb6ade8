package org.iepservices.backbone.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iepservices.backbone.deadletter.DeadLetters;
import org.iepservices.backbone.inbox.LedgerRetention;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.backbone.outbox.OutboxRelay;
import org.iepservices.backbone.outbox.OutboxRetention;
import org.iepservices.events.EventEnvelope;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The faults of issue 14 over real PostgreSQL and Kafka: a database outage while events are consumed,
 * a poison event and its replay, an oversized outbox event, and the retention job. Each test uses its
 * own counter and compares the dead-letter topic with what it held before, so they run in any order.
 * Figures for the closing note are printed as lines starting with {@code FIGURES}.
 */
@QuarkusTest
@WithTestResource(FaultInfrastructure.class)
class FaultsTest {

    static final String DLQ = "backbone-test.dlq";

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    OutboxRetention outboxRetention;
    @Inject
    LedgerRetention ledgerRetention;
    @Inject
    DeadLetters deadLetters;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry registry;

    @Test
    void databaseStoppedForTenSecondsWhileEventsAreConsumedDeadLettersNothingAndTheTallyConverges() throws Exception {
        String counter = "outage-" + UUID.randomUUID();
        // The consumer is up and applying before the fault.
        send(counter, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> total(counter) == 1L);
        long dlqBefore = dlqRecords();
        double retriesBefore = registry.counter("consumer.transient.retries").count();

        int events = 40;
        LocalInfrastructure infra = LocalInfrastructure.shared();
        infra.stopPostgres();
        long stoppedAt = System.nanoTime();
        try {
            for (int i = 0; i < events; i++) {
                send(counter, 2);
            }
            // The consumer meets the outage (and retries) while the database is down.
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    registry.counter("consumer.transient.retries").count() > retriesBefore);
            long held = Duration.ofSeconds(10).toNanos() - (System.nanoTime() - stoppedAt);
            if (held > 0) {
                Thread.sleep(held / 1_000_000); // the fault itself: the database stays down 10 s
            }
        } finally {
            infra.startPostgres();
        }
        long restartedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> total(counter) == 1L + 2L * events);
        long convergedMs = (System.nanoTime() - restartedAt) / 1_000_000;

        assertEquals(dlqBefore, dlqRecords(), "nothing may be dead-lettered for a database outage");
        assertEquals(1 + events, tallyEvents(counter), "each event applied exactly once");
        double retries = registry.counter("consumer.transient.retries").count() - retriesBefore;
        System.out.printf("FIGURES outage: %d events during a %d s database stop, %d dead-lettered, %.0f transient retries, "
                        + "converged %d ms after the restart%n",
                events, (restartedAt - stoppedAt) / 1_000_000_000, dlqRecords() - dlqBefore, retries, convergedMs);
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicWithTheirOriginAndAReplayAfterTheFixAppliesThemOnce() throws Exception {
        TallyConsumer.acceptNegative = false;
        String counter = "poison-" + UUID.randomUUID();
        long waitingBefore = waiting();

        RecordMetadata garbage = sendRaw(counter, "{ this is not a CloudEvent");
        EventEnvelope refund = envelope(counter, -5);
        RecordMetadata refused = sendRaw(counter, mapper.writeValueAsString(refund));
        send(counter, 7); // behind the poison, same key: flows on
        await().atMost(Duration.ofSeconds(60)).until(() -> total(counter) == 7L && waiting() == waitingBefore + 2);

        // What the dead-letter topic holds: the record as it was, with where it came from and why.
        Map<Long, ConsumerRecord<String, String>> byOffset = new HashMap<>();
        for (ConsumerRecord<String, String> r : readAll(DLQ)) {
            if (counter.equals(r.key())) {
                byOffset.put(Long.parseLong(header(r, DeadLetters.ORIGINAL_OFFSET)), r);
            }
        }
        ConsumerRecord<String, String> badJson = byOffset.get(garbage.offset());
        assertNotNull(badJson, "the unreadable record is dead-lettered");
        assertEquals(TallyAdded.TOPIC, header(badJson, DeadLetters.ORIGINAL_TOPIC));
        assertEquals(String.valueOf(garbage.partition()), header(badJson, DeadLetters.ORIGINAL_PARTITION));
        assertTrue(header(badJson, DeadLetters.REASON).contains("not a CloudEvents envelope"), header(badJson, DeadLetters.REASON));
        ConsumerRecord<String, String> badRule = byOffset.get(refused.offset());
        assertNotNull(badRule, "the refused event is dead-lettered");
        assertTrue(header(badRule, DeadLetters.REASON).contains("negative amount"), header(badRule, DeadLetters.REASON));
        assertEquals(String.valueOf(refused.partition()), header(badRule, DeadLetters.ORIGINAL_PARTITION));
        assertNotNull(badRule.headers().lastHeader("dead-letter-exception-class-name"));

        // Only district admins see or replay it.
        given().when().get("/api/v1/admin/dead-letters").then().statusCode(401);
        given().auth().oauth2(token("provider")).when().get("/api/v1/admin/dead-letters").then().statusCode(403);
        given().auth().oauth2(token("district-admin")).when().get("/api/v1/admin/dead-letters")
                .then().statusCode(200).body("topic", hasItem(DLQ));
        given().auth().oauth2(token("district-admin")).queryParam("topic", "nope.dlq")
                .when().post("/api/v1/admin/dead-letters/replay").then().statusCode(404);

        // The fix lands, then the replay: the refund applies once, the unreadable record is dead-lettered again.
        TallyConsumer.acceptNegative = true;
        try {
            long startedAt = System.nanoTime();
            int replayed = given().auth().oauth2(token("district-admin")).queryParam("topic", DLQ)
                    .when().post("/api/v1/admin/dead-letters/replay")
                    .then().statusCode(200).body("topic", equalTo(DLQ)).extract().path("replayed");
            assertTrue(replayed >= 2, "replayed " + replayed);
            await().atMost(Duration.ofSeconds(60)).until(() -> total(counter) == 2L && waiting() >= 1);
            long landedMs = (System.nanoTime() - startedAt) / 1_000_000;
            assertEquals(1L, ledgerRows(refund.id()), "the refund is in the ledger once");
            assertEquals(2, tallyEvents(counter));

            // A second replay (the unreadable record again) changes nothing that was applied.
            given().auth().oauth2(token("district-admin")).queryParam("topic", DLQ)
                    .when().post("/api/v1/admin/dead-letters/replay").then().statusCode(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> waiting() >= 1);
            assertEquals(2L, total(counter));
            deadLetters.summaries();
            double counted = registry.get("dead.letter.records").tag("topic", DLQ).functionCounter().count();
            assertTrue(counted >= 3, "the DLQ counter counts every record sent there: " + counted);
            given().when().get("/q/metrics").then().statusCode(200)
                    .body(containsString("dead_letter_records_total{topic=\"" + DLQ + "\"}"));
            System.out.printf("FIGURES poison: 2 poison events of 3, DLQ %s held %.0f record(s) in all, %d replayed by the first replay, "
                    + "refund applied once %d ms after it%n", DLQ, counted, replayed, landedMs);
        } finally {
            TallyConsumer.acceptNegative = false;
        }
    }

    @Test
    void anOversizedEventIsParkedAndTheEventsBehindItFlowOn() {
        String counter = "oversized-" + UUID.randomUUID();
        String overOneMegabyte = "x".repeat(1_200_000);
        UUID[] ids = new UUID[3];
        QuarkusTransaction.requiringNew().run(() -> {
            ids[0] = outbox.publish(TallyAdded.TYPE, counter, new TallyAdded(counter, 1, null)).id();
            ids[1] = outbox.publish(TallyAdded.TYPE, counter, new TallyAdded(counter, 100, overOneMegabyte)).id();
            ids[2] = outbox.publish(TallyAdded.TYPE, counter, new TallyAdded(counter, 10, null)).id();
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> total(counter) == 11L);
        Object[] parked = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select parked_at, published_at, attempts, last_error from outbox_event where id = :id")
                .setParameter("id", ids[1]).getSingleResult());
        assertNotNull(parked[0], "parked");
        assertNull(parked[1], "never published");
        assertEquals(1, ((Number) parked[2]).intValue(), "parked at the first refusal: no retry gets it through");
        assertTrue(String.valueOf(parked[3]).contains("RecordTooLargeException"), String.valueOf(parked[3]));

        // Later events flow too, and readiness shows the outbox DEGRADED while the pod stays ready.
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(TallyAdded.TYPE, counter, new TallyAdded(counter, 5, null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> total(counter) == 16L && relay.parkedEvents() >= 1);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.status", equalTo("DEGRADED"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("outbox_parked_events"));
        System.out.printf("FIGURES oversized: 4 events, 1 parked (%d bytes), 3 published, parked gauge %.0f%n",
                overOneMegabyte.length(), registry.get("outbox.parked.events").gauge().value());
    }

    @Test
    void theRetentionJobDeletesOldPublishedOutboxRowsAndOldLedgerRowsOnly() {
        String counter = "retention-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 20; i++) {
                outbox.publish(TallyAdded.TYPE, counter, new TallyAdded(counter, 1, null));
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> total(counter) == 20L);
        // Age half of them past the retentions (outbox 7 days, ledger 30 days by default).
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update outbox_event set published_at = now() - interval '8 days' where id in "
                    + "(select id from outbox_event where message_key = :key and published_at is not null order by seq limit 10)")
                    .setParameter("key", counter).executeUpdate();
            em.createNativeQuery("update consumed_event set consumed_at = now() - interval '31 days' where ctid in "
                    + "(select ctid from consumed_event where subject = :key limit 10)")
                    .setParameter("key", counter).executeUpdate();
        });
        long outboxBefore = count("outbox_event");
        long ledgerBefore = count("consumed_event");
        long parkedBefore = count("outbox_event where parked_at is not null");
        long pendingBefore = count("outbox_event where published_at is null");

        long outboxDeleted = outboxRetention.purge();
        long ledgerDeleted = ledgerRetention.purge();

        assertTrue(outboxDeleted >= 10, "deleted " + outboxDeleted);
        assertTrue(ledgerDeleted >= 10, "deleted " + ledgerDeleted);
        assertEquals(0L, count("outbox_event where published_at < now() - interval '7 days'"));
        assertEquals(0L, count("consumed_event where consumed_at < now() - interval '30 days'"));
        assertEquals(parkedBefore, count("outbox_event where parked_at is not null"), "parked rows are kept");
        assertEquals(pendingBefore, count("outbox_event where published_at is null"), "pending rows are kept");
        System.out.printf("FIGURES retention: outbox_event %d -> %d rows, consumed_event %d -> %d rows%n",
                outboxBefore, count("outbox_event"), ledgerBefore, count("consumed_event"));
    }

    // ---- helpers ----

    private String token(String role) {
        return TokenIssuer.shared().token("fault-test-" + role, role).districtId(UUID.randomUUID()).sign();
    }

    private EventEnvelope envelope(String counter, long amount) {
        return EventEnvelope.wrap("/upstream", TallyAdded.TYPE, counter, new TallyAdded(counter, amount, null),
                OffsetDateTime.now(ZoneOffset.UTC), mapper);
    }

    /** An upstream service's event, straight onto the topic (the database may be down: no outbox here). */
    private void send(String counter, long amount) throws Exception {
        sendRaw(counter, mapper.writeValueAsString(envelope(counter, amount)));
    }

    private static KafkaProducer<String, String> producer;

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    private RecordMetadata sendRaw(String key, String value) throws Exception {
        return producer().send(new ProducerRecord<>(TallyAdded.TOPIC, key, value)).get();
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private long dlqRecords() {
        return deadLetters.summaries().stream().filter(s -> s.topic().equals(DLQ)).mapToLong(DeadLetters.Summary::records).sum();
    }

    private long waiting() {
        return deadLetters.summaries().stream().filter(s -> s.topic().equals(DLQ)).mapToLong(DeadLetters.Summary::waiting).sum();
    }

    private Long total(String counter) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<?> totals = em.createNativeQuery("select total from tally where counter = :c")
                        .setParameter("c", counter).getResultList();
                return totals.isEmpty() ? 0L : ((Number) totals.get(0)).longValue();
            });
        } catch (RuntimeException e) {
            return -1L; // the database is not back yet
        }
    }

    private int tallyEvents(String counter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select events from tally where counter = :c").setParameter("c", counter).getSingleResult()).intValue());
    }

    private long ledgerRows(UUID eventId) {
        return count("consumed_event where event_id = '" + eventId + "'");
    }

    private long count(String from) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + from).getSingleResult()).longValue());
    }
}
