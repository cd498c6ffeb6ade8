package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class RosterApiTest {

    static String school(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "timeZone", "America/Chicago"))
                .post("/api/v1/schools").then().statusCode(201)
                .header("Location", containsString("/api/v1/schools/"))
                .body("name", is(name)).extract().path("id");
    }

    static String student(String school, String given, String family, String grade) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("givenName", given, "familyName", family, "grade", grade, "schoolId", school))
                .post("/api/v1/students").then().statusCode(201).extract().path("id");
    }

    @Test
    void schoolsStaffAndStudentsAreCreatedReadAndListed() {
        String school = school("Maple " + UUID.randomUUID());
        given().get("/api/v1/schools/" + school).then().statusCode(200).body("timeZone", is("America/Chicago"));

        String email = "dana." + UUID.randomUUID() + "@example.org";
        String slp = given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "Dana", "familyName", "Whitfield", "email", email.toUpperCase(),
                        "discipline", "SLP", "credentials", "CCC-SLP", "schoolIds", List.of(school)))
                .post("/api/v1/staff").then().statusCode(201)
                .body("email", is(email)).body("schoolIds", contains(school)).extract().path("id");
        given().queryParam("schoolId", school).queryParam("discipline", "SLP").get("/api/v1/staff")
                .then().statusCode(200).header("X-Total-Count", "1").body("[0].id", is(slp));
        given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "D", "familyName", "W", "email", email, "discipline", "OT",
                        "schoolIds", List.of()))
                .post("/api/v1/staff").then().statusCode(409).contentType("application/problem+json");

        String ava = student(school, "Ava", "Johnson", "2");
        student(school, "Liam", "Nguyen", "K");
        student(school, "Mia", "Johnston", "2");
        given().get("/api/v1/students/" + ava).then().statusCode(200)
                .header("ETag", notNullValue()).body("status", is("active")).body("activeIep", nullValue());

        given().queryParam("schoolId", school).queryParam("limit", 2).get("/api/v1/students")
                .then().statusCode(200)
                .header("X-Total-Count", "3")
                .header("Link", containsString("rel=\"next\""))
                .body("", hasSize(2))
                .body("familyName", contains("Johnson", "Johnston"));
        given().queryParam("schoolId", school).queryParam("name", "JOHN").queryParam("grade", "2")
                .get("/api/v1/students").then().header("X-Total-Count", "2");
    }

    @Test
    void aNewOrChangedStudentIsPublishedToRosterEventsKeyedByStudent() throws Exception {
        String school = school("Riverside " + UUID.randomUUID());
        try (TopicProbe probe = new TopicProbe("roster.events")) {
            String id = student(school, "Noah", "Garcia", "3");
            String etag = given().get("/api/v1/students/" + id).then().extract().header("ETag");
            String newEtag = given().contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("givenName", "Noah", "familyName", "Garcia-Lopez", "grade", "3", "schoolId", school))
                    .put("/api/v1/students/" + id).then().statusCode(200).body("familyName", is("Garcia-Lopez"))
                    .extract().header("ETag");
            given().get("/api/v1/students/" + id).then().header("ETag", is(newEtag));
            // A stale ETag is refused and changes nothing.
            given().contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("givenName", "X", "familyName", "Y", "grade", "3", "schoolId", school))
                    .put("/api/v1/students/" + id).then().statusCode(412).contentType("application/problem+json");

            List<TopicProbe.Received> events = probe.await(
                    e -> e.path("data").path("studentId").asText().equals(id), 2, Duration.ofSeconds(20));
            assertEquals(2, events.size(), "one StudentUpserted per change, none for the refused one");
            assertEquals(id, events.get(0).key());
            assertEquals("StudentUpserted", events.get(0).event().get("type").asText());
            assertEquals("Garcia-Lopez", events.get(1).event().get("data").get("familyName").asText());
        }
        given().get("/api/v1/students/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsAClearClientError() {
        given().contentType(ContentType.JSON).body(Map.of("grade", "13"))
                .post("/api/v1/students").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("givenName", "familyName", "grade", "schoolId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "A", "familyName", "B", "grade", "1", "schoolId", UUID.randomUUID().toString()))
                .post("/api/v1/students").then().statusCode(422).body("violations[0].field", is("schoolId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "A", "familyName", "B", "email", "not-an-email", "discipline", "WIZARD",
                        "schoolIds", List.of()))
                .post("/api/v1/staff").then().statusCode(400).body("violations[0].field", is("discipline"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "timeZone", "Mars/Olympus"))
                .post("/api/v1/schools").then().statusCode(400).body("violations[0].field", is("timeZone"));
        given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "A", "familyName", "B", "email", "a@b.org", "discipline", "OT",
                        "schoolIds", List.of(UUID.randomUUID().toString())))
                .post("/api/v1/staff").then().statusCode(422).body("violations[0].field", is("schoolIds[0]"));
        given().queryParam("limit", 0).get("/api/v1/students").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/students"))
                .body("paths", hasKey("/api/v1/ieps/{id}/activate"))
                .body("paths", hasKey("/api/v1/staff"));
    }
}
