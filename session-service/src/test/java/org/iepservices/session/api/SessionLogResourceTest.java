package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.backbone.outbox.OutboxRelay;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class SessionLogResourceTest {

    private TestWorld world;
    private TestWorld.Student student;

    @BeforeEach
    void district() throws Exception {
        world = TestWorld.create();
        student = world.student();
        world.awaitKnown(student);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void completingALogLocksItAndPublishesSessionCompletedWithEveryField() throws Exception {
        Map<String, Object> body = world.speechLog(student, "PRESENT", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) body.get("students")).get(0);
        Map<String, Object> probe = new HashMap<>(Map.of("goalId", student.speechGoal2().toString(),
                "measure", "PROBE", "probeResult", "4/5 /r/ words in sentences", "correct", 4, "total", 5));
        line.put("goalData", List.of(trials(student.speechGoal(), 8, 10), probe));
        line.put("progressNote", "Retold the story with two prompts");
        String id = createLog(world.slp(), body);

        world.slp().get("/api/v1/session-logs/" + id).then().statusCode(200)
                .body("status", is("DRAFT"))
                .body("students[0].minutes", is(30))
                .body("students[0].serviceType", is("SPEECH_LANGUAGE"))
                .body("students[0].goalData[0].percent", is(80.0f))
                .body("students[0].goalData[1].percent", is(80.0f));

        try (SessionEventsProbe events = new SessionEventsProbe()) {
            world.complete(id, world.slp).statusCode(200)
                    .body("status", is("COMPLETED"))
                    .body("locked", is(true))
                    .body("signature.signedBy", is("Dana Whitfield"))
                    .body("signature.credentials", is("M.S., CCC-SLP"))
                    .body("signature.signedAt", notNullValue());

            List<JsonNode> found = events.await(e -> e.path("data").path("sessionLogId").asText().equals(id), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, found.size(), "one SessionCompleted for the one student");
            JsonNode event = found.get(0);
            assertEquals("SessionCompleted", event.get("type").asText());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("/session-service", event.get("source").asText());
            assertEquals(student.id().toString(), event.get("subject").asText());
            JsonNode data = event.get("data");
            assertEquals(student.id().toString(), data.get("studentId").asText());
            assertEquals(student.speech().toString(), data.get("mandateId").asText());
            assertEquals(world.slp.id().toString(), data.get("providerId").asText());
            assertEquals("PULL_OUT", data.get("setting").asText());
            assertEquals("2026-09-15", data.get("sessionDate").asText());
            assertEquals(30, data.get("minutes").asInt());
            assertEquals(0, data.get("makeupFor").size());
            assertTrue(data.get("occurrenceId").isNull(), "ad hoc session");
            assertEquals("SPEECH_LANGUAGE", data.get("serviceType").asText());
            assertEquals("INDIVIDUAL", data.get("format").asText());
            assertEquals("10:00:00", data.get("startTime").asText());
            assertEquals("10:30:00", data.get("endTime").asText());
            assertEquals("PRESENT", data.get("attendance").asText());
            assertTrue(data.get("pushIn").isNull(), "pull-out has no classroom context");
            assertEquals("Retold the story with two prompts", data.get("progressNote").asText());
            JsonNode trialsData = data.get("goalData").get(0);
            assertEquals(student.speechGoal().toString(), trialsData.get("goalId").asText());
            assertEquals("TRIALS", trialsData.get("measure").asText());
            assertEquals(8, trialsData.get("correct").asInt());
            assertEquals(10, trialsData.get("total").asInt());
            assertEquals(80.0, trialsData.get("percent").asDouble());
            JsonNode probeData = data.get("goalData").get(1);
            assertEquals("PROBE", probeData.get("measure").asText());
            assertEquals("4/5 /r/ words in sentences", probeData.get("probeResult").asText());
            assertEquals(80.0, probeData.get("percent").asDouble());
            String key = events.seen.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow().key();
            assertEquals(student.id().toString(), key, "Kafka key is the student id");
        }

        // Locked: a second completion and any edit are refused and change nothing.
        post(world.slp(), "/api/v1/session-logs/" + id + "/complete", Map.of("signedBy", "Someone Else", "credentials", "OT"))
                .statusCode(409).contentType("application/problem+json").body("status", is(409));
        world.slp().contentType(ContentType.JSON).body(world.speechLog(student, "PARTIAL", 10))
                .put("/api/v1/session-logs/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("addendum"));
        world.slp().get("/api/v1/session-logs/" + id).then()
                .body("signature.signedBy", is("Dana Whitfield"))
                .body("students[0].minutes", is(30))
                .body("students[0].attendance", is("PRESENT"));
    }

    @Test
    void aDraftCanBeEditedWithIfMatchAndSigningWithoutCredentialsTakesTheRostersOnes() {
        String id = createLog(world.slp(), world.speechLog(student, "PRESENT", null));
        String etag = world.slp().get("/api/v1/session-logs/" + id).then().extract().header("ETag");
        world.slp().contentType(ContentType.JSON).header("If-Match", etag).body(world.speechLog(student, "PARTIAL", 20))
                .put("/api/v1/session-logs/" + id).then().statusCode(200)
                .body("students[0].attendance", is("PARTIAL"))
                .body("students[0].minutes", is(20));
        // The old ETag is stale now: 412, nothing changes.
        world.slp().contentType(ContentType.JSON).header("If-Match", etag).body(world.speechLog(student, "PRESENT", null))
                .put("/api/v1/session-logs/" + id).then().statusCode(412);
        world.slp().get("/api/v1/session-logs/" + id).then().body("students[0].minutes", is(20));

        post(world.slp(), "/api/v1/session-logs/" + id + "/complete", Map.of("signedBy", "Dana Whitfield")).statusCode(200)
                .body("signature.credentials", is("M.S., CCC-SLP"));
    }

    @Test
    void withTheBrokerDownTheSessionIsAcceptedAndItsEventDeliveredWhenTheBrokerReturns() throws Exception {
        String id = createLog(world.slp(), world.speechLog(student, "PARTIAL", 20));
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            LocalInfrastructure.shared().stopKafkaBroker();
            try {
                world.complete(id, world.slp).statusCode(200).body("status", is("COMPLETED"));
                Thread.sleep(1500); // several relay ticks fail meanwhile
            } finally {
                LocalInfrastructure.shared().startKafkaBroker();
            }
            List<JsonNode> events = probe.await(e -> e.path("data").path("sessionLogId").asText().equals(id), 1,
                    Duration.ofSeconds(60));
            assertEquals(1, events.size(), "the event waited in the outbox and was delivered");
            assertEquals(20, events.get(0).get("data").get("minutes").asInt());
            assertEquals("PARTIAL", events.get(0).get("data").get("attendance").asText());
        }
    }

    @Test
    void whileAnotherReplicaHoldsTheRelayLockThisOneLeavesTheOutboxAlone() throws Exception {
        String id = createLog(world.slp(), world.speechLog(student, "PRESENT", null));
        LocalInfrastructure infra = LocalInfrastructure.shared();
        try (SessionEventsProbe probe = new SessionEventsProbe();
             Connection otherReplica = DriverManager.getConnection(infra.jdbcUrl("session"), infra.username(),
                     infra.password())) {
            try (PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK_KEY);
                lock.execute();
            }
            world.complete(id, world.slp).statusCode(200);
            assertEquals(0, probe.await(e -> e.path("data").path("sessionLogId").asText().equals(id), 1,
                    Duration.ofSeconds(3)).size(), "another relay holds the lock: this one must not send");

            try (PreparedStatement unlock = otherReplica.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, OutboxRelay.RELAY_LOCK_KEY);
                unlock.execute();
            }
            assertEquals(1, probe.await(e -> e.path("data").path("sessionLogId").asText().equals(id), 1,
                    Duration.ofSeconds(20)).size(), "sent by the next relay run once the lock is free");
        }
    }

    @Test
    void idempotencyKeyReplaysTheFirstLogInsteadOfCreatingASecond() {
        Map<String, Object> body = world.speechLog(student, "PRESENT", 25);
        String key = "tablet-" + UUID.randomUUID();
        String first = world.slp().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/session-logs").then().statusCode(201).extract().path("id");
        String second = world.slp().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/session-logs").then().statusCode(200)
                .header("Location", endsWith("/api/v1/session-logs/" + first))
                .extract().path("id");
        assertEquals(first, second);
        assertEquals(1, world.logsOf(world.slp), "the retry created nothing");

        Map<String, Object> different = world.speechLog(student, "PRESENT", 10);
        world.slp().contentType(ContentType.JSON).header("Idempotency-Key", key).body(different)
                .post("/api/v1/session-logs").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("already used"));
        assertEquals(1, world.logsOf(world.slp));
        world.slp().get("/api/v1/session-logs/" + first).then().body("students[0].minutes", is(25));
    }

    @Test
    void twoConcurrentRequestsWithOneKeyMakeOneLog() throws Exception {
        Map<String, Object> body = world.speechLog(student, "PRESENT", null);
        String key = "tablet-" + UUID.randomUUID();
        LocalInfrastructure infra = LocalInfrastructure.shared();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (Connection blocker = DriverManager.getConnection(infra.jdbcUrl("session"), infra.username(),
                infra.password())) {
            // Reads go on, inserts wait: both requests find no log for the key, then race to insert it.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table session_log in exclusive mode");
            List<java.util.concurrent.Future<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> world.slp().contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(body).post("/api/v1/session-logs")));
            }
            Thread.sleep(2000);
            blocker.commit();
            java.util.Set<String> ids = new java.util.HashSet<>();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var call : calls) {
                io.restassured.response.Response response = call.get();
                statuses.add(response.statusCode());
                ids.add(response.path("id"));
            }
            assertEquals(1, ids.size(), "both requests got the same log: " + statuses);
            assertTrue(statuses.contains(201) && statuses.contains(200), "one created it, one replayed: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, world.logsOf(world.slp));
    }

    @Test
    void listsFilterByProviderStudentDateAndStatusWithPagingHeaders() {
        String a = createLog(world.slp(), world.speechLog(student, "PRESENT", null));
        Map<String, Object> later = world.speechLog(student, "PRESENT", null);
        later.put("sessionDate", "2026-09-22");
        String b = createLog(world.slp(), later);
        world.complete(b, world.slp).statusCode(200);

        world.slp().queryParam("providerId", world.slp.id()).queryParam("limit", 1).get("/api/v1/session-logs")
                .then().statusCode(200)
                .header("X-Total-Count", "2")
                .header("Link", containsString("rel=\"next\""))
                .body("id", contains(b));
        world.slp().queryParam("studentId", student.id()).queryParam("status", "DRAFT").get("/api/v1/session-logs")
                .then().body("id", contains(a));
        world.slp().queryParam("studentId", student.id()).queryParam("from", "2026-09-16").get("/api/v1/session-logs")
                .then().body("id", contains(b));
        world.slp().queryParam("from", "2026-09-20").queryParam("to", "2026-09-01").get("/api/v1/session-logs")
                .then().statusCode(400).body("violations[0].field", is("to"));
    }

    @Test
    void missingFieldsMalformedJsonAndUnknownIdsAreClientErrors() {
        post(world.slp(), "/api/v1/session-logs", Map.of("format", "INDIVIDUAL"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", is("Invalid request"))
                .body("violations.field", hasItems("providerId", "sessionDate", "startTime", "endTime", "setting",
                        "students"));

        world.slp().contentType(ContentType.JSON).body("{\"providerId\": ")
                .post("/api/v1/session-logs")
                .then().statusCode(400).contentType("application/problem+json");

        world.slp().contentType(ContentType.JSON)
                .body("{\"providerId\":\"" + world.slp.id() + "\",\"sessionDate\":\"15/09/2026\"}")
                .post("/api/v1/session-logs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("sessionDate"));

        Map<String, Object> noMandate = world.speechLog(student, "PRESENT", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) noMandate.get("students")).get(0);
        line.remove("mandateId");
        post(world.slp(), "/api/v1/session-logs", noMandate).statusCode(400)
                .body("violations.field", contains("students[0].mandateId"));
        assertEquals(0, world.logsOf(world.slp));

        world.slp().get("/api/v1/session-logs/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
        world.slp().get("/api/v1/session-logs/not-a-uuid").then().statusCode(404);
    }
}
