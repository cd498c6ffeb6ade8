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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Across all four services, over HTTP only: an IEP in student-service, a session documented in
 * session-service, its minutes in reporting-service via Kafka; also through a broker outage and
 * a redelivered event.
 */
class SessionMinutesFlowIT {

    private static String student;
    private static String session;
    private static String reporting;
    private static String schedule;

    @BeforeAll
    static void startSystem() {
        student = RunningSystem.url(ServiceLayout.STUDENT);
        schedule = RunningSystem.url(ServiceLayout.SCHEDULE);
        session = RunningSystem.url(ServiceLayout.SESSION);
        reporting = RunningSystem.url(ServiceLayout.REPORTING);
    }

    /** A student with the worked example's IEP: speech 2 x 30 min/week, 1 pull-out + 1 push-in. */
    private record Enrolled(String studentId, String mandateId, String providerId) {
    }

    private Enrolled enrollWorkedExampleStudent() {
        String school = given().baseUri(student).contentType(ContentType.JSON)
                .body(Map.of("name", "Maple Elementary " + UUID.randomUUID()))
                .post("/api/v1/schools").then().statusCode(201).extract().path("id");
        String slp = given().baseUri(student).contentType(ContentType.JSON)
                .body(Map.of("givenName", "Dana", "familyName", "Whitfield", "discipline", "SLP",
                        "credentials", "CCC-SLP", "email", "dana." + UUID.randomUUID() + "@example.org",
                        "schoolIds", List.of(school)))
                .post("/api/v1/staff").then().statusCode(201).extract().path("id");
        String kid = given().baseUri(student).contentType(ContentType.JSON)
                .body(Map.of("givenName", "Ava", "familyName", "Johnson", "grade", "2", "schoolId", school))
                .post("/api/v1/students").then().statusCode(201).extract().path("id");
        JsonPath iep = given().baseUri(student).contentType(ContentType.JSON)
                .body(Map.of("startDate", "2026-09-01", "endDate", "2027-08-31",
                        "eligibility", "Speech or Language Impairment",
                        "goals", List.of(Map.of("area", "EXPRESSIVE_LANGUAGE", "skillStage", "GENERALIZATION",
                                "description", "Retell a story with beginning, middle and end", "targetPercent", 80)),
                        "mandates", List.of(Map.of("serviceType", "SPEECH_LANGUAGE", "sessionsPerInterval", 2,
                                "minutesPerSession", 30, "interval", "WEEK", "pushInSessions", 1,
                                "pullOutSessions", 1, "maxGroupSize", 3, "providerId", slp))))
                .post("/api/v1/students/" + kid + "/ieps").then().statusCode(201).extract().jsonPath();
        given().baseUri(student).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/ieps/" + iep.getString("id") + "/activate").then().statusCode(200)
                .body("status", is("ACTIVE"));
        return new Enrolled(kid, iep.getString("mandates[0].id"), slp);
    }

    private String draftLog(Enrolled e, String date, String setting, int minutes) {
        Map<String, Object> line = new HashMap<>(Map.of("studentId", e.studentId(), "mandateId", e.mandateId(),
                "attendance", "PRESENT", "minutes", minutes));
        return given().baseUri(session).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("providerId", e.providerId(), "sessionDate", date, "startTime", "10:00:00",
                        "endTime", "10:30:00", "setting", setting,
                        "format", setting.equals("PUSH_IN") ? "SMALL_GROUP" : "INDIVIDUAL",
                        "students", List.of(line)))
                .post("/api/v1/session-logs").then().statusCode(201).extract().path("id");
    }

    private void complete(String logId) {
        given().baseUri(session).contentType(ContentType.JSON)
                .body(Map.of("signedBy", "Dana Whitfield", "credentials", "CCC-SLP"))
                .post("/api/v1/session-logs/" + logId + "/complete").then().statusCode(200)
                .body("locked", is(true));
    }

    @Test
    void aCompletedSessionsMinutesAndAnOwedMissReachReporting() {
        Enrolled e = enrollWorkedExampleStudent();
        // Week of Mon 2026-09-14: Tuesday pull-out delivered, Thursday push-in missed (provider absent).
        complete(draftLog(e, "2026-09-15", "PULL_OUT", 30));
        given().baseUri(session).contentType(ContentType.JSON)
                .body(Map.of("studentId", e.studentId(), "mandateId", e.mandateId(), "providerId", e.providerId(),
                        "setting", "PUSH_IN", "sessionDate", "2026-09-17", "minutes", 30,
                        "reason", "PROVIDER_ABSENT"))
                .post("/api/v1/misses").then().statusCode(201).body("owed", is("OWED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(reporting)
                        .queryParam("from", "2026-09-14").queryParam("to", "2026-09-20")
                        .get("/api/v1/delivered-minutes/students/" + e.studentId())
                        .then().statusCode(200)
                        .body("delivered.total", is(30))
                        .body("delivered.pullOut", is(30))
                        .body("delivered.pushIn", is(0))
                        .body("missed.owed", is(30))
                        .body("mandates[0].mandateId", is(e.mandateId())));
    }

    /**
     * domain.md's worked example: speech 2 x 30/week (1 pull-out + 1 push-in), week of Mon 2026-09-14.
     * Tuesday pull-out delivered, Thursday push-in missed (provider absent, owed): out of compliance
     * with 30 owed once the week closes; a 30-minute push-in makeup the next week brings it to 0.
     */
    @Test
    void theWorkedExampleAcrossAllFourServices() {
        Enrolled e = enrollWorkedExampleStudent();
        complete(draftLog(e, "2026-09-15", "PULL_OUT", 30));
        String miss = given().baseUri(session).contentType(ContentType.JSON)
                .body(Map.of("studentId", e.studentId(), "mandateId", e.mandateId(), "providerId", e.providerId(),
                        "setting", "PUSH_IN", "sessionDate", "2026-09-17", "minutes", 30,
                        "reason", "PROVIDER_ABSENT"))
                .post("/api/v1/misses").then().statusCode(201).extract().path("id");

        String week = "/api/v1/compliance/students/" + e.studentId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(reporting).queryParam("from", "2026-09-14").queryParam("to", "2026-09-20")
                        .get(week).then().statusCode(200)
                        .body("mandates[0].mandateId", is(e.mandateId()))
                        .body("mandates[0].periods[0].mandated.pullOut", is(30))
                        .body("mandates[0].periods[0].mandated.pushIn", is(30))
                        .body("mandates[0].periods[0].delivered.pullOut", is(30))
                        .body("mandates[0].periods[0].delivered.pushIn", is(0))
                        .body("mandates[0].periods[0].missedOwed", is(30))
                        .body("mandates[0].periods[0].owedBalance", is(30))
                        .body("mandates[0].periods[0].status", is("OUT_OF_COMPLIANCE")));

        Map<String, Object> line = Map.of("studentId", e.studentId(), "mandateId", e.mandateId(),
                "attendance", "PRESENT", "makeupFor", List.of(miss));
        String makeup = given().baseUri(session).contentType(ContentType.JSON)
                .body(Map.of("providerId", e.providerId(), "sessionDate", "2026-09-22", "startTime", "13:00:00",
                        "endTime", "13:30:00", "setting", "PUSH_IN", "format", "SMALL_GROUP",
                        "students", List.of(line)))
                .post("/api/v1/session-logs").then().statusCode(201).extract().path("id");
        complete(makeup);

        given().baseUri(session).get("/api/v1/students/" + e.studentId() + "/makeup-ledger")
                .then().statusCode(200)
                .body("mandates[0].owedMinutes", is(30))
                .body("mandates[0].outstandingMinutes", is(0))
                .body("mandates[0].misses[0].repaidBy", contains(makeup));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(reporting).queryParam("from", "2026-09-14").queryParam("to", "2026-09-20")
                        .get(week).then()
                        .body("mandates[0].periods[0].madeUp.pushIn", is(30))
                        .body("mandates[0].periods[0].owedBalance", is(0))
                        .body("mandates[0].periods[0].status", is("ON_TRACK")));
    }

    @Test
    void withKafkaDownTheSessionIsAcceptedAndItsMinutesArriveWhenKafkaReturns() {
        Enrolled e = enrollWorkedExampleStudent();
        String logId = draftLog(e, "2026-09-22", "PUSH_IN", 30);
        LocalInfrastructure infra = RunningSystem.get().infrastructure();
        infra.stopKafkaBroker();
        try {
            complete(logId);
            given().baseUri(session).get("/api/v1/session-logs/" + logId).then().body("status", is("COMPLETED"));
            // Reporting cannot know yet: the event waits in session-service's outbox.
            given().baseUri(reporting).get("/api/v1/delivered-minutes/students/" + e.studentId())
                    .then().statusCode(200).body("delivered.total", is(0));
        } finally {
            infra.startKafkaBroker();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().baseUri(reporting).get("/api/v1/delivered-minutes/students/" + e.studentId())
                        .then().body("delivered.pushIn", is(30)));
    }

    @Test
    void aRedeliveredSessionCompletedDoesNotDoubleCount() throws Exception {
        Enrolled e = enrollWorkedExampleStudent();
        String logId = draftLog(e, "2026-09-29", "PULL_OUT", 30);
        complete(logId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(reporting).get("/api/v1/delivered-minutes/students/" + e.studentId())
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
        complete(draftLog(e, "2026-10-01", "PUSH_IN", 30));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(reporting).get("/api/v1/delivered-minutes/students/" + e.studentId())
                        .then().body("delivered.sessions", is(2)));
        given().baseUri(reporting).get("/api/v1/delivered-minutes/students/" + e.studentId())
                .then().body("delivered.total", is(60)).body("delivered.pullOut", is(30));
    }

    @Test
    void everyServiceIsHealthyAndDocumentsItsApi() {
        for (ServiceLayout layout : ServiceLayout.ALL) {
            String url = RunningSystem.url(layout);
            // Kafka readiness recovers a few seconds after the broker-outage test, whatever the test order.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().baseUri(url).get("/q/health").then().statusCode(200).body("status", is("UP")));
            given().baseUri(url).queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).body("paths", not(anEmptyMap()));
            given().baseUri(url).get("/api/v1/no-such-resource").then().statusCode(404)
                    .contentType("application/problem+json");
            given().baseUri(url).get("/q/metrics").then().statusCode(200)
                    .body(containsString("http_server_requests_seconds_count"))
                    .body(containsString("jvm_memory_used_bytes"));
        }
        given().baseUri(session).get("/q/metrics").then().body(containsString("outbox_pending_events"));
    }
}
