package org.iepservices.student.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Caseload assignments over HTTP: following the providers named on IEP mandates through activation,
 * amendment and end, the manual API, and CaseloadAssignmentChanged on roster.events (key = student).
 * Dates are relative to today, because whether an assignment is in effect depends on it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class CaseloadAssignmentApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    private static List<JsonNode> assignmentEvents(TopicProbe probe, String student, int count) throws Exception {
        return probe.await(e -> e.path("type").asText().equals("CaseloadAssignmentChanged")
                && e.path("data").path("studentId").asText().equals(student), count, Duration.ofSeconds(20))
                .stream().peek(r -> assertEquals(student, r.key(), "keyed by the student"))
                .map(r -> r.event().path("data")).toList();
    }

    private static String provider(IepFixtures f, String discipline) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "Cover", "familyName", discipline, "discipline", discipline,
                        "email", "cover." + UUID.randomUUID() + "@example.org", "schoolIds", List.of(f.school)))
                .post("/api/v1/staff").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> currentIep(IepFixtures f, Map<String, Object> mandate) {
        return IepFixtures.iep(TODAY.minusDays(60).toString(), TODAY.plusDays(300).toString(),
                List.of(IepFixtures.goal("EXPRESSIVE_LANGUAGE", "Retell a story", "GENERALIZATION")), List.of(mandate));
    }

    @Test
    void mandateAssignmentsFollowActivationAmendmentAndEnd() throws Exception {
        IepFixtures f = new IepFixtures();
        String slp2 = provider(f, "SLP");
        try (TopicProbe probe = new TopicProbe("roster.events")) {
            String v1 = f.activeDraft(currentIep(f, f.speech(1, 1)));
            String speechV1 = given().get("/api/v1/ieps/" + v1).then().extract().path("mandates[0].id");

            String assignment = given().queryParam("studentId", f.student).get("/api/v1/caseload-assignments")
                    .then().statusCode(200).header("X-Total-Count", "1")
                    .body("[0].providerId", is(f.slp)).body("[0].source", is("MANDATE"))
                    .body("[0].mandateId", is(speechV1)).body("[0].serviceType", is("SPEECH_LANGUAGE"))
                    .body("[0].discipline", is("SLP")).body("[0].startDate", is(TODAY.minusDays(60).toString()))
                    .body("[0].endDate", is(TODAY.plusDays(300).toString()))
                    .body("[0].active", is(true)).body("[0].inEffect", is(true))
                    .extract().path("[0].id");
            JsonNode created = assignmentEvents(probe, f.student, 1).get(0);
            assertEquals(assignment, created.path("assignmentId").asText());
            assertEquals(f.slp, created.path("providerId").asText());
            assertEquals(speechV1, created.path("mandateId").asText());
            assertEquals("SPEECH_LANGUAGE", created.path("serviceType").asText());
            assertTrue(created.path("active").asBoolean());

            // Amendment in a month: the same SLP carries on (same assignment, now following the new mandate).
            Map<String, Object> changed = currentIep(f, f.speech(2, 0));
            changed.put("effectiveFrom", TODAY.plusDays(30).toString());
            changed.put("amendmentReason", "both sessions in the classroom");
            String v2 = given().contentType(ContentType.JSON).body(changed).post("/api/v1/ieps/" + v1 + "/amendments")
                    .then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).post("/api/v1/ieps/" + v2 + "/activate").then().statusCode(200);
            String speechV2 = given().get("/api/v1/ieps/" + v2).then().extract().path("mandates[0].id");
            given().get("/api/v1/caseload-assignments/" + assignment).then().statusCode(200)
                    .body("mandateId", is(speechV2)).body("providerId", is(f.slp))
                    .body("startDate", is(TODAY.minusDays(60).toString())).body("inEffect", is(true));

            // Second amendment hands speech to another SLP: the first one keeps the student until the day before.
            Map<String, Object> handover = f.speech(2, 0);
            handover.put("providerId", slp2);
            Map<String, Object> v3body = currentIep(f, handover);
            v3body.put("effectiveFrom", TODAY.plusDays(60).toString());
            v3body.put("amendmentReason", "new SLP at the school");
            String v3 = given().contentType(ContentType.JSON).body(v3body).post("/api/v1/ieps/" + v2 + "/amendments")
                    .then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).post("/api/v1/ieps/" + v3 + "/activate").then().statusCode(200);
            given().get("/api/v1/caseload-assignments/" + assignment).then()
                    .body("endDate", is(TODAY.plusDays(59).toString())).body("active", is(true));
            String second = given().queryParam("studentId", f.student).queryParam("providerId", slp2)
                    .get("/api/v1/caseload-assignments").then().header("X-Total-Count", "1")
                    .body("[0].startDate", is(TODAY.plusDays(60).toString())).body("[0].inEffect", is(true))
                    .extract().path("[0].id");

            // Ending the IEP yesterday ends the assignments of the version in force.
            given().contentType(ContentType.JSON)
                    .body(Map.of("endedOn", TODAY.plusDays(70).toString(), "reason", "moved out of district"))
                    .post("/api/v1/ieps/" + v3 + "/end").then().statusCode(200);
            given().get("/api/v1/caseload-assignments/" + second).then()
                    .body("endDate", is(TODAY.plusDays(70).toString()));

            // after the creation read above: carried over, second created + first ended, second ended
            List<JsonNode> events = assignmentEvents(probe, f.student, 4);
            assertEquals(4, events.size(), events.toString());
            assertEquals(assignment, events.get(0).path("assignmentId").asText());
            assertEquals(speechV2, events.get(0).path("mandateId").asText());
            assertEquals(second, events.get(1).path("assignmentId").asText());
            assertEquals(slp2, events.get(1).path("providerId").asText());
            assertEquals(assignment, events.get(2).path("assignmentId").asText());
            assertEquals(TODAY.plusDays(59).toString(), events.get(2).path("endDate").asText());
            JsonNode last = events.get(3);
            assertEquals(second, last.path("assignmentId").asText());
            assertEquals(TODAY.plusDays(70).toString(), last.path("endDate").asText());
        }
    }

    @Test
    void anIepEndedInThePastEndsItsAssignments() throws Exception {
        IepFixtures f = new IepFixtures();
        String iep = f.activeDraft(currentIep(f, f.speech(1, 1)));
        given().contentType(ContentType.JSON)
                .body(Map.of("endedOn", TODAY.minusDays(1).toString(), "reason", "exited from services"))
                .post("/api/v1/ieps/" + iep + "/end").then().statusCode(200);
        given().queryParam("studentId", f.student).get("/api/v1/caseload-assignments").then()
                .header("X-Total-Count", "1")
                .body("[0].active", is(false)).body("[0].inEffect", is(false))
                .body("[0].endDate", is(TODAY.minusDays(1).toString()));
        given().queryParam("studentId", f.student).queryParam("inEffect", true).get("/api/v1/caseload-assignments")
                .then().header("X-Total-Count", "0");
    }

    @Test
    void adminsAssignAndEndByHand() throws Exception {
        IepFixtures f = new IepFixtures();
        try (TopicProbe probe = new TopicProbe("roster.events")) {
            Map<String, Object> body = new HashMap<>(Map.of("studentId", f.student, "providerId", f.ot,
                    "serviceType", "OCCUPATIONAL_THERAPY", "endDate", TODAY.plusDays(90).toString(),
                    "note", "covering during leave"));
            String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/caseload-assignments")
                    .then().statusCode(201).header("Location", endsWith("/api/v1/caseload-assignments/"
                            + given().queryParam("studentId", f.student).get("/api/v1/caseload-assignments")
                            .then().extract().path("[0].id")))
                    .body("source", is("MANUAL")).body("mandateId", nullValue())
                    .body("discipline", is("OT")).body("startDate", is(TODAY.toString()))
                    .body("inEffect", is(true)).body("note", is("covering during leave"))
                    .extract().path("id");
            given().contentType(ContentType.JSON).body(body).post("/api/v1/caseload-assignments")
                    .then().statusCode(409).contentType("application/problem+json");

            given().queryParam("providerId", f.ot).queryParam("source", "MANUAL").get("/api/v1/caseload-assignments")
                    .then().statusCode(200).header("X-Total-Count", "1").body("[0].id", is(id));

            given().delete("/api/v1/caseload-assignments/" + id).then().statusCode(204);
            given().get("/api/v1/caseload-assignments/" + id).then().statusCode(200)
                    .body("active", is(false)).body("inEffect", is(false)).body("endDate", is(TODAY.toString()));
            given().delete("/api/v1/caseload-assignments/" + id).then().statusCode(409)
                    .contentType("application/problem+json");

            List<JsonNode> events = assignmentEvents(probe, f.student, 2);
            assertEquals(2, events.size());
            assertEquals(id, events.get(0).path("assignmentId").asText());
            assertTrue(events.get(0).path("mandateId").isNull());
            assertEquals("OCCUPATIONAL_THERAPY", events.get(0).path("serviceType").asText());
            assertTrue(events.get(0).path("active").asBoolean());
            assertFalse(events.get(1).path("active").asBoolean());
            assertEquals(TODAY.toString(), events.get(1).path("endDate").asText());
        }
    }

    @Test
    void badAssignmentsAreRefusedAndChangeNothing() {
        IepFixtures f = new IepFixtures();
        given().contentType(ContentType.JSON)
                .body(Map.of("studentId", UUID.randomUUID().toString(), "providerId", f.teacher,
                        "startDate", TODAY.toString(), "endDate", TODAY.minusDays(3).toString()))
                .post("/api/v1/caseload-assignments").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("studentId", "providerId", "endDate"));
        given().contentType(ContentType.JSON)
                .body(Map.of("studentId", f.student, "providerId", f.ot, "serviceType", "SPEECH_LANGUAGE"))
                .post("/api/v1/caseload-assignments").then().statusCode(422)
                .body("violations.field", contains("serviceType"));
        given().contentType(ContentType.JSON).body(Map.of("studentId", f.student))
                .post("/api/v1/caseload-assignments").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"studentId\": ").post("/api/v1/caseload-assignments")
                .then().statusCode(400);
        given().queryParam("studentId", f.student).get("/api/v1/caseload-assignments").then()
                .header("X-Total-Count", "0");
        given().get("/api/v1/caseload-assignments/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().delete("/api/v1/caseload-assignments/" + UUID.randomUUID()).then().statusCode(404);
    }
}
