package org.iepservices.e2e;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.client.reporting.api.DeliveredMinutesApi;
import org.iepservices.client.reporting.model.DeliveredMinutesResponse;
import org.iepservices.client.session.api.SessionLogsApi;
import org.iepservices.localinfra.ServiceLayout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.iepservices.e2e.Clients.eventually;
import static org.iepservices.e2e.Clients.json;
import static org.iepservices.e2e.Clients.reporting;
import static org.iepservices.e2e.Clients.session;
import static org.iepservices.e2e.Clients.status;
import static org.iepservices.e2e.TestDistrict.*;
import org.iepservices.e2e.TestDistrict.Enrolled;

/**
 * Across all four services, through the generated clients only: an IEP in student-service, a session documented in
 * session-service, its minutes in reporting-service via Kafka; also through a broker outage and
 * a redelivered event.
 */
class SessionMinutesFlowIT {

    @Test
    void aCompletedSessionsMinutesAndAnOwedMissReachReporting() throws Exception {
        Enrolled e = speechStudent(1, 1);
        complete(e, draftLog(e, "2026-09-15", "PULL_OUT", 30));
        miss(e, "2026-09-17", "PUSH_IN", "PROVIDER_ABSENT");

        eventually(Duration.ofSeconds(30)).untilAsserted(() -> {
            DeliveredMinutesResponse minutes = status(reporting(DeliveredMinutesApi::new)
                    .getDeliveredMinutesStudentWithHttpInfo(e.studentId(), LocalDate.parse("2026-09-14"),
                            LocalDate.parse("2026-09-20")), 200);
            assertThat(minutes.getDelivered().getTotal(), is(30));
            assertThat(minutes.getDelivered().getPullOut(), is(30));
            assertThat(minutes.getDelivered().getPushIn(), is(0));
            assertThat(minutes.getMissed().getOwed(), is(30));
            assertThat(minutes.getMandates().get(0).getMandateId(), is(e.mandateId()));
        });
    }

    /** A student's delivered minutes over the default range, as the district coordinator. */
    private static DeliveredMinutesResponse deliveredMinutes(Enrolled e) throws Exception {
        return status(reporting(DeliveredMinutesApi::new).getDeliveredMinutesStudentWithHttpInfo(e.studentId(), null,
                null), 200);
    }

    @Test
    void withKafkaDownTheSessionIsAcceptedAndItsMinutesArriveWhenKafkaReturns() throws Exception {
        Enrolled e = speechStudent(1, 1);
        UUID logId = draftLog(e, "2026-09-22", "PUSH_IN", 30);
        LocalInfrastructure infra = RunningSystem.get().infrastructure();
        infra.stopKafkaBroker();
        try {
            complete(e, logId);
            assertThat(json(session(SessionLogsApi::new).getSessionLog(logId)).path("status").asText(),
                    is("COMPLETED"));
            // Reporting cannot know yet: the event waits in session-service's outbox.
            assertThat(deliveredMinutes(e).getDelivered().getTotal(), is(0));
        } finally {
            infra.startKafkaBroker();
        }
        eventually(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(deliveredMinutes(e).getDelivered().getPushIn(), is(30)));
    }

    @Test
    void aRedeliveredSessionCompletedDoesNotDoubleCount() throws Exception {
        Enrolled e = speechStudent(1, 1);
        UUID logId = draftLog(e, "2026-09-29", "PULL_OUT", 30);
        complete(e, logId);
        eventually(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deliveredMinutes(e).getDelivered().getTotal(), is(30)));

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
                    if (r.value().contains(logId.toString())) {
                        original = r;
                    }
                }
            }
        }
        assertNotNull(original, "session-service published the SessionCompleted");
        assertEquals(e.studentId().toString(), original.key());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>("session.events", original.key(), original.value())).get();
        }
        // A later, different session proves the consumer processed past the duplicate.
        complete(e, draftLog(e, "2026-10-01", "PUSH_IN", 30));
        eventually(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deliveredMinutes(e).getDelivered().getSessions(), is(2)));
        DeliveredMinutesResponse minutes = deliveredMinutes(e);
        assertThat(minutes.getDelivered().getTotal(), is(60));
        assertThat(minutes.getDelivered().getPullOut(), is(30));
    }

    /** The platform endpoints, which no API document describes: probed directly (see RunningSystem#probe). */
    @Test
    void everyServiceIsHealthyAndDocumentsItsApi() throws Exception {
        String admin = RunningSystem.adminToken();
        for (ServiceLayout layout : ServiceLayout.ALL) {
            // Kafka readiness recovers a few seconds after the broker-outage test, whatever the test order.
            eventually(Duration.ofSeconds(60)).untilAsserted(() -> {
                RunningSystem.Probe health = RunningSystem.probe(layout, "/q/health", admin);
                assertEquals(200, health.status(), health.body());
                assertThat(Clients.JSON.readTree(health.body()).path("status").asText(), is("UP"));
            });
            RunningSystem.Probe openapi = RunningSystem.probe(layout, "/q/openapi?format=json", admin);
            assertEquals(200, openapi.status());
            assertThat(Clients.JSON.readTree(openapi.body()).path("paths").size(), greaterThan(0));
            RunningSystem.Probe unknown = RunningSystem.probe(layout, "/api/v1/no-such-resource", admin);
            assertEquals(404, unknown.status());
            assertThat(unknown.contentType(), startsWith("application/problem+json"));
            RunningSystem.Probe metrics = RunningSystem.probe(layout, "/q/metrics", admin);
            assertEquals(200, metrics.status());
            assertThat(metrics.body(), containsString("http_server_requests_seconds_count"));
            assertThat(metrics.body(), containsString("jvm_memory_used_bytes"));
        }
        assertThat(RunningSystem.probe(ServiceLayout.SESSION, "/q/metrics", admin).body(),
                containsString("outbox_pending_events"));
    }
}
