package org.iepservices.student.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.iepservices.student.api.Tokens.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** The IEP lifecycle over HTTP: draft, activate, amend, end, with history and the events on iep.events. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class IepApiTest {

    /** The worked example: speech 2 x 30 per week, 1 pull-out + 1 push-in, with constraints per setting. */
    private static Map<String, Object> combinedSpeech(IepFixtures f) {
        Map<String, Object> m = f.speech(1, 1);
        m.put("pushInLocation", "general education classroom");
        m.put("pullOutLocation", "speech room B");
        m.put("constraints", List.of(
                Map.of("kind", "NOT_DURING_SUBJECT", "subject", "ELA_READING", "setting", "PULL_OUT",
                        "note", "never pull from core reading"),
                Map.of("kind", "PREFER_SUBJECT", "subject", "ELA_READING", "setting", "PUSH_IN")));
        return m;
    }

    private static Map<String, Object> retellGoal() {
        Map<String, Object> g = IepFixtures.goal("EXPRESSIVE_LANGUAGE", "Retell a story with beginning, middle and end",
                "GENERALIZATION");
        g.put("baseline", "Retells 1 of 3 story parts with maximal cues");
        g.put("target", "80% accuracy in 4 of 5 sessions");
        g.put("targetPercent", 80);
        g.put("measurementMethod", "PERCENT_ACCURACY");
        return g;
    }

    private static List<TopicProbe.Received> eventsOf(TopicProbe probe, String student, int count) throws Exception {
        return probe.await(e -> e.path("data").path("studentId").asText().equals(student), count, Duration.ofSeconds(20));
    }

    @Test
    void theCombinedModelIsActivatedAmendedAndEndedWithItsHistoryAndEvents() throws Exception {
        IepFixtures f = new IepFixtures();
        Map<String, Object> body = IepFixtures.iep("2026-09-01", "2027-08-31",
                List.of(retellGoal(), IepFixtures.goal("ARTICULATION", "Produce /r/ in words", "ACQUISITION")),
                List.of(combinedSpeech(f)));
        body.put("annualReviewDate", "2027-05-15");
        body.put("reevaluationDate", "2028-10-01");

        JsonPath draft = given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/students/" + f.student + "/ieps").then().statusCode(201)
                .header("ETag", notNullValue())
                .body("status", is("DRAFT")).body("versionNumber", is(1))
                .body("effectiveFrom", is("2026-09-01")).body("effectiveTo", nullValue())
                .body("mandates[0].providerDiscipline", is("SLP"))
                .body("mandates[0].delivery", is("GROUP"))
                .body("mandates[0].startDate", is("2026-09-01")).body("mandates[0].endDate", is("2027-08-31"))
                .body("mandates[0].pushInMinutes", is(30)).body("mandates[0].pullOutMinutes", is(30))
                .body("goals[0].serviceType", is("SPEECH_LANGUAGE"))
                .extract().jsonPath();
        String first = draft.getString("id");
        String speechV1 = draft.getString("mandates[0].id");

        try (TopicProbe probe = new TopicProbe("iep.events")) {
            given().contentType(ContentType.JSON).post("/api/v1/ieps/" + first + "/activate").then().statusCode(200)
                    .body("status", is("ACTIVE")).body("effectiveTo", is("2027-08-31"))
                    .body("activatedAt", notNullValue());
            given().get("/api/v1/students/" + f.student).then().body("activeIep.id", is(first));

            // An IEP in force is never edited in place.
            String etag = given().get("/api/v1/ieps/" + first).then().extract().header("ETag");
            Map<String, Object> edited = new HashMap<>(body);
            edited.put("eligibility", "Autism");
            given().contentType(ContentType.JSON).body(edited).put("/api/v1/ieps/" + first).then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("amend"));
            given().get("/api/v1/ieps/" + first).then().header("ETag", is(etag))
                    .body("eligibility", is("Speech or Language Impairment"));

            // Amendment from 2 November: both speech sessions in the classroom, OT push-in added in writing.
            Map<String, Object> speech = f.speech(2, 0);
            Map<String, Object> ot = new HashMap<>(Map.of("serviceType", "OCCUPATIONAL_THERAPY", "providerId", f.ot,
                    "sessionsPerInterval", 1, "minutesPerSession", 30, "interval", "WEEK", "pushInSessions", 1,
                    "pullOutSessions", 0, "delivery", "INDIVIDUAL",
                    "constraints", List.of(Map.of("kind", "PREFER_SUBJECT", "subject", "WRITING"))));
            Map<String, Object> amendment = IepFixtures.iep("2026-09-01", "2027-08-31",
                    List.of(retellGoal(), IepFixtures.goal("FINE_MOTOR", "Write a sentence legibly", "ACQUISITION")),
                    List.of(speech, ot));
            amendment.put("effectiveFrom", "2026-11-02");
            amendment.put("amendmentReason", "Team moved speech into the classroom and added OT");
            JsonPath amended = given().contentType(ContentType.JSON).body(amendment)
                    .post("/api/v1/ieps/" + first + "/amendments").then().statusCode(201)
                    .header("Location", containsString("/api/v1/ieps/"))
                    .body("status", is("DRAFT")).body("versionNumber", is(2))
                    .body("amendsIepId", is(first)).body("originalIepId", is(first))
                    .body("mandates[0].continuesMandateId", is(speechV1))
                    .body("mandates[0].startDate", is("2026-11-02"))
                    .body("mandates[1].continuesMandateId", nullValue())
                    .body("goals[0].continuesGoalId", is(draft.getString("goals[0].id")))
                    .body("goals[1].serviceType", is("OCCUPATIONAL_THERAPY"))
                    .extract().jsonPath();
            String second = amended.getString("id");
            // Until it is activated, the version in force is untouched.
            given().get("/api/v1/ieps/" + first).then().body("status", is("ACTIVE"));

            given().contentType(ContentType.JSON).post("/api/v1/ieps/" + second + "/activate").then().statusCode(200)
                    .body("status", is("ACTIVE")).body("supersedesId", is(first))
                    .body("effectiveFrom", is("2026-11-02"));
            // The old version stays readable with its own mandates, in force up to the day before.
            given().get("/api/v1/ieps/" + first).then().statusCode(200)
                    .body("status", is("SUPERSEDED")).body("supersededById", is(second))
                    .body("supersededFrom", is("2026-11-02")).body("effectiveTo", is("2026-11-01"))
                    .body("mandates[0].pullOutSessions", is(1));
            given().get("/api/v1/students/" + f.student).then().body("activeIep.id", is(second));

            given().get("/api/v1/ieps/" + first + "/history").then().statusCode(200)
                    .body("originalIepId", is(first))
                    .body("versions.id", contains(first, second))
                    .body("versions[0].status", is("SUPERSEDED"))
                    .body("versions[0].effectiveTo", is("2026-11-01"))
                    .body("versions[0].mandateChanges.kind", contains("ADDED"))
                    .body("versions[1].amendmentReason", is("Team moved speech into the classroom and added OT"))
                    .body("versions[1].effectiveFrom", is("2026-11-02"))
                    .body("versions[1].mandateChanges.kind", contains("CHANGED", "ADDED"))
                    .body("versions[1].mandateChanges[0].previousMandateId", is(speechV1))
                    .body("versions[1].mandateChanges[0].fields",
                            hasItems("pushInSessions", "pullOutSessions", "pullOutLocation", "constraints"))
                    .body("versions[1].mandateChanges[1].serviceType", is("OCCUPATIONAL_THERAPY"));

            given().get("/api/v1/students/" + f.student + "/ieps").then().statusCode(200)
                    .header("X-Total-Count", "2").body("id", contains(second, first));
            given().get("/api/v1/students/" + f.student + "/ieps?status=SUPERSEDED").then()
                    .header("X-Total-Count", "1").body("id", contains(first));

            given().contentType(ContentType.JSON).body(Map.of("endedOn", "2027-01-29", "reason", "Moved out of district"))
                    .post("/api/v1/ieps/" + second + "/end").then().statusCode(200)
                    .body("status", is("ENDED")).body("endedOn", is("2027-01-29"))
                    .body("effectiveTo", is("2027-01-29")).body("endReason", is("Moved out of district"));
            given().get("/api/v1/students/" + f.student).then().body("activeIep", nullValue());
            given().contentType(ContentType.JSON).body(Map.of("endedOn", "2027-02-01", "reason", "again"))
                    .post("/api/v1/ieps/" + second + "/end").then().statusCode(409);
            given().contentType(ContentType.JSON).body(amendment)
                    .post("/api/v1/ieps/" + second + "/amendments").then().statusCode(409);

            List<TopicProbe.Received> events = eventsOf(probe, f.student, 3);
            assertEquals(List.of("IepActivated", "IepAmended", "IepEnded"),
                    events.stream().map(e -> e.event().get("type").asText()).toList());
            events.forEach(e -> assertEquals(f.student, e.key()));
            events.forEach(e -> assertEquals(f.student, e.event().get("subject").asText()));

            JsonNode activated = events.get(0).event().get("data");
            assertEquals(first, activated.get("iepId").asText());
            assertEquals(f.student, activated.get("studentId").asText());
            assertTrue(activated.get("supersedesIepId").isNull());
            assertEquals("2026-09-01", activated.get("effectiveFrom").asText());
            assertEquals("2027-08-31", activated.get("endDate").asText());
            assertEquals(1, activated.get("mandates").size());
            JsonNode m = activated.get("mandates").get(0);
            assertEquals(speechV1, m.get("mandateId").asText());
            assertTrue(m.get("continuesMandateId").isNull());
            assertEquals("SPEECH_LANGUAGE", m.get("serviceType").asText());
            assertEquals("SLP", m.get("providerDiscipline").asText());
            assertEquals(f.slp, m.get("providerId").asText());
            assertEquals(2, m.get("sessionsPerInterval").asInt());
            assertEquals(30, m.get("minutesPerSession").asInt());
            assertEquals("WEEK", m.get("interval").asText());
            assertEquals(1, m.get("pushInSessions").asInt());
            assertEquals(1, m.get("pullOutSessions").asInt());
            assertEquals("GROUP", m.get("delivery").asText());
            assertEquals(3, m.get("maxGroupSize").asInt());
            assertEquals("2026-09-01", m.get("startDate").asText());
            assertEquals("2027-08-31", m.get("endDate").asText());
            assertEquals("general education classroom", m.get("pushInLocation").asText());
            assertEquals("speech room B", m.get("pullOutLocation").asText());
            assertEquals(2, m.get("constraints").size());
            assertEquals("NOT_DURING_SUBJECT", m.get("constraints").get(0).get("kind").asText());
            assertEquals("ELA_READING", m.get("constraints").get(0).get("subject").asText());
            assertEquals("PULL_OUT", m.get("constraints").get(0).get("setting").asText());
            assertEquals("never pull from core reading", m.get("constraints").get(0).get("note").asText());
            assertEquals("PREFER_SUBJECT", m.get("constraints").get(1).get("kind").asText());
            assertEquals("PUSH_IN", m.get("constraints").get(1).get("setting").asText());
            assertEquals(2, activated.get("goals").size());
            JsonNode g = activated.get("goals").get(0);
            assertEquals(draft.getString("goals[0].id"), g.get("goalId").asText());
            assertEquals("EXPRESSIVE_LANGUAGE", g.get("area").asText());
            assertEquals("Retell a story with beginning, middle and end", g.get("description").asText());
            assertEquals("Retells 1 of 3 story parts with maximal cues", g.get("baseline").asText());
            assertEquals("80% accuracy in 4 of 5 sessions", g.get("target").asText());
            assertEquals(80, g.get("targetPercent").asInt());
            assertEquals("PERCENT_ACCURACY", g.get("measurementMethod").asText());
            assertEquals("GENERALIZATION", g.get("skillStage").asText());
            assertEquals("SPEECH_LANGUAGE", g.get("serviceType").asText());
            assertTrue(g.get("continuesGoalId").isNull());
            assertEquals("ACQUISITION", activated.get("goals").get(1).get("skillStage").asText());

            JsonNode amendedEvent = events.get(1).event().get("data");
            assertEquals(second, amendedEvent.get("iepId").asText());
            assertEquals(first, amendedEvent.get("amendsIepId").asText());
            assertEquals("2026-11-02", amendedEvent.get("effectiveFrom").asText());
            assertEquals("2027-08-31", amendedEvent.get("endDate").asText());
            assertEquals("Team moved speech into the classroom and added OT", amendedEvent.get("reason").asText());
            JsonNode s2 = amendedEvent.get("mandates").get(0);
            assertEquals(amended.getString("mandates[0].id"), s2.get("mandateId").asText());
            assertEquals(speechV1, s2.get("continuesMandateId").asText());
            assertEquals(2, s2.get("pushInSessions").asInt());
            assertEquals(0, s2.get("pullOutSessions").asInt());
            assertEquals("2026-11-02", s2.get("startDate").asText());
            assertTrue(s2.get("pullOutLocation").isNull());
            JsonNode ot2 = amendedEvent.get("mandates").get(1);
            assertEquals("OCCUPATIONAL_THERAPY", ot2.get("serviceType").asText());
            assertEquals("OT", ot2.get("providerDiscipline").asText());
            assertEquals(f.ot, ot2.get("providerId").asText());
            assertEquals("INDIVIDUAL", ot2.get("delivery").asText());
            assertEquals(1, ot2.get("maxGroupSize").asInt());
            assertEquals("general education classroom", ot2.get("pushInLocation").asText());
            assertTrue(ot2.get("constraints").get(0).get("setting").isNull());
            assertEquals("WRITING", ot2.get("constraints").get(0).get("subject").asText());
            assertEquals(draft.getString("goals[0].id"),
                    amendedEvent.get("goals").get(0).get("continuesGoalId").asText());
            assertEquals("FINE_MOTOR", amendedEvent.get("goals").get(1).get("area").asText());

            JsonNode ended = events.get(2).event().get("data");
            assertEquals(second, ended.get("iepId").asText());
            assertEquals("2027-01-29", ended.get("endedOn").asText());
            assertEquals("Moved out of district", ended.get("reason").asText());
            assertEquals(2, ended.get("mandates").size());
            assertEquals(amended.getString("mandates[0].id"), ended.get("mandates").get(0).get("mandateId").asText());
            assertEquals("2026-11-02", ended.get("mandates").get(0).get("startDate").asText());
            assertEquals("2027-01-29", ended.get("mandates").get(0).get("endDate").asText());
            assertEquals(2, ended.get("mandates").get(0).get("pushInSessions").asInt());
            assertEquals("2027-01-29", ended.get("mandates").get(1).get("endDate").asText());
            assertEquals(2, ended.get("goals").size());
        }
    }

    @Test
    void theNextAnnualIepSupersedesTheOneWhoseTermIsOver() throws Exception {
        IepFixtures f = new IepFixtures();
        String first = f.activeDraft(f.schoolYear(List.of(f.speech(1, 1))));
        String next = f.draft(IepFixtures.iep("2027-09-01", "2028-08-31",
                List.of(IepFixtures.goal("PRAGMATICS_SOCIAL", "Take turns in a conversation", "GENERALIZATION")),
                List.of(f.speech(2, 0))));
        try (TopicProbe probe = new TopicProbe("iep.events")) {
            given().contentType(ContentType.JSON).post("/api/v1/ieps/" + next + "/activate").then().statusCode(200)
                    .body("supersedesId", is(first));
            // Superseded after its own term: it still applied to its last day.
            given().get("/api/v1/ieps/" + first).then().body("status", is("SUPERSEDED"))
                    .body("effectiveTo", is("2027-08-31"));
            JsonNode data = eventsOf(probe, f.student, 2).get(1).event().get("data");
            assertEquals(next, data.get("iepId").asText());
            assertEquals(first, data.get("supersedesIepId").asText());
            assertEquals("2027-09-01", data.get("effectiveFrom").asText());
        }
    }

    @Test
    void aDraftIsEditedWithItsETagAndDiscarded() {
        IepFixtures f = new IepFixtures();
        String id = f.draft(f.schoolYear(List.of(f.speech(1, 1))));
        String etag = given().get("/api/v1/ieps/" + id).then().extract().header("ETag");
        String newEtag = given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(f.schoolYear(List.of(f.speech(0, 3))))
                .put("/api/v1/ieps/" + id).then().statusCode(200)
                .body("mandates", hasSize(1)).body("mandates[0].pullOutSessions", is(3))
                .body("mandates[0].pushInLocation", nullValue())
                .body("mandates[0].pullOutLocation", is("speech room"))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(f.schoolYear(List.of(f.speech(1, 1))))
                .put("/api/v1/ieps/" + id).then().statusCode(412);
        given().get("/api/v1/ieps/" + id).then().body("mandates[0].pullOutSessions", is(3));
        given().contentType(ContentType.JSON).header("If-Match", newEtag)
                .body(f.schoolYear(List.of(f.speech(1, 1))))
                .put("/api/v1/ieps/" + id).then().statusCode(200).body("mandates[0].pushInSessions", is(1));

        String active = f.activeDraft(f.schoolYear(List.of(f.speech(1, 1))));
        given().delete("/api/v1/ieps/" + active).then().statusCode(409);
        given().delete("/api/v1/ieps/" + id).then().statusCode(204);
        given().get("/api/v1/ieps/" + id).then().statusCode(404);
        given().get("/api/v1/students/" + f.student + "/ieps").then().body("id", contains(active));
    }

    @Test
    void onlyOneOfTwoAmendmentDraftsOfTheSameVersionTakesEffect() {
        IepFixtures f = new IepFixtures();
        String first = f.activeDraft(f.schoolYear(List.of(f.speech(1, 1))));
        Map<String, Object> amendment = f.schoolYear(List.of(f.speech(2, 0)));
        amendment.put("effectiveFrom", "2026-11-02");
        amendment.put("amendmentReason", "More push-in");
        String a = given().contentType(ContentType.JSON).body(amendment).post("/api/v1/ieps/" + first + "/amendments")
                .then().statusCode(201).extract().path("id");
        String b = given().contentType(ContentType.JSON).body(amendment).post("/api/v1/ieps/" + first + "/amendments")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).post("/api/v1/ieps/" + a + "/activate").then().statusCode(200);
        given().contentType(ContentType.JSON).post("/api/v1/ieps/" + b + "/activate").then().statusCode(409)
                .body("detail", containsString(first));
        given().get("/api/v1/ieps/" + b).then().body("status", is("DRAFT"));
        // A superseded version is history: it cannot be amended again.
        given().contentType(ContentType.JSON).body(amendment).post("/api/v1/ieps/" + first + "/amendments")
                .then().statusCode(409).body("detail", containsString(a));
        // A draft is edited, not amended.
        given().contentType(ContentType.JSON).body(amendment).post("/api/v1/ieps/" + b + "/amendments")
                .then().statusCode(409);
        List<String> ids = new ArrayList<>(given().get("/api/v1/students/" + f.student + "/ieps").then()
                .extract().jsonPath().getList("id"));
        assertEquals(3, ids.size());
    }

    @Test
    void amendedGoalsAndMandatesSayWhatTheyContinueInTheResponseAndInIepAmended() throws Exception {
        IepFixtures f = new IepFixtures();
        JsonPath v1 = given().contentType(ContentType.JSON).body(IepFixtures.iep("2026-09-01", "2027-08-31",
                        List.of(IepFixtures.goal("ARTICULATION", "Produce /r/ in words", "ACQUISITION"),
                                retellGoal()),
                        List.of(f.speech(1, 1))))
                .post("/api/v1/students/" + f.student + "/ieps").then().statusCode(201).extract().jsonPath();
        String first = v1.getString("id");
        given().contentType(ContentType.JSON).post("/api/v1/ieps/" + first + "/activate").then().statusCode(200);

        // Two new speech mandates for one old one: which carries on is not obvious, so it must be said.
        Map<String, Object> ambiguous = f.schoolYear(List.of(f.speech(1, 0), f.speech(0, 1)));
        ambiguous.put("effectiveFrom", "2026-12-07");
        ambiguous.put("amendmentReason", "Split the sessions");
        given().contentType(ContentType.JSON).body(ambiguous).post("/api/v1/ieps/" + first + "/amendments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("mandates[0].continuesMandateId"));

        // 30 -> 25 minutes (linked automatically: one speech mandate each); the articulation goal
        // revised in its wording (same area and service: continues), the retell goal rewritten and
        // linked explicitly.
        Map<String, Object> speech = f.speech(1, 1);
        speech.put("minutesPerSession", 25);
        Map<String, Object> retell = IepFixtures.goal("EXPRESSIVE_LANGUAGE", "Retell a personal event in order",
                "GENERALIZATION");
        retell.put("continuesGoalId", v1.getString("goals[1].id"));
        Map<String, Object> amendment = IepFixtures.iep("2026-09-01", "2027-08-31",
                List.of(IepFixtures.goal("ARTICULATION", "Produce /r/ in sentences", "ACQUISITION"), retell),
                List.of(speech));
        amendment.put("effectiveFrom", "2026-12-07");
        amendment.put("amendmentReason", "Minutes 30 -> 25");
        JsonPath v2 = given().contentType(ContentType.JSON).body(amendment)
                .post("/api/v1/ieps/" + first + "/amendments").then().statusCode(201)
                .body("mandates[0].continuesMandateId", is(v1.getString("mandates[0].id")))
                .body("goals[0].continuesGoalId", is(v1.getString("goals[0].id")))
                .body("goals[1].continuesGoalId", is(v1.getString("goals[1].id")))
                .extract().jsonPath();

        try (TopicProbe probe = new TopicProbe("iep.events")) {
            given().contentType(ContentType.JSON).post("/api/v1/ieps/" + v2.getString("id") + "/activate").then()
                    .statusCode(200);
            JsonNode event = probe.await(e -> e.path("type").asText().equals("IepAmended")
                    && e.path("data").path("iepId").asText().equals(v2.getString("id")), 1, Duration.ofSeconds(20))
                    .get(0).event().get("data");
            assertEquals(v1.getString("mandates[0].id"), event.get("mandates").get(0).get("continuesMandateId").asText());
            assertEquals(25, event.get("mandates").get(0).get("minutesPerSession").asInt());
            assertEquals(v1.getString("goals[0].id"), event.get("goals").get(0).get("continuesGoalId").asText());
            assertEquals(v1.getString("goals[1].id"), event.get("goals").get(1).get("continuesGoalId").asText());
        }
    }
}
