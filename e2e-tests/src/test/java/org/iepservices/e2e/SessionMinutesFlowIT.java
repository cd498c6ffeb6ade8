package org.iepservices.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.ServiceLayout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.iepservices.e2e.TestDistrict.*;
import org.iepservices.e2e.TestDistrict.Enrolled;

/**
 * Across all four services, over HTTP only: an IEP in student-service, a session documented in
 * session-service, its minutes in reporting-service via Kafka; also through a broker outage and
 * a redelivered event.
 */
class SessionMinutesFlowIT {

    @Test
    void aCompletedSessionsMinutesAndAnOwedMissReachReporting() {
        Enrolled e = speechStudent(1, 1);
        complete(e, draftLog(e, "2026-09-15", "PULL_OUT", 30));
        miss(e, "2026-09-17", "PUSH_IN", "PROVIDER_ABSENT");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                at(ServiceLayout.REPORTING)
                        .queryParam("from", "2026-09-14").queryParam("to", "2026-09-20")
                        .get("/api/v1/delivered-minutes/students/" + e.studentId())
                        .then().statusCode(200)
                        .body("delivered.total", is(30))
                        .body("delivered.pullOut", is(30))
                        .body("delivered.pushIn", is(0))
                        .body("missed.owed", is(30))
                        .body("mandates[0].mandateId", is(e.mandateId())));
    }

    @Test
    void withKafkaDownTheSessionIsAcceptedAndItsMinutesArriveWhenKafkaReturns() {
        Enrolled e = speechStudent(1, 1);
        String logId = draftLog(e, "2026-09-22", "PUSH_IN", 30);
        LocalInfrastructure infra = RunningSystem.get().infrastructure();
        infra.stopKafkaBroker();
        try {
            complete(e, logId);
            at(ServiceLayout.SESSION).get("/api/v1/session-logs/" + logId).then().body("status", is("COMPLETED"));
            // Reporting cannot know yet: the event waits in session-service's outbox.
            at(ServiceLayout.REPORTING).get("/api/v1/delivered-minutes/students/" + e.studentId())
                    .then().statusCode(200).body("delivered.total", is(0));
        } finally {
            infra.startKafkaBroker();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                at(ServiceLayout.REPORTING).get("/api/v1/delivered-minutes/students/" + e.studentId())
                        .then().body("delivered.pushIn", is(30)));
    }

    @Test
    void aRedeliveredSessionCompletedDoesNotDoubleCount() throws Exception {
        Enrolled e = speechStudent(1, 1);
        String logId = draftLog(e, "2026-09-29", "PULL_OUT", 30);
        complete(e, logId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                at(ServiceLayout.REPORTING).get("/api/v1/delivered-minutes/students/" + e.studentId())
                        .then().body("delivered.total", is(30)));

        // Take the very record session-service published and deliver it again, as a relay retry would.
        String bootstrap = RunningSystem.get().infrastructure().kafkaBootstrapServers();
        ConsumerRecord<String, String> original = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("session.events"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (original == null && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.value().contains(logId)) {
                        original = r;
                    }
                }
            }
        }
        assertNotNull(original, "session-service published the SessionCompleted");
        assertEquals(e.studentId(), original.key());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>("session.events", original.key(), original.value())).get();
        }
        // A later, different session proves the consumer processed past the duplicate.
        complete(e, draftLog(e, "2026-10-01", "PUSH_IN", 30));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                at(ServiceLayout.REPORTING).get("/api/v1/delivered-minutes/students/" + e.studentId())
                        .then().body("delivered.sessions", is(2)));
        at(ServiceLayout.REPORTING).get("/api/v1/delivered-minutes/students/" + e.studentId())
                .then().body("delivered.total", is(60)).body("delivered.pullOut", is(30));
    }

    @Test
    void everyServiceIsHealthyAndDocumentsItsApi() {
        for (ServiceLayout layout : ServiceLayout.ALL) {
            // Kafka readiness recovers a few seconds after the broker-outage test, whatever the test order.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    at(layout).get("/q/health").then().statusCode(200).body("status", is("UP")));
            at(layout).queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).body("paths", not(anEmptyMap()));
            at(layout).get("/api/v1/no-such-resource").then().statusCode(404)
                    .contentType("application/problem+json");
            at(layout).get("/q/metrics").then().statusCode(200)
                    .body(containsString("http_server_requests_seconds_count"))
                    .body(containsString("jvm_memory_used_bytes"));
        }
        at(ServiceLayout.SESSION).get("/q/metrics").then().body(containsString("outbox_pending_events"));
    }
}
