package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** The push API: vendors syncing OneRoster records one at a time, as JSON. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class RosterPushTest {

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    static ValidatableResponse put(String type, String sourcedId, Object body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/v1/roster/" + type + "/" + sourcedId).then();
    }

    /** A small school with a class, a student, a teacher and the student's enrollment, all pushed. */
    static void pushSchool(String s) {
        put("orgs", "dist-" + s, Map.of("org", Map.of("name", "Cedar District", "type", "district"))).statusCode(201);
        put("orgs", "sch-" + s, Map.of("sourcedId", "sch-" + s, "name", "Cedar Elementary", "type", "school",
                "identifier", "CE-" + s, "parent", Map.of("sourcedId", "dist-" + s))).statusCode(201);
        put("academicSessions", "term-" + s, Map.of("title", "Fall", "type", "term", "startDate", "2026-08-24",
                "endDate", "2027-01-15", "schoolYear", "2027")).statusCode(201);
        put("classes", "cls-" + s, Map.of("class", Map.of("title", "Room 7", "classType", "homeroom",
                "course", Map.of("sourcedId", "crs-" + s), "school", Map.of("sourcedId", "sch-" + s),
                "terms", List.of(Map.of("sourcedId", "term-" + s)), "grades", List.of("03"), "periods", List.of("1"))))
                .statusCode(201)
                .body("warnings", hasItem(containsString("crs-" + s)));
        put("users", "stu-" + s, student(s, "Chen")).statusCode(201).body("change", is("INSERTED"));
        put("users", "tch-" + s, teacher(s, "SLP")).statusCode(201);
        put("enrollments", "enr-" + s, Map.of("user", Map.of("sourcedId", "stu-" + s),
                "class", Map.of("sourcedId", "cls-" + s), "school", Map.of("sourcedId", "sch-" + s),
                "role", "student", "primary", false, "beginDate", "2026-09-01")).statusCode(201);
        put("enrollments", "enrt-" + s, Map.of("user", Map.of("sourcedId", "tch-" + s),
                "class", Map.of("sourcedId", "cls-" + s), "school", Map.of("sourcedId", "sch-" + s),
                "role", "teacher", "primary", true)).statusCode(201);
    }

    static Map<String, Object> student(String s, String familyName) {
        return Map.of("user", Map.of("sourcedId", "stu-" + s, "username", "ivy." + s, "enabledUser", true,
                "givenName", "Ivy", "familyName", familyName, "grades", List.of("03"),
                "userIds", List.of(Map.of("type", "SIS", "identifier", "42-" + s)),
                "roles", List.of(Map.of("roleType", "primary", "role", "student", "org", Map.of("sourcedId", "sch-" + s)))));
    }

    static Map<String, Object> teacher(String s, String discipline) {
        return Map.of("username", "omar." + s, "enabledUser", "true", "givenName", "Omar", "familyName", "Haddad",
                "email", "omar." + s + "@example.org", "metadata", Map.of("discipline", discipline),
                "roles", List.of(Map.of("roleType", "primary", "role", "teacher", "org", Map.of("sourcedId", "sch-" + s))));
    }

    private String studentId() {
        return given().queryParam("sourcedId", "stu-" + s).get("/api/v1/students").then().body("", hasSize(1))
                .extract().path("[0].id");
    }

    @Test
    void recordsArePushedOneByOneAndTheSameBodyTwiceChangesNothing() throws Exception {
        try (RosterEventLog log = new RosterEventLog()) {
            pushSchool(s);
            String studentId = studentId();
            given().get("/api/v1/students/" + studentId).then().statusCode(200)
                    .body("givenName", is("Ivy")).body("grade", is("3"))
                    .body("enrollments", hasSize(1)).body("enrollments[0].classTitle", is("Room 7"));
            Map<String, Object> omar = given().queryParam("sourcedId", "tch-" + s).get("/api/v1/staff").then()
                    .body("", hasSize(1)).extract().jsonPath().getMap("[0]");
            assertEquals("SLP", omar.get("discipline"));

            List<RosterEventLog.Event> events = log.sinceLastLook().stream()
                    .filter(e -> e.data().toString().contains(s)).toList();
            assertEquals(1, RosterEventLog.of(events, "SchoolUpserted", d -> true).size());
            assertEquals(1, RosterEventLog.of(events, "ClassUpserted", d -> true).size());
            assertEquals(1, RosterEventLog.of(events, "StudentUpserted", d -> true).size());
            assertEquals(1, RosterEventLog.of(events, "StaffUpserted", d -> true).size());
            List<RosterEventLog.Event> enrollments = RosterEventLog.of(events, "EnrollmentChanged", d -> true);
            assertEquals(2, enrollments.size());
            assertTrue(enrollments.stream().anyMatch(e -> e.key().equals(studentId)), "keyed by the student");
            assertTrue(enrollments.stream().anyMatch(e -> e.key().equals(omar.get("id"))), "and by the teacher");

            // The same bodies again: 200, unchanged, nothing published.
            put("users", "stu-" + s, student(s, "Chen")).statusCode(200).body("change", is("UNCHANGED"));
            put("users", "tch-" + s, teacher(s, "SLP")).statusCode(200).body("change", is("UNCHANGED"));
            put("enrollments", "enr-" + s, Map.of("user", Map.of("sourcedId", "stu-" + s),
                    "class", Map.of("sourcedId", "cls-" + s), "school", Map.of("sourcedId", "sch-" + s),
                    "role", "student", "primary", false, "beginDate", "2026-09-01"))
                    .statusCode(200).body("change", is("UNCHANGED"));
            put("orgs", "sch-" + s, Map.of("name", "Cedar Elementary", "type", "school", "identifier", "CE-" + s,
                    "parent", Map.of("sourcedId", "dist-" + s))).statusCode(200).body("change", is("UNCHANGED"));
            assertEquals(List.of(), log.sinceLastLook().stream().filter(e -> e.data().toString().contains(s)).toList());

            // A change publishes once.
            put("users", "stu-" + s, student(s, "Chen-Wu")).statusCode(200).body("change", is("UPDATED"));
            events = log.sinceLastLook().stream().filter(e -> e.data().toString().contains(s)).toList();
            assertEquals(1, events.size());
            assertEquals("Chen-Wu", events.get(0).data().path("familyName").asText());

            // The roster never overwrites a discipline set through our API.
            String etag = given().get("/api/v1/staff/" + omar.get("id")).then().extract().header("ETag");
            given().contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("givenName", "Omar", "familyName", "Haddad", "email", "omar." + s + "@example.org",
                            "discipline", "OT", "schoolIds", omar.get("schoolIds")))
                    .put("/api/v1/staff/" + omar.get("id")).then().statusCode(200).body("disciplineSource", is("API"));
            put("users", "tch-" + s, teacher(s, "PT")).statusCode(200).body("change", is("UPDATED"));
            given().get("/api/v1/staff/" + omar.get("id")).then().body("discipline", is("OT"));
            log.sinceLastLook();

            // DELETE deactivates (history kept) and says so once.
            given().delete("/api/v1/roster/users/stu-" + s).then().statusCode(204);
            given().get("/api/v1/students/" + studentId).then().statusCode(200).body("status", is("tobedeleted"));
            given().delete("/api/v1/roster/users/stu-" + s).then().statusCode(204);
            events = log.sinceLastLook().stream().filter(e -> e.data().toString().contains(s)).toList();
            List<RosterEventLog.Event> deactivated = RosterEventLog.of(events, "StudentDeactivated", d -> true);
            assertEquals(1, deactivated.size(), events.toString());
            assertEquals(studentId, deactivated.get(0).key());
            assertThat(deactivated.get(0).data().path("reason").asText(), containsString("push API"));

            // Pushed again as active, the student is back.
            put("users", "stu-" + s, student(s, "Chen-Wu")).statusCode(200).body("change", is("UPDATED"));
            given().get("/api/v1/students/" + studentId).then().body("status", is("active"));
        }
        given().delete("/api/v1/roster/users/never-" + s).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidRecordsAre422WithEveryViolationAndWriteNothing() {
        pushSchool(s);
        put("users", "bad-" + s, Map.of("user", Map.of("sourcedId", "other-" + s, "givenName", "",
                "enabledUser", "maybe", "roles", List.of(Map.of("roleType", "primary", "role", "wizard",
                        "org", Map.of("sourcedId", "nowhere-" + s))))))
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItems("user.sourcedId", "user.username", "user.givenName",
                        "user.familyName", "user.enabledUser", "user.roles[0].role"))
                .body("violations.find { it.field == 'user.enabledUser' }.message", containsString("maybe"));
        given().delete("/api/v1/roster/users/bad-" + s).then().statusCode(404);
        given().get("/ims/oneroster/rostering/v1p2/users/bad-" + s).then().statusCode(404);

        put("users", "bad2-" + s, Map.of("username", "x", "enabledUser", true, "givenName", "A", "familyName", "B",
                "roles", List.of(Map.of("roleType", "primary", "role", "student", "org", Map.of("sourcedId", "nowhere-" + s)))))
                .statusCode(422).body("violations[0].field", is("roles[0].org.sourcedId"));
        put("users", "bad3-" + s, Map.of("username", "x", "enabledUser", true, "givenName", "A", "familyName", "B"))
                .statusCode(422).body("violations[0].field", is("roles"));
        put("enrollments", "enrbad-" + s, Map.of("user", Map.of("sourcedId", "ghost-" + s),
                "class", Map.of("sourcedId", "cls-" + s), "school", Map.of("sourcedId", "sch-" + s), "role", "student"))
                .statusCode(422).body("violations.field", contains("user.sourcedId"));
        put("academicSessions", "asbad-" + s, Map.of("title", "T", "type", "term", "startDate", "15/06/2023",
                "endDate", "2027-01-01", "schoolYear", "2027"))
                .statusCode(422).body("violations[0].field", is("startDate"))
                .body("violations[0].message", containsString("15/06/2023"));
        put("classes", "clsbad-" + s, Map.of("title", "X", "classType", "homeroom", "school", Map.of("sourcedId", "sch-" + s),
                "course", Map.of("sourcedId", "c"), "terms", "not-a-list-but-tolerated", "grades", Map.of("a", 1)))
                .statusCode(422).body("violations.field", contains("grades"));
        for (String id : List.of("enrbad-", "asbad-", "clsbad-")) {
            given().delete("/api/v1/roster/" + (id.startsWith("enr") ? "enrollments" : id.startsWith("as")
                    ? "academicSessions" : "classes") + "/" + id + s).then().statusCode(404);
        }

        given().contentType(ContentType.JSON).body("{\"user\": {").put("/api/v1/roster/users/x-" + s).then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[1, 2]").put("/api/v1/roster/users/x-" + s).then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).put("/api/v1/roster/gradebooks/x-" + s).then()
                .statusCode(404);
    }
}
