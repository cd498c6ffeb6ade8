package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every IEP rule refused over HTTP: the problem names the field, and nothing changed. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class IepRulesApiTest {

    private static void noIepsFor(IepFixtures f) {
        given().get("/api/v1/students/" + f.student + "/ieps").then().statusCode(200)
                .header("X-Total-Count", "0").body("", hasSize(0));
    }

    @Test
    void aDraftWhoseSessionsDoNotAddUpIsRefusedAndNotStored() {
        IepFixtures f = new IepFixtures();
        Map<String, Object> bad = f.speech(1, 0);
        bad.put("sessionsPerInterval", 2);
        given().contentType(ContentType.JSON).body(f.schoolYear(List.of(bad)))
                .post("/api/v1/students/" + f.student + "/ieps").then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", is(422))
                .body("violations.field", contains("mandates[0].pushInSessions"))
                .body("violations[0].message", containsString("must add up to sessionsPerInterval (2)"));
        noIepsFor(f);
    }

    @Test
    void mandateDatesOutsideTheIepAreRefused() {
        IepFixtures f = new IepFixtures();
        Map<String, Object> early = f.speech(1, 1);
        early.put("startDate", "2026-08-15");
        Map<String, Object> late = f.speech(1, 1);
        late.put("endDate", "2027-09-30");
        given().contentType(ContentType.JSON).body(f.schoolYear(List.of(early, late)))
                .post("/api/v1/students/" + f.student + "/ieps").then().statusCode(422)
                .body("violations.field", contains("mandates[0].startDate", "mandates[1].endDate"));
        noIepsFor(f);
    }

    @Test
    void theProviderMustBeOfTheDisciplineTheServiceNeeds() {
        IepFixtures f = new IepFixtures();
        Map<String, Object> otForSpeech = f.speech(1, 1);
        otForSpeech.put("providerId", f.ot);
        Map<String, Object> wrongDiscipline = f.speech(1, 1);
        wrongDiscipline.put("providerDiscipline", "OT");
        Map<String, Object> teacher = f.speech(1, 1);
        teacher.put("providerId", f.teacher);
        Map<String, Object> nobody = f.speech(1, 1);
        nobody.put("providerId", UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).body(f.schoolYear(List.of(otForSpeech, wrongDiscipline, teacher, nobody)))
                .post("/api/v1/students/" + f.student + "/ieps").then().statusCode(422)
                .body("violations.field", contains("mandates[0].providerId", "mandates[1].providerDiscipline",
                        "mandates[2].providerId", "mandates[3].providerId"));
        noIepsFor(f);
    }

    @Test
    void aRefusedEditLeavesTheDraftAsItWas() {
        IepFixtures f = new IepFixtures();
        String id = f.draft(f.schoolYear(List.of(f.speech(1, 1))));
        String etag = given().get("/api/v1/ieps/" + id).then().extract().header("ETag");
        Map<String, Object> individualGroup = f.speech(1, 1);
        individualGroup.put("delivery", "INDIVIDUAL");
        Map<String, Object> body = f.schoolYear(List.of(individualGroup));
        body.put("endDate", "2026-08-01");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/api/v1/ieps/" + id).then().statusCode(422)
                .body("violations.field", hasItems("endDate", "mandates[0].maxGroupSize", "mandates[0].endDate"));
        given().get("/api/v1/ieps/" + id).then().header("ETag", is(etag))
                .body("endDate", is("2027-08-31")).body("mandates[0].delivery", is("GROUP"));
    }

    @Test
    void anIepWithoutMandatesCannotTakeEffect() {
        IepFixtures f = new IepFixtures();
        String id = f.draft(f.schoolYear(List.of()));
        given().contentType(ContentType.JSON).post("/api/v1/ieps/" + id + "/activate").then().statusCode(422)
                .body("violations.field", contains("mandates"));
        given().get("/api/v1/ieps/" + id).then().body("status", is("DRAFT")).body("activatedAt", nullValue());
        given().get("/api/v1/students/" + f.student).then().body("activeIep", nullValue());
    }

    @Test
    void aNewIepOverlappingTheOneInForceIsRefusedNamingItAndPublishesNothing() throws Exception {
        IepFixtures f = new IepFixtures();
        String active = f.activeDraft(f.schoolYear(List.of(f.speech(1, 1))));
        String overlapping = f.draft(IepFixtures.iep("2027-06-01", "2028-05-31",
                List.of(IepFixtures.goal("ARTICULATION", "Produce /s/ blends", "ACQUISITION")), List.of(f.speech(0, 2))));
        try (TopicProbe probe = new TopicProbe("iep.events")) {
            given().contentType(ContentType.JSON).post("/api/v1/ieps/" + overlapping + "/activate").then()
                    .statusCode(422)
                    .body("violations.field", contains("startDate"))
                    .body("violations[0].message", containsString(active))
                    .body("violations[0].message", containsString("amend or end"));
            given().get("/api/v1/ieps/" + overlapping).then().body("status", is("DRAFT"));
            given().get("/api/v1/ieps/" + active).then().body("status", is("ACTIVE")).body("supersededById", nullValue());
            given().get("/api/v1/students/" + f.student).then().body("activeIep.id", is(active));

            // The next event of this student is the end below: the refused activation published nothing.
            given().contentType(ContentType.JSON).body(Map.of("endedOn", "2026-12-18", "reason", "Exited services"))
                    .post("/api/v1/ieps/" + active + "/end").then().statusCode(200);
            List<String> types = probe.await(e -> e.path("data").path("studentId").asText().equals(f.student), 2,
                    Duration.ofSeconds(20)).stream().map(e -> e.event().get("type").asText()).toList();
            assertEquals(List.of("IepActivated", "IepEnded"), types);
        }
    }

    @Test
    void anAmendmentTakesEffectAfterTheVersionItAmendsWithAReason() {
        IepFixtures f = new IepFixtures();
        String active = f.activeDraft(f.schoolYear(List.of(f.speech(1, 1))));
        Map<String, Object> amendment = f.schoolYear(List.of(f.speech(2, 0)));
        amendment.put("effectiveFrom", "2026-09-01");
        amendment.put("startDate", "2026-09-08");
        given().contentType(ContentType.JSON).body(amendment).post("/api/v1/ieps/" + active + "/amendments")
                .then().statusCode(422)
                .body("violations.field", hasItems("startDate", "effectiveFrom", "amendmentReason"));

        Map<String, Object> foreignLink = f.schoolYear(List.of(f.speech(2, 0)));
        foreignLink.put("effectiveFrom", "2026-11-02");
        foreignLink.put("amendmentReason", "More push-in");
        ((Map<String, Object>) ((List<?>) foreignLink.get("mandates")).get(0)).put("continuesMandateId",
                UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).body(foreignLink).post("/api/v1/ieps/" + active + "/amendments")
                .then().statusCode(422).body("violations.field", contains("mandates[0].continuesMandateId"));

        given().get("/api/v1/students/" + f.student + "/ieps").then().header("X-Total-Count", "1")
                .body("id", contains(active));
        given().get("/api/v1/ieps/" + active).then().body("status", is("ACTIVE"));
    }

    @Test
    void anIepEndsOnlyOnADayItAppliesAndOnlyWhenInForce() {
        IepFixtures f = new IepFixtures();
        String draft = f.draft(f.schoolYear(List.of(f.speech(1, 1))));
        given().contentType(ContentType.JSON).body(Map.of("endedOn", "2026-12-18", "reason", "Exited"))
                .post("/api/v1/ieps/" + draft + "/end").then().statusCode(409);
        given().contentType(ContentType.JSON).post("/api/v1/ieps/" + draft + "/activate").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("endedOn", "2027-09-01", "reason", "Exited"))
                .post("/api/v1/ieps/" + draft + "/end").then().statusCode(422)
                .body("violations.field", contains("endedOn"));
        given().contentType(ContentType.JSON).body(Map.of("endedOn", "2026-12-18"))
                .post("/api/v1/ieps/" + draft + "/end").then().statusCode(400)
                .body("violations.field", contains("reason"));
        given().get("/api/v1/ieps/" + draft).then().body("status", is("ACTIVE")).body("endedOn", nullValue());
    }

    @Test
    void malformedAndUnknownInputIsAClientError() {
        IepFixtures f = new IepFixtures();
        given().contentType(ContentType.JSON).body(Map.of("eligibility", "x"))
                .post("/api/v1/students/" + f.student + "/ieps").then().statusCode(400)
                .body("violations.field", hasItems("startDate", "endDate", "goals", "mandates"));
        Map<String, Object> badEnum = new HashMap<>(f.speech(1, 1));
        badEnum.put("delivery", "CLASSWIDE");
        given().contentType(ContentType.JSON).body(f.schoolYear(List.of(badEnum)))
                .post("/api/v1/students/" + f.student + "/ieps").then().statusCode(400)
                .body("violations[0].field", is("mandates[0].delivery"));
        Map<String, Object> badSubject = new HashMap<>(f.speech(1, 1));
        badSubject.put("constraints", List.of(Map.of("kind", "NOT_DURING_SUBJECT", "subject", "RECESSS")));
        given().contentType(ContentType.JSON).body(f.schoolYear(List.of(badSubject)))
                .post("/api/v1/students/" + f.student + "/ieps").then().statusCode(400);
        given().contentType(ContentType.JSON).body(f.schoolYear(List.of(f.speech(1, 1))))
                .post("/api/v1/students/" + UUID.randomUUID() + "/ieps").then().statusCode(404);
        given().get("/api/v1/students/" + f.student + "/ieps?status=LIVE").then().statusCode(400)
                .body("violations[0].field", is("status"));
        given().contentType(ContentType.JSON).post("/api/v1/ieps/" + UUID.randomUUID() + "/activate").then()
                .statusCode(404);
        given().get("/api/v1/ieps/" + UUID.randomUUID() + "/history").then().statusCode(404);
        noIepsFor(f);
    }
}
