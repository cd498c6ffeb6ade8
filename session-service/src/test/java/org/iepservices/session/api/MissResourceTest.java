package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.post;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class MissResourceTest {

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

    static Map<String, Object> miss(TestWorld world, TestWorld.Student student, String reason, String note) {
        Map<String, Object> body = new HashMap<>(Map.of("studentId", student.id().toString(),
                "mandateId", student.speech().toString(), "providerId", world.slp.id().toString(),
                "setting", "PUSH_IN", "sessionDate", "2026-09-17", "minutes", 30, "reason", reason));
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    /** The SLP records the miss of their own session. */
    private ValidatableResponse record(Map<String, Object> body) {
        return post(world.slp(), "/api/v1/misses", body);
    }

    private int missesOf(TestWorld.Student s) {
        return world.slp().queryParam("studentId", s.id()).get("/api/v1/misses").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }

    @Test
    void providerAbsenceIsOwedUnderTheDefaultPolicyAndPublished() throws Exception {
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            String id = record(miss(world, student, "PROVIDER_ABSENT", null)).statusCode(201)
                    .body("owed", is("OWED"))
                    .body("policyVerdict", is("OWED"))
                    .body("districtId", is(world.district.toString()))
                    .extract().path("id");
            List<JsonNode> events = probe.await(e -> e.path("data").path("missId").asText().equals(id), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, events.size());
            JsonNode event = events.get(0);
            assertEquals("SessionMissed", event.get("type").asText());
            assertEquals(student.id().toString(), event.get("subject").asText());
            JsonNode data = event.get("data");
            assertEquals(student.id().toString(), data.get("studentId").asText());
            assertEquals(student.speech().toString(), data.get("mandateId").asText());
            assertEquals(world.slp.id().toString(), data.get("providerId").asText());
            assertEquals("PUSH_IN", data.get("setting").asText());
            assertEquals("2026-09-17", data.get("sessionDate").asText());
            assertEquals(30, data.get("minutes").asInt());
            assertEquals("PROVIDER_ABSENT", data.get("reason").asText());
            assertEquals("OWED", data.get("owed").asText());
        }
        record(miss(world, student, "STUDENT_ABSENT", null)).statusCode(201).body("owed", is("NOT_OWED"));
        record(miss(world, student, "STUDENT_UNAVAILABLE", null)).statusCode(201).body("owed", is("REVIEW"));
    }

    @Test
    void otherNeedsANoteAndBadInputChangesNothing() {
        record(miss(world, student, "OTHER", null)).statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", is("note"));
        Map<String, Object> wrongCircumstance = miss(world, student, "PROVIDER_ABSENT", null);
        wrongCircumstance.put("circumstance", "FIELD_TRIP");
        record(wrongCircumstance).statusCode(422).body("violations[0].field", is("circumstance"));
        Map<String, Object> zero = miss(world, student, "PROVIDER_ABSENT", null);
        zero.put("minutes", 0);
        record(zero).statusCode(422).body("violations[0].field", is("minutes"));
        record(miss(world, student, "ALIENS", null)).statusCode(400).body("violations[0].field", is("reason"));
        Map<String, Object> missing = miss(world, student, "PROVIDER_ABSENT", null);
        missing.remove("mandateId");
        record(missing).statusCode(400).body("violations[0].field", is("mandateId"));
        assertEquals(0, missesOf(student));

        Map<String, Object> testing = miss(world, student, "STUDENT_UNAVAILABLE", null);
        testing.put("circumstance", "TESTING");
        record(testing).statusCode(201).body("circumstance", is("TESTING"));
        record(miss(world, student, "OTHER", "fire drill")).statusCode(201).body("owed", is("REVIEW"));
        assertEquals(2, missesOf(student));
    }

    @Test
    void aStudentNotOnTheRosterYetCannotBeJudgedByItsDistrictsPolicyYet() {
        Map<String, Object> body = miss(world, student, "PROVIDER_ABSENT", null);
        body.put("studentId", UUID.randomUUID().toString());
        record(body).statusCode(422).header("Retry-After", nullValue())
                .body("violations.field", hasItems("studentId", "mandateId"));
    }

    @Test
    void eachDistrictDecidesWithItsOwnPolicyConfiguredThroughTheApi() throws Exception {
        try (TestWorld other = TestWorld.create()) {
            TestWorld.Student elsewhere = other.student();
            other.awaitKnown(elsewhere);
            String path = "/api/v1/districts/" + world.district + "/makeup-policy";
            world.admin().get(path).then().statusCode(200).body("isDefault", is(true))
                    .body("verdicts.STUDENT_UNAVAILABLE", is("REVIEW"));

            Map<String, String> verdicts = new HashMap<>(Map.of("STUDENT_ABSENT", "NOT_OWED", "STUDENT_UNAVAILABLE", "OWED",
                    "PROVIDER_ABSENT", "OWED", "PROVIDER_REASSIGNED", "REVIEW", "SCHOOL_CLOSED", "NOT_OWED",
                    "SCHEDULING_ERROR", "OWED", "OTHER", "REVIEW"));
            String etag = world.admin().contentType(ContentType.JSON)
                    .body(Map.of("verdicts", verdicts, "updatedBy", "K. Moreno, special-education director"))
                    .put(path).then().statusCode(200)
                    .body("isDefault", is(false))
                    .body("verdicts.STUDENT_UNAVAILABLE", is("OWED"))
                    .body("verdicts.PROVIDER_REASSIGNED", is("REVIEW"))
                    .body("updatedBy", startsWith("K. Moreno"))
                    .extract().header("ETag");
            world.slp().get(path).then().header("ETag", is(etag)).body("verdicts.STUDENT_UNAVAILABLE", is("OWED"));

            // Same reasons, two districts, two verdicts.
            record(miss(world, student, "STUDENT_UNAVAILABLE", null)).statusCode(201).body("owed", is("OWED"));
            record(miss(world, student, "PROVIDER_REASSIGNED", null)).statusCode(201).body("owed", is("REVIEW"));
            post(other.slp(), "/api/v1/misses", miss(other, elsewhere, "STUDENT_UNAVAILABLE", null)).statusCode(201)
                    .body("owed", is("REVIEW"));
            post(other.slp(), "/api/v1/misses", miss(other, elsewhere, "PROVIDER_REASSIGNED", null)).statusCode(201)
                    .body("owed", is("OWED"));

            // An incomplete policy or a stale ETag changes nothing.
            Map<String, String> incomplete = new HashMap<>(verdicts);
            incomplete.remove("OTHER");
            incomplete.remove("SCHOOL_CLOSED");
            world.admin().contentType(ContentType.JSON).body(Map.of("verdicts", incomplete)).put(path).then()
                    .statusCode(422)
                    .body("violations.field", containsInAnyOrder("verdicts.SCHOOL_CLOSED", "verdicts.OTHER"));
            Map<String, String> changed = new HashMap<>(verdicts);
            changed.put("STUDENT_UNAVAILABLE", "NOT_OWED");
            world.admin().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("verdicts", changed))
                    .put(path).then().statusCode(200).header("ETag", not(etag));
            world.admin().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("verdicts", verdicts))
                    .put(path).then().statusCode(412);
            world.admin().contentType(ContentType.JSON).body(Map.of("verdicts", Map.of("ALIENS", "OWED"))).put(path)
                    .then().statusCode(400);
            world.slp().get(path).then().body("verdicts.STUDENT_UNAVAILABLE", is("NOT_OWED"));
            // Misses recorded before the change keep their verdict.
            world.slp().queryParam("studentId", student.id()).queryParam("reason", "STUDENT_UNAVAILABLE")
                    .get("/api/v1/misses").then().body("owed", contains("OWED"));
        }
    }

    @Test
    void theIepTeamResolvesAReviewAndMissResolvedIsPublished() throws Exception {
        String id = record(miss(world, student, "OTHER", "assembly ran over")).statusCode(201)
                .body("owed", is("REVIEW")).extract().path("id");
        world.slp().queryParam("studentId", student.id()).queryParam("owed", "REVIEW").get("/api/v1/misses").then()
                .body("id", contains(id));
        post(world.admin(), "/api/v1/misses/" + id + "/resolution", Map.of("owed", "REVIEW", "decidedBy", "IEP team"))
                .statusCode(422).body("violations[0].field", is("owed"));
        post(world.admin(), "/api/v1/misses/" + id + "/resolution", Map.of("owed", "OWED")).statusCode(400)
                .body("violations[0].field", is("decidedBy"));

        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            post(world.admin(), "/api/v1/misses/" + id + "/resolution", Map.of("owed", "OWED", "decidedBy", "IEP team (K. Moreno)",
                    "decidedOn", "2026-09-25", "note", "Provider-side scheduling; make it up"))
                    .statusCode(200)
                    .body("owed", is("OWED"))
                    .body("policyVerdict", is("REVIEW"))
                    .body("resolution.decidedBy", is("IEP team (K. Moreno)"))
                    .body("resolution.decidedOn", is("2026-09-25"))
                    .body("resolution.note", containsString("make it up"));
            List<JsonNode> events = probe.await(e -> e.path("type").asText().equals("MissResolved")
                    && e.path("data").path("missId").asText().equals(id), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size());
            JsonNode event = events.get(0);
            assertEquals(student.id().toString(), event.get("subject").asText());
            JsonNode data = event.get("data");
            assertEquals(student.id().toString(), data.get("studentId").asText());
            assertEquals(student.speech().toString(), data.get("mandateId").asText());
            assertEquals("OWED", data.get("owed").asText());
            assertEquals("IEP team (K. Moreno)", data.get("decidedBy").asText());
            assertEquals("2026-09-25", data.get("decidedOn").asText());
            assertEquals("Provider-side scheduling; make it up", data.get("note").asText());
        }
        post(world.admin(), "/api/v1/misses/" + id + "/resolution", Map.of("owed", "NOT_OWED", "decidedBy", "Someone"))
                .statusCode(409).body("detail", containsString("IEP team (K. Moreno)"));
        world.slp().get("/api/v1/misses/" + id).then().body("owed", is("OWED"));
        world.slp().get("/api/v1/students/" + student.id() + "/makeup-ledger").then()
                .body("mandates[0].owedMinutes", is(30))
                .body("mandates[0].inReviewMinutes", is(0))
                .body("mandates[0].outstandingMinutes", is(30))
                .body("mandates[0].misses[0].resolution.decidedBy", is("IEP team (K. Moreno)"));
        post(world.admin(), "/api/v1/misses/" + UUID.randomUUID() + "/resolution", Map.of("owed", "OWED", "decidedBy", "x"))
                .statusCode(404);
    }

    @Test
    void aMissForAScheduledOccurrenceTakesItsDetails() throws Exception {
        UUID occurrence = UUID.randomUUID();
        world.events.send(SessionSeriesScheduled.TYPE, student.id(), new SessionSeriesScheduled(UUID.randomUUID(),
                student.id(), student.speech(), world.slp.id(), "SPEECH_LANGUAGE", ServiceSetting.PULL_OUT,
                world.school, null, List.of(), null, null, "Room 12", DayOfWeek.TUESDAY, LocalTime.of(13, 0), 25,
                LocalDate.of(2026, 9, 15), LocalDate.of(2026, 9, 15), 1,
                List.of(new SessionSeriesScheduled.Occurrence(occurrence, LocalDate.of(2026, 9, 15),
                        LocalTime.of(13, 0), 25, List.of()))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                world.slp().get("/api/v1/occurrences/" + occurrence).then().statusCode(200));
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            String id = record(Map.of("studentId", student.id().toString(), "occurrenceId", occurrence.toString(),
                    "reason", "PROVIDER_REASSIGNED", "circumstance", "IEP_MEETING")).statusCode(201)
                    .body("mandateId", is(student.speech().toString()))
                    .body("providerId", is(world.slp.id().toString()))
                    .body("setting", is("PULL_OUT"))
                    .body("sessionDate", is("2026-09-15"))
                    .body("minutes", is(25))
                    .body("occurrenceId", is(occurrence.toString()))
                    .extract().path("id");
            JsonNode data = probe.await(e -> e.path("data").path("missId").asText().equals(id), 1,
                    Duration.ofSeconds(20)).get(0).get("data");
            assertEquals(occurrence.toString(), data.get("occurrenceId").asText());
        }
        record(Map.of("studentId", student.id().toString(), "occurrenceId", occurrence.toString(),
                "reason", "PROVIDER_ABSENT")).statusCode(409);
    }
}
