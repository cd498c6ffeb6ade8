package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class IepApiTest {

    private static Map<String, Object> speechMandate(int pushIn, int pullOut, int sessions) {
        return Map.of("serviceType", "SPEECH_LANGUAGE", "sessionsPerInterval", sessions, "minutesPerSession", 30,
                "interval", "WEEK", "pushInSessions", pushIn, "pullOutSessions", pullOut, "maxGroupSize", 3);
    }

    private static Map<String, Object> iep(String start, String end, List<Map<String, Object>> mandates) {
        return Map.of("startDate", start, "endDate", end, "eligibility", "Speech or Language Impairment",
                "goals", List.of(Map.of("area", "EXPRESSIVE_LANGUAGE", "description", "Retell a story",
                        "targetPercent", 80, "skillStage", "GENERALIZATION")),
                "mandates", mandates);
    }

    private String draft(String student, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/students/" + student + "/ieps").then().statusCode(201)
                .body("status", is("DRAFT")).extract().path("id");
    }

    @Test
    void activatingAnIepSupersedesThePreviousOneAndPublishesItsMandates() throws Exception {
        String school = RosterApiTest.school("Maple " + UUID.randomUUID());
        String student = RosterApiTest.student(school, "Ava", "Johnson", "2");
        String first = draft(student, iep("2026-09-01", "2027-08-31", List.of(speechMandate(1, 1, 2))));
        try (TopicProbe probe = new TopicProbe("iep.events")) {
            given().contentType(ContentType.JSON).post("/api/v1/ieps/" + first + "/activate")
                    .then().statusCode(200).body("status", is("ACTIVE"));
            given().get("/api/v1/students/" + student).then()
                    .body("activeIep.id", is(first))
                    .body("activeIep.mandates[0].pushInSessions", is(1));

            String amendment = draft(student, iep("2026-11-02", "2027-08-31", List.of(speechMandate(2, 0, 2))));
            JsonPath activated = given().contentType(ContentType.JSON)
                    .post("/api/v1/ieps/" + amendment + "/activate").then().statusCode(200)
                    .body("supersedesId", is(first)).extract().jsonPath();
            given().get("/api/v1/ieps/" + first).then().body("status", is("SUPERSEDED"));
            given().get("/api/v1/students/" + student + "/ieps").then()
                    .body("id", contains(amendment, first));

            List<TopicProbe.Received> events = probe.await(
                    e -> e.path("data").path("studentId").asText().equals(student), 2, Duration.ofSeconds(20));
            assertEquals(2, events.size());
            assertEquals(student, events.get(1).key());
            assertEquals("IepActivated", events.get(1).event().get("type").asText());
            var data = events.get(1).event().get("data");
            assertEquals(first, data.get("supersedesIepId").asText());
            assertEquals("2026-11-02", data.get("effectiveFrom").asText());
            assertEquals(activated.getString("mandates[0].id"), data.get("mandates").get(0).get("mandateId").asText());
            assertEquals(2, data.get("mandates").get(0).get("pushInSessions").asInt());
            assertEquals("WEEK", data.get("mandates").get(0).get("interval").asText());
        }

        // History is never overwritten: active and superseded IEPs cannot be edited or re-activated.
        given().contentType(ContentType.JSON).body(iep("2026-09-01", "2027-08-31", List.of(speechMandate(1, 1, 2))))
                .put("/api/v1/ieps/" + first).then().statusCode(409);
        given().contentType(ContentType.JSON).post("/api/v1/ieps/" + first + "/activate").then().statusCode(409);
    }

    @Test
    void aDraftCanBeEditedWithItsETag() {
        String school = RosterApiTest.school("Oak " + UUID.randomUUID());
        String student = RosterApiTest.student(school, "Liam", "Nguyen", "1");
        String id = draft(student, iep("2026-09-01", "2027-08-31", List.of(speechMandate(1, 1, 2))));
        String etag = given().get("/api/v1/ieps/" + id).then().extract().header("ETag");
        String newEtag = given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(iep("2026-09-01", "2027-08-31", List.of(speechMandate(0, 3, 3))))
                .put("/api/v1/ieps/" + id).then().statusCode(200)
                .body("mandates", hasSize(1)).body("mandates[0].pullOutSessions", is(3))
                .extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(iep("2026-09-01", "2027-08-31", List.of(speechMandate(1, 1, 2))))
                .put("/api/v1/ieps/" + id).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", newEtag)
                .body(iep("2026-09-01", "2027-08-31", List.of(speechMandate(1, 1, 2))))
                .put("/api/v1/ieps/" + id).then().statusCode(200).body("mandates[0].pushInSessions", is(1));
    }

    @Test
    void incoherentIepsAreRefusedWithTheFields() {
        String school = RosterApiTest.school("Elm " + UUID.randomUUID());
        String student = RosterApiTest.student(school, "Mia", "Kim", "4");
        given().contentType(ContentType.JSON)
                .body(iep("2027-09-01", "2026-09-01", List.of(speechMandate(1, 0, 2))))
                .post("/api/v1/students/" + student + "/ieps").then().statusCode(422)
                .body("violations.field", containsInAnyOrder("endDate", "mandates[0].pushInSessions"));

        Map<String, Object> withTeacher = new HashMap<>(speechMandate(1, 1, 2));
        String teacher = given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "Jo", "familyName", "Reyes", "email", UUID.randomUUID() + "@example.org",
                        "discipline", "TEACHER", "schoolIds", List.of(school)))
                .post("/api/v1/staff").then().statusCode(201).extract().path("id");
        withTeacher.put("providerId", teacher);
        given().contentType(ContentType.JSON).body(iep("2026-09-01", "2027-08-31", List.of(withTeacher)))
                .post("/api/v1/students/" + student + "/ieps").then().statusCode(422)
                .body("violations[0].field", is("mandates[0].providerId"));

        given().contentType(ContentType.JSON).body(Map.of("eligibility", "x"))
                .post("/api/v1/students/" + student + "/ieps").then().statusCode(400)
                .body("violations.field", hasItems("startDate", "endDate", "goals", "mandates"));
        given().contentType(ContentType.JSON).body(iep("2026-09-01", "2027-08-31", List.of(speechMandate(1, 1, 2))))
                .post("/api/v1/students/" + UUID.randomUUID() + "/ieps").then().statusCode(404);
        given().get("/api/v1/students/" + student + "/ieps").then().statusCode(200).body("", hasSize(0));
    }
}
