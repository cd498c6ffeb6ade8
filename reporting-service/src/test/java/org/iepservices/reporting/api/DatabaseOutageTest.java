package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.iepservices.reporting.testing.Caller.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reporting's own projection consumers through a database outage (issue 14): PostgreSQL stopped
 * for 10 s while session events arrive. The batch transaction is retried with backoff instead of
 * sending the records to reporting.dlq, and the projection converges to every minute once, after
 * the database is back. Without the retry around the batch, the records of the outage end on the
 * dead-letter topic and the total stays short, so this test fails.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class DatabaseOutageTest {

    private final EventPublisher events = new EventPublisher();
    private final UUID student = UUID.randomUUID();
    private final UUID mandate = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void sessionsCompletedWhileTheDatabaseIsDownAreCountedOnceAndNothingIsDeadLettered() throws Exception {
        send(LocalDate.of(2026, 9, 14));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> deliveredIs(30));
        long dlqBefore = dlqRecords();

        LocalInfrastructure infra = LocalInfrastructure.shared();
        int during = 12;
        infra.stopPostgres();
        long stoppedAt = System.nanoTime();
        try {
            for (int i = 1; i <= during; i++) {
                send(LocalDate.of(2026, 9, 14).plusWeeks(i));
            }
            long left = Duration.ofSeconds(10).toNanos() - (System.nanoTime() - stoppedAt);
            if (left > 0) {
                Thread.sleep(left / 1_000_000); // the fault itself: the database stays down 10 s
            }
        } finally {
            infra.startPostgres();
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> deliveredIs(30 * (1 + during)));
        assertEquals(dlqBefore, dlqRecords(), "a database outage must not dead-letter anything");
    }

    private void send(LocalDate date) throws Exception {
        events.send(SessionCompleted.TYPE, student, new SessionCompleted(UUID.randomUUID(), student, mandate, provider,
                ServiceSetting.PULL_OUT, date, 30, List.of()));
    }

    private void deliveredIs(int minutes) {
        given().get("/api/v1/delivered-minutes/students/" + student).then().statusCode(200)
                .body("delivered.total", is(minutes));
    }

    /** Records on reporting.dlq: the sum of its partitions' end offsets. */
    private static long dlqRecords() {
        try (KafkaConsumer<String, String> probe = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = probe.partitionsFor("reporting.dlq").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return probe.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
