package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.backbone.outbox.OutboxRelay;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class SessionLogResourceTest {

    private final UUID provider = UUID.randomUUID();

    private Map<String, Object> log(UUID student, UUID mandate, String attendance, Integer minutes) {
        Map<String, Object> line = new java.util.HashMap<>(Map.of(
                "studentId", student.toString(), "mandateId", mandate.toString(), "attendance", attendance));
        if (minutes != null) {
            line.put("minutes", minutes);
        }
        return Map.of("providerId", provider.toString(), "sessionDate", "2026-09-15",
                "startTime", "10:00:00", "endTime", "10:30:00", "setting", "PULL_OUT", "format", "INDIVIDUAL",
                "students", List.of(line));
    }

    private String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/session-logs")
                .then().statusCode(201)
                .body("status", is("DRAFT"))
                .body("locked", is(false))
                .extract().path("id");
    }

    @Test
    void completingALogLocksItAndPublishesSessionCompletedPerStudent() throws Exception {
        UUID student = UUID.randomUUID();
        UUID mandate = UUID.randomUUID();
        String id = create(log(student, mandate, "PRESENT", null));

        given().get("/api/v1/session-logs/" + id).then().statusCode(200)
                .body("students[0].minutes", is(30));

        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("signedBy", "Dana Whitfield", "credentials", "CCC-SLP"))
                    .post("/api/v1/session-logs/" + id + "/complete")
                    .then().statusCode(200)
                    .body("status", is("COMPLETED"))
                    .body("locked", is(true))
                    .body("signature.signedBy", is("Dana Whitfield"));

            List<JsonNode> events = probe.await(e -> e.path("data").path("sessionLogId").asText().equals(id), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, events.size(), "one SessionCompleted for the one student");
            JsonNode event = events.get(0);
            assertEquals("SessionCompleted", event.get("type").asText());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("/session-service", event.get("source").asText());
            assertEquals(student.toString(), event.get("subject").asText());
            assertEquals(30, event.get("data").get("minutes").asInt());
            assertEquals("PULL_OUT", event.get("data").get("setting").asText());
            assertEquals(mandate.toString(), event.get("data").get("mandateId").asText());
            String key = probe.seen.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow().key();
            assertEquals(student.toString(), key, "Kafka key is the student id");
        }

        // Locked: a second completion is refused and changes nothing.
        given().contentType(ContentType.JSON)
                .body(Map.of("signedBy", "Someone Else", "credentials", "OT"))
                .post("/api/v1/session-logs/" + id + "/complete")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", is(409));
        given().get("/api/v1/session-logs/" + id).then().body("signature.signedBy", is("Dana Whitfield"));
    }

    @Test
    void withTheBrokerDownTheSessionIsAcceptedAndItsEventDeliveredWhenTheBrokerReturns() throws Exception {
        UUID student = UUID.randomUUID();
        String id = create(log(student, UUID.randomUUID(), "PARTIAL", 20));
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            LocalInfrastructure.shared().stopKafkaBroker();
            try {
                given().contentType(ContentType.JSON)
                        .body(Map.of("signedBy", "Dana Whitfield", "credentials", "CCC-SLP"))
                        .post("/api/v1/session-logs/" + id + "/complete")
                        .then().statusCode(200).body("status", is("COMPLETED"));
                Thread.sleep(1500); // several relay ticks fail meanwhile
            } finally {
                LocalInfrastructure.shared().startKafkaBroker();
            }
            List<JsonNode> events = probe.await(e -> e.path("data").path("sessionLogId").asText().equals(id), 1,
                    Duration.ofSeconds(60));
            assertEquals(1, events.size(), "the event waited in the outbox and was delivered");
            assertEquals(20, events.get(0).get("data").get("minutes").asInt());
        }
    }

    @Test
    void whileAnotherReplicaHoldsTheRelayLockThisOneLeavesTheOutboxAlone() throws Exception {
        String id = create(log(UUID.randomUUID(), UUID.randomUUID(), "PRESENT", null));
        LocalInfrastructure infra = LocalInfrastructure.shared();
        try (SessionEventsProbe probe = new SessionEventsProbe();
             Connection otherReplica = DriverManager.getConnection(infra.jdbcUrl("session"), infra.username(),
                     infra.password())) {
            try (PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK_KEY);
                lock.execute();
            }
            given().contentType(ContentType.JSON)
                    .body(Map.of("signedBy", "Dana Whitfield", "credentials", "CCC-SLP"))
                    .post("/api/v1/session-logs/" + id + "/complete")
                    .then().statusCode(200);
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
        Map<String, Object> body = log(UUID.randomUUID(), UUID.randomUUID(), "PRESENT", 25);
        String key = "tablet-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/session-logs").then().statusCode(201).extract().path("id");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/session-logs").then().statusCode(200).extract().path("id");
        assertEquals(first, second);

        Map<String, Object> different = log(UUID.randomUUID(), UUID.randomUUID(), "PRESENT", 10);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(different)
                .post("/api/v1/session-logs").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void inconsistentMinutesAreRefusedWithTheOffendingFields() {
        given().contentType(ContentType.JSON).body(log(UUID.randomUUID(), UUID.randomUUID(), "PRESENT", 45))
                .post("/api/v1/session-logs")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("students[0].minutes"))
                .body("violations.message", hasItem(containsString("30 minutes")));

        Map<String, Object> endBeforeStart = new java.util.HashMap<>(log(UUID.randomUUID(), UUID.randomUUID(),
                "PRESENT", null));
        endBeforeStart.put("endTime", "09:00:00");
        given().contentType(ContentType.JSON).body(endBeforeStart)
                .post("/api/v1/session-logs")
                .then().statusCode(422).body("violations.field", hasItem("endTime"));
    }

    @Test
    void missingFieldsMalformedJsonAndUnknownIdsAreClientErrors() {
        given().contentType(ContentType.JSON).body(Map.of("format", "INDIVIDUAL"))
                .post("/api/v1/session-logs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", is("Invalid request"))
                .body("violations.field", hasItems("providerId", "sessionDate", "setting", "students"));

        given().contentType(ContentType.JSON).body("{\"providerId\": ")
                .post("/api/v1/session-logs")
                .then().statusCode(400).contentType("application/problem+json");

        given().contentType(ContentType.JSON)
                .body("{\"providerId\":\"" + provider + "\",\"sessionDate\":\"15/09/2026\"}")
                .post("/api/v1/session-logs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("sessionDate"));

        given().get("/api/v1/session-logs/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
        given().get("/api/v1/session-logs/not-a-uuid").then().statusCode(404);
    }
}
