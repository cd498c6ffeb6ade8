package org.iepservices.reporting.progress.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepEnded;
import org.iepservices.events.MissResolved;
import org.iepservices.events.OccurrenceCancelled;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;
import org.iepservices.events.SessionSeriesCancelled;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.progress.events.ProgressIepConsumer;
import org.iepservices.reporting.progress.events.ProgressRosterConsumer;
import org.iepservices.reporting.progress.events.ProgressScheduleConsumer;
import org.iepservices.reporting.progress.events.ProgressSessionConsumer;
import org.iepservices.reporting.progress.projection.ProgressProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.reporting.progress.api.GoalProgressResourceTest.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The projections' promise to the "rebuild from the topics" job: wipe their tables and their
 * consumed_event rows, replay the topics from the beginning, and every row comes back the same,
 * even though the replay visits the topics in a different order than the live consumers did.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class ProgressRebuildTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-09-01T08:00:00Z");

    @Inject
    EntityManager em;
    @Inject
    ProgressRosterConsumer roster;
    @Inject
    ProgressIepConsumer iep;
    @Inject
    ProgressScheduleConsumer schedule;
    @Inject
    ProgressSessionConsumer sessions;

    private final ProgressEvents events = new ProgressEvents();

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void wipingTheProjectionsAndReplayingTheTopicsRebuildsEveryRowExactly() throws Exception {
        scenarioWithLateAndDuplicateEvents();
        awaitLiveConsumersCaughtUp(); // other test classes' events too: the dump must be of a settled projection

        Map<String, List<String>> before = dump();
        assertFalse(before.get("progress_goal_point").isEmpty());

        QuarkusTransaction.requiringNew().run(() -> {
            for (ProgressProjection projection : ProgressProjection.values()) {
                projection.reset(em);
            }
        });
        assertTrue(dump().values().stream().allMatch(List::isEmpty), "the projections were wiped");

        // Sessions first, roster last: the opposite of how the events were produced.
        replay(ProgressProjection.SESSIONS.topic(), sessions);
        replay(ProgressProjection.SCHEDULE.topic(), schedule);
        replay(ProgressProjection.IEP.topic(), iep);
        replay(ProgressProjection.ROSTER.topic(), roster);

        Map<String, List<String>> after = dump();
        for (String table : before.keySet()) {
            assertEquals(before.get(table), after.get(table), table + " was rebuilt exactly");
        }
    }

    private void scenarioWithLateAndDuplicateEvents() throws Exception {
        UUID student = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        UUID mandate = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        events.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "s", "Late", "Name", "02", null,
                "active"), T0.plusDays(2));
        events.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "s", "Early", "Name", "01", null,
                "active"), T0); // older: ignored live and on replay
        events.send(IepActivated.TYPE, student, new IepActivated(first, student, null, IEP_START, IEP_END,
                List.of(speech(mandate, provider, IEP_START)), List.of(goal(goal, "ARTICULATION", "Produce /s/", 80))));
        var ended = events.send(IepEnded.TYPE, student, new IepEnded(first, student, LocalDate.parse("2027-03-01"),
                "moved"));
        events.send(IepEnded.TYPE.topic(), ended); // duplicate
        UUID series = UUID.randomUUID();
        UUID occ = UUID.randomUUID();
        events.send(OccurrenceCancelled.TYPE, student, new OccurrenceCancelled(occ, series, student, mandate, provider,
                ServiceSetting.PUSH_IN, LocalDate.parse("2026-10-01"), 30, "OTHER", null), T0.plusDays(1));
        events.send(SessionSeriesScheduled.TYPE, student, new SessionSeriesScheduled(series, student, mandate,
                provider, "SPEECH_LANGUAGE", ServiceSetting.PUSH_IN, null, UUID.randomUUID(),
                List.of(UUID.randomUUID()), null, "WRITING", null, DayOfWeek.THURSDAY, LocalTime.of(10, 0), 30,
                IEP_START, IEP_END, 1, List.of(new SessionSeriesScheduled.Occurrence(occ, LocalDate.parse("2026-10-01"),
                LocalTime.of(10, 0), 30, List.of()), new SessionSeriesScheduled.Occurrence(UUID.randomUUID(),
                LocalDate.parse("2026-10-08"), LocalTime.of(10, 0), 30, List.of()))), T0);
        events.send(SessionSeriesCancelled.TYPE, student, new SessionSeriesCancelled(series, student, mandate,
                LocalDate.parse("2026-12-01"), "left the group"), T0.plusDays(3));
        UUID miss = UUID.randomUUID();
        events.send(MissResolved.TYPE, student, new MissResolved(miss, student, mandate, "OWED", "IEP team",
                LocalDate.parse("2026-09-30"), "decided"), T0.plusDays(4)); // before its miss
        events.send(SessionMissed.TYPE, student, new SessionMissed(miss, student, mandate, provider,
                ServiceSetting.PULL_OUT, LocalDate.parse("2026-09-22"), 30, "SCHEDULING_ERROR", "REVIEW"));
        var completed = events.send(SessionCompleted.TYPE, student, session(UUID.randomUUID(), student, mandate,
                provider, ServiceSetting.PULL_OUT, "2026-09-15", 30, List.of(trials(goal, 6, 10, "MINIMAL")), null,
                "Good focus"));
        events.send(SessionCompleted.TYPE.topic(), completed); // duplicate
        events.send(SessionCompleted.TYPE, student, session(UUID.randomUUID(), student, mandate, provider,
                ServiceSetting.PULL_OUT, "2026-09-22", 30, List.of(trials(goal, 7, 10, null)), null, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/students/" + student + "/goals/" + goal + "/progress").then().statusCode(200)
                .body("pointCount", is(2))
                .body("iepEndDate", is("2027-03-01")));
        // the roster and schedule consumers run on their own: wait for their last events too
        await().atMost(Duration.ofSeconds(30)).until(() -> count("progress_series where ended_from is not null "
                + "and series_id = '" + series + "'") == 1 && count("progress_miss where miss_id = '" + miss
                + "' and reason is not null") == 1 && count("progress_student where student_id = '" + student
                + "' and given_name = 'Late'") == 1);
    }

    /** Until the live consumer group has committed every record of the four topics. */
    private static void awaitLiveConsumersCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("reporting-progress")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (ProgressProjection projection : ProgressProjection.values()) {
                    admin.describeTopics(List.of(projection.topic())).allTopicNames().get().get(projection.topic())
                            .partitions().forEach(p -> latest.put(new TopicPartition(projection.topic(),
                                    p.partition()), OffsetSpec.latest()));
                }
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || committed.containsKey(e.getKey()) && committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset());
            });
        }
    }

    private long count(String from) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from " + from).getSingleResult()).longValue());
    }

    private Map<String, List<String>> dump() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (ProgressProjection projection : ProgressProjection.values()) {
                for (String table : projection.tables()) {
                    @SuppressWarnings("unchecked")
                    List<String> list = em.createNativeQuery("select cast(t as text) from " + table + " t order by 1")
                            .getResultList();
                    rows.put(table, list);
                }
            }
            return rows;
        });
    }

    /** Feeds every record of the topic, from the beginning, to the consumer as the live channel would. */
    private static void replay(String topic, IdempotentConsumer consumer) {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            kafka.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(p -> kafka.position(p) < end.get(p))) {
                assertTrue(System.currentTimeMillis() < deadline, "replay of " + topic + " timed out");
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                    try {
                        consumer.consume(record.value());
                    } catch (RuntimeException unreadable) {
                        // the live channel sends these to reporting.dlq; they changed nothing there either
                    }
                }
            }
        }
    }
}
