package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionAmended;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.reporting.testing.Caller.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class DeliveredMinutesResourceTest {

    private final EventPublisher events = new EventPublisher();

    private final UUID student = UUID.randomUUID();
    private final UUID mandate = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    private EventEnvelope completed(ServiceSetting setting, String date, int minutes) {
        return events.envelope(SessionCompleted.TYPE, student,
                new SessionCompleted(UUID.randomUUID(), student, mandate, provider, setting, LocalDate.parse(date),
                        minutes, List.of()));
    }

    private void send(EventEnvelope event) throws Exception {
        events.send("session.events", event);
    }

    @Test
    void completedAndMissedSessionsAreTalliedBySettingAndVerdict() throws Exception {
        send(completed(ServiceSetting.PULL_OUT, "2026-09-15", 30));
        events.send(SessionMissed.TYPE, student,
                new SessionMissed(UUID.randomUUID(), student, mandate, provider, ServiceSetting.PUSH_IN,
                        LocalDate.parse("2026-09-17"), 30, "PROVIDER_ABSENT", "OWED"));
        send(completed(ServiceSetting.PUSH_IN, "2026-09-22", 25));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/delivered-minutes/students/" + student)
                        .then().statusCode(200)
                        .body("delivered.total", is(55))
                        .body("delivered.pullOut", is(30))
                        .body("delivered.pushIn", is(25))
                        .body("delivered.sessions", is(2))
                        .body("missed.owed", is(30))
                        .body("mandates[0].mandateId", is(mandate.toString())));

        // The week of 2026-09-14 only.
        given().queryParam("from", "2026-09-14").queryParam("to", "2026-09-20")
                .get("/api/v1/delivered-minutes/students/" + student)
                .then().statusCode(200)
                .body("delivered.total", is(30))
                .body("delivered.pushIn", is(0))
                .body("missed.owed", is(30))
                .body("sessions", hasSize(1));
    }

    @Test
    void aRedeliveredEventIsCountedOnce() throws Exception {
        EventEnvelope event = completed(ServiceSetting.PULL_OUT, "2026-09-15", 30);
        send(event);
        send(event); // the relay or Kafka may deliver the same event again
        send(completed(ServiceSetting.PUSH_IN, "2026-09-16", 20)); // processed after the duplicate

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/delivered-minutes/students/" + student)
                        .then().body("delivered.sessions", is(2)));
        given().get("/api/v1/delivered-minutes/students/" + student)
                .then().body("delivered.total", is(50)).body("delivered.pullOut", is(30));
    }

    @Test
    void anAmendmentReplacesTheStudentsMinutesAndZeroRemovesTheDelivery() throws Exception {
        EventEnvelope first = completed(ServiceSetting.PULL_OUT, "2026-09-15", 30);
        EventEnvelope second = completed(ServiceSetting.PUSH_IN, "2026-09-17", 30);
        send(first);
        send(second);
        SessionCompleted a = first.dataAs(SessionCompleted.TYPE, events.mapper);
        SessionCompleted b = second.dataAs(SessionCompleted.TYPE, events.mapper);
        events.send(SessionAmended.TYPE, student, new SessionAmended(a.sessionLogId(), UUID.randomUUID(), student,
                mandate, provider, ServiceSetting.PULL_OUT, a.sessionDate(), 30, 20, List.of(), "left early"));
        events.send(SessionAmended.TYPE, student, new SessionAmended(b.sessionLogId(), UUID.randomUUID(), student,
                mandate, provider, ServiceSetting.PUSH_IN, b.sessionDate(), 30, 0, List.of(), "was absent after all"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/delivered-minutes/students/" + student)
                        .then().body("delivered.total", is(20))
                        .body("delivered.pullOut", is(20))
                        .body("delivered.sessions", is(1)));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String garbage = "{\"not\":\"a cloudevent\"," + UUID.randomUUID() + "}";
        events.sendRaw("session.events", student.toString(), garbage);
        send(completed(ServiceSetting.PULL_OUT, "2026-09-15", 30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/delivered-minutes/students/" + student)
                        .then().body("delivered.total", is(30)));

        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            dlq.subscribe(List.of("reporting.dlq"));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && !values.contains(garbage)) {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(300))) {
                    values.add(r.value());
                }
            }
            assertTrue(values.contains(garbage), "the unreadable record was kept on reporting.dlq");
        }
    }

    @Test
    void badQueriesAreClientErrors() {
        given().queryParam("from", "2026-09-20").queryParam("to", "2026-09-14")
                .get("/api/v1/delivered-minutes/students/" + student)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("to"));
        given().queryParam("from", "15/06/2023")
                .get("/api/v1/delivered-minutes/students/" + student)
                .then().statusCode(anyOf(is(400), is(404))).contentType("application/problem+json");
        given().get("/api/v1/delivered-minutes/students/" + UUID.randomUUID())
                .then().statusCode(200).body("delivered.total", is(0)).body("sessions", hasSize(0));
    }
}
