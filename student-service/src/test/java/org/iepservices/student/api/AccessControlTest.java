package org.iepservices.student.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.as;
import static org.iepservices.student.api.Tokens.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 8 over HTTP: who may call what (401 / 403), whose students each role sees (404 outside the
 * scope, lists filtered and counted by scope) and the FERPA access trail on audit.events.
 * <p>
 * The picture: school A (pushed from the roster, in a district) with a class whose teacher has one
 * student; school B (made through the API, no district) with a student on an SLP's caseload through
 * her IEP, and a second student nobody but the admins may see.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class AccessControlTest {

    private final String s = UUID.randomUUID().toString().substring(0, 8);
    private IepFixtures b;
    private String iep;
    private String otherInB;
    private String schoolA;
    private String districtA;
    private String pupilA;
    private String teacherA;

    @BeforeEach
    void picture() {
        RosterPushTest.pushSchool(s);
        pupilA = given().queryParam("sourcedId", "stu-" + s).get("/api/v1/students").then().extract().path("[0].id");
        schoolA = given().get("/api/v1/students/" + pupilA).then().extract().path("schoolId");
        districtA = given().get("/api/v1/schools/" + schoolA).then().extract().path("districtId");
        assertNotNull(districtA);
        teacherA = given().queryParam("sourcedId", "tch-" + s).get("/api/v1/staff").then().extract().path("[0].id");

        b = new IepFixtures();
        iep = b.activeDraft(b.schoolYear(List.of(b.speech(1, 1))));
        otherInB = given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "Noor", "familyName", "Aziz", "grade", "2", "schoolId", b.school))
                .post("/api/v1/students").then().statusCode(201).extract().path("id");
    }

    @Test
    void withoutAValidTokenEverythingIsUnauthorizedButTheOperationalEndpoints() {
        RestAssured.given().get("/api/v1/students/" + b.student).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"))
                .body("givenName", nullValue());
        RestAssured.given().get("/ims/oneroster/rostering/v1p2/users").then().statusCode(401);
        String expired = TokenIssuer.shared().token("district-admin@example.org", "district-admin")
                .issuedAt(Instant.now().minus(Duration.ofHours(10)), Duration.ofHours(8)).sign();
        as(expired).get("/api/v1/students/" + b.student).then().statusCode(401).body("givenName", nullValue());
        String forged = TokenIssuer.generate().token("district-admin@example.org", "district-admin").sign();
        as(forged).get("/api/v1/students/" + b.student).then().statusCode(401).body("givenName", nullValue());
        as("not-a-jwt").get("/api/v1/ieps/" + iep).then().statusCode(401);
        RestAssured.given().get("/q/health").then().statusCode(200);
        RestAssured.given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theSisOnlyImportsAndPushes() {
        String sis = Tokens.sis();
        as(sis).contentType(ContentType.JSON).body(RosterPushTest.student(s, "Chen-Park"))
                .put("/api/v1/roster/users/stu-" + s).then().statusCode(200).body("change", is("UPDATED"));
        as(sis).get("/api/v1/roster/imports").then().statusCode(200);
        as(sis).get("/api/v1/students").then().statusCode(403).contentType("application/problem+json");
        as(sis).get("/api/v1/students/" + pupilA).then().statusCode(403);
        as(sis).get("/api/v1/ieps/" + iep).then().statusCode(403);
        as(sis).get("/api/v1/students/" + b.student + "/service-profile").then().statusCode(403);
        as(sis).get("/api/v1/caseload-assignments").then().statusCode(403);
        as(sis).get("/ims/oneroster/rostering/v1p2/users").then().statusCode(403);
        // and nobody else pushes rosters
        as(Tokens.staff("provider", b.slp)).contentType(ContentType.JSON).body(RosterPushTest.student(s, "X"))
                .put("/api/v1/roster/users/stu-" + s).then().statusCode(403);
    }

    @Test
    void aProviderSeesTheirCaseloadAndItsIepsButWritesNoIep() {
        String slp = Tokens.staff("provider", b.slp);
        as(slp).get("/api/v1/students?limit=500").then().statusCode(200).header("X-Total-Count", "1")
                .body("id", contains(b.student)).body("[0].activeIep.id", is(iep));
        as(slp).get("/api/v1/students/" + b.student).then().statusCode(200).body("activeIep.id", is(iep));
        as(slp).get("/api/v1/students/" + otherInB).then().statusCode(404).contentType("application/problem+json");
        as(slp).get("/api/v1/students/" + pupilA).then().statusCode(404);
        as(slp).get("/api/v1/ieps/" + iep).then().statusCode(200).body("studentId", is(b.student));
        as(slp).get("/api/v1/ieps/" + iep + "/history").then().statusCode(200);
        as(slp).get("/api/v1/students/" + b.student + "/ieps").then().statusCode(200).header("X-Total-Count", "1");
        as(slp).get("/api/v1/students/" + otherInB + "/ieps").then().statusCode(404);
        as(slp).get("/api/v1/students/" + b.student + "/service-profile").then().statusCode(200);
        as(slp).get("/api/v1/students/" + b.student + "/edfi").then().statusCode(403);
        as(slp).contentType(ContentType.JSON).body(Map.of("endedOn", "2026-12-01", "reason", "x"))
                .post("/api/v1/ieps/" + iep + "/end").then().statusCode(403);
        given().get("/api/v1/ieps/" + iep).then().body("status", is("ACTIVE"));
        as(slp).get("/api/v1/caseload-assignments").then().statusCode(403);
        // reference data is readable
        as(slp).get("/api/v1/schools/" + b.school).then().statusCode(200);
        as(slp).get("/api/v1/staff/" + b.slp).then().statusCode(200);

        // Another SLP without the student: 404 for the student and the IEP alike, an empty list.
        String stranger = Tokens.staff("provider", b.ot);
        as(stranger).get("/api/v1/ieps/" + iep).then().statusCode(404);
        as(stranger).get("/api/v1/students").then().header("X-Total-Count", "0").body("", hasSize(0));

        // Once the assignment ends, the student leaves the caseload.
        String assignment = given().queryParam("studentId", b.student).get("/api/v1/caseload-assignments")
                .then().extract().path("[0].id");
        given().delete("/api/v1/caseload-assignments/" + assignment).then().statusCode(204);
        as(slp).get("/api/v1/ieps/" + iep).then().statusCode(404);
    }

    @Test
    void aTeacherSeesTheirClassButNoIepDetail() {
        String teacher = Tokens.staff("teacher", teacherA);
        as(teacher).get("/api/v1/students").then().statusCode(200).header("X-Total-Count", "1")
                .body("id", contains(pupilA)).body("[0].activeIep", nullValue());
        as(teacher).get("/api/v1/students/" + pupilA).then().statusCode(200).body("activeIep", nullValue())
                .body("enrollments", hasSize(1));
        as(teacher).get("/api/v1/students/" + b.student).then().statusCode(404);
        as(teacher).get("/api/v1/students/" + pupilA + "/ieps").then().statusCode(403);
        as(teacher).get("/api/v1/ieps/" + iep).then().statusCode(403);
        as(teacher).get("/api/v1/students/" + pupilA + "/service-profile").then().statusCode(403);
        as(teacher).contentType(ContentType.JSON)
                .body(Map.of("givenName", "A", "familyName", "B", "grade", "3", "schoolId", schoolA))
                .post("/api/v1/students").then().statusCode(403);
        String classId = given().queryParam("sourcedId", "cls-" + s).get("/api/v1/classes").then()
                .extract().path("[0].id");
        as(teacher).get("/api/v1/classes/" + classId).then().statusCode(200)
                .body("enrollments.studentId", hasItem(pupilA));
        as(teacher).queryParam("studentId", pupilA).get("/api/v1/classes").then().header("X-Total-Count", "1");
        as(Tokens.staff("provider", b.slp)).queryParam("studentId", pupilA).get("/api/v1/classes").then()
                .statusCode(200).header("X-Total-Count", "0");
        // A provider looking at that class sees its teacher but none of its students.
        as(Tokens.staff("provider", b.slp)).get("/api/v1/classes/" + classId).then().statusCode(200)
                .body("enrollments.studentId.findAll { it != null }", hasSize(0))
                .body("enrollments.staffId", hasItem(teacherA));
    }

    @Test
    void adminsSeeTheirSchoolsOrTheirDistrict() {
        String principal = Tokens.schoolAdmin(List.of(b.school));
        as(principal).get("/api/v1/students?limit=500").then().statusCode(200).header("X-Total-Count", "2")
                .body("id", containsInAnyOrder(b.student, otherInB));
        as(principal).get("/api/v1/students?limit=1").then().header("X-Total-Count", "2").body("", hasSize(1));
        as(principal).get("/api/v1/students/" + pupilA).then().statusCode(404);
        as(principal).get("/api/v1/ieps/" + iep).then().statusCode(200);
        as(principal).get("/api/v1/students/" + b.student + "/edfi").then().statusCode(200);
        as(principal).get("/api/v1/caseload-assignments?limit=500").then().statusCode(200)
                .body("studentId", everyItem(is(b.student)));
        // their schools only, for writes as well: 403 naming the rule, nothing created
        as(principal).contentType(ContentType.JSON)
                .body(Map.of("givenName", "A", "familyName", "B", "grade", "3", "schoolId", schoolA))
                .post("/api/v1/students").then().statusCode(403).contentType("application/problem+json");
        given().queryParam("schoolId", schoolA).get("/api/v1/students").then().header("X-Total-Count", "1");
        as(principal).contentType(ContentType.JSON)
                .body(Map.of("studentId", pupilA, "providerId", b.slp, "serviceType", "SPEECH_LANGUAGE"))
                .post("/api/v1/caseload-assignments").then().statusCode(422)
                .body("violations.field", contains("studentId"));
        as(principal).get("/ims/oneroster/rostering/v1p2/users").then().statusCode(403);
        as(principal).contentType(ContentType.JSON).body(Map.of("name", "Elsewhere"))
                .post("/api/v1/schools").then().statusCode(403);

        String district = Tokens.districtAdmin(districtA);
        as(district).get("/api/v1/students?limit=500").then().statusCode(200).header("X-Total-Count", "1")
                .body("id", contains(pupilA));
        as(district).get("/api/v1/students/" + b.student).then().statusCode(404);
        as(district).get("/api/v1/ieps/" + iep).then().statusCode(404);
    }

    @Test
    void readsAndWritesOfStudentRecordsLeaveATrail() throws Exception {
        String slp = Tokens.staff("provider", b.slp);
        String subject = "provider-" + b.slp + "@example.org";
        try (TopicProbe probe = new TopicProbe("audit.events")) {
            as(slp).header("X-Access-Purpose", "annual review prep").get("/api/v1/ieps/" + iep).then().statusCode(200);
            as(slp).get("/api/v1/students").then().statusCode(200);
            as(slp).get("/api/v1/students/" + otherInB).then().statusCode(404); // refused: no trail
            given().contentType(ContentType.JSON).body(Map.of("studentId", otherInB, "providerId", b.ot))
                    .post("/api/v1/caseload-assignments").then().statusCode(201);

            // One pass over the topic: the probe drops what a filter does not take.
            List<JsonNode> mine = new ArrayList<>();
            List<JsonNode> writes = new ArrayList<>();
            probe.await(e -> e.path("data").path("actor").asText().equals(subject)
                    || (e.path("data").path("action").asText().equals("WRITE")
                    && e.path("data").path("resourceType").asText().equals("caseload-assignment")
                    && ids(e.path("data")).equals(List.of(otherInB))), 3, Duration.ofSeconds(20))
                    .forEach(r -> (r.event().path("data").path("action").asText().equals("WRITE") ? writes : mine)
                            .add(r.event().path("data")));
            assertEquals(2, mine.size(), mine.toString());
            JsonNode iepRead = mine.get(0);
            assertEquals("provider", iepRead.path("actorRole").asText());
            assertEquals("READ", iepRead.path("action").asText());
            assertEquals("student-service", iepRead.path("service").asText());
            assertEquals("iep", iepRead.path("resourceType").asText());
            assertEquals(iep, iepRead.path("resourceId").asText());
            assertEquals(List.of(b.student), ids(iepRead));
            assertEquals("annual review prep", iepRead.path("purpose").asText());
            assertEquals("GET", iepRead.path("method").asText());
            assertEquals("student", mine.get(1).path("resourceType").asText());
            assertEquals(List.of(b.student), ids(mine.get(1)), "a list names every student it showed");

            assertEquals(1, writes.size());
            assertEquals("district-admin", writes.get(0).path("actorRole").asText());
            assertEquals("caseload-assignment", writes.get(0).path("resourceType").asText());
            assertTrue(probe.await(e -> ids(e.path("data")).contains(otherInB)
                    && e.path("data").path("actor").asText().equals(subject), 1, Duration.ofSeconds(2)).isEmpty(),
                    "no trail for the refused read");
        }
    }

    @Test
    void oneRosterReadsOfStudentsAreExportsInTheTrail() throws Exception {
        try (TopicProbe probe = new TopicProbe("audit.events")) {
            given().header("X-Access-Purpose", "vendor sync check").queryParam("filter", "sourcedId='stu-" + s + "'")
                    .get("/ims/oneroster/rostering/v1p2/students").then().statusCode(200)
                    .header("X-Total-Count", "1");
            List<TopicProbe.Received> exports = probe.await(e -> e.path("data").path("action").asText().equals("EXPORT")
                    && ids(e.path("data")).contains(pupilA), 1, Duration.ofSeconds(20));
            assertEquals(1, exports.size());
            JsonNode data = exports.get(0).event().path("data");
            assertEquals("oneroster.users", data.path("resourceType").asText());
            assertEquals(List.of(pupilA), ids(data));
            assertEquals("district-admin", data.path("actorRole").asText());
            assertEquals("vendor sync check", data.path("purpose").asText());
        }
    }

    private static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.path("studentIds").forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
