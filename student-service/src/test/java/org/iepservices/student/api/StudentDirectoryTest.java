package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.given;
import static org.hamcrest.Matchers.*;

/** Our own API for client teams: students by school, class, grade, name, IEP and status; classes; staff. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class StudentDirectoryTest {

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    private String sourced(String sourcedId) {
        return given().queryParam("sourcedId", sourcedId).get("/api/v1/students").then().body("", hasSize(1))
                .extract().path("[0].id");
    }

    @Test
    void studentsAreFoundByEveryFilterAndReadWithClassesAndTheirIep() {
        RosterPushTest.pushSchool(s); // Ivy Chen (grade 3) in Room 7 at Cedar Elementary
        String school = given().queryParam("sourcedId", "sch-" + s).get("/api/v1/schools").then()
                .body("", hasSize(1)).extract().path("[0].id");
        String room7 = given().queryParam("sourcedId", "cls-" + s).get("/api/v1/classes").then()
                .body("", hasSize(1)).extract().path("[0].id");
        String ivy = sourced("stu-" + s);
        String noah = RosterApiTest.student(school, "Noah", "Chen", "3");
        String zoe = RosterApiTest.student(school, "Zoe", "Adams", "K");

        // An active IEP for Noah (speech 2 x 30, 1 push-in + 1 pull-out).
        String iep = given().contentType(ContentType.JSON).body(Map.of("startDate", "2026-09-01", "endDate", "2027-08-31",
                        "eligibility", "Speech or Language Impairment",
                        "goals", List.of(Map.of("area", "EXPRESSIVE_LANGUAGE", "description", "Retell a story",
                                "targetPercent", 80, "skillStage", "GENERALIZATION")),
                        "mandates", List.of(Map.of("serviceType", "SPEECH_LANGUAGE", "sessionsPerInterval", 2,
                                "minutesPerSession", 30, "interval", "WEEK", "pushInSessions", 1, "pullOutSessions", 1,
                                "maxGroupSize", 3))))
                .post("/api/v1/students/" + noah + "/ieps").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).post("/api/v1/ieps/" + iep + "/activate").then().statusCode(200);

        given().queryParam("schoolId", school).get("/api/v1/students").then().statusCode(200)
                .header("X-Total-Count", "3").body("familyName", contains("Adams", "Chen", "Chen"))
                .body("givenName", contains("Zoe", "Ivy", "Noah"));
        given().queryParam("schoolId", school).queryParam("classId", room7).get("/api/v1/students").then()
                .header("X-Total-Count", "1").body("[0].id", is(ivy));
        given().queryParam("schoolId", school).queryParam("grade", "3").get("/api/v1/students").then()
                .header("X-Total-Count", "2");
        given().queryParam("schoolId", school).queryParam("name", "ivy chen").get("/api/v1/students").then()
                .header("X-Total-Count", "1").body("[0].id", is(ivy));
        given().queryParam("schoolId", school).queryParam("hasActiveIep", true).get("/api/v1/students").then()
                .header("X-Total-Count", "1").body("[0].id", is(noah))
                .body("[0].activeIep.id", is(iep)).body("[0].activeIep.mandateCount", is(1));
        given().queryParam("schoolId", school).queryParam("hasActiveIep", false).get("/api/v1/students").then()
                .header("X-Total-Count", "2");
        given().queryParam("schoolId", school).queryParam("limit", 2).queryParam("offset", 2).get("/api/v1/students")
                .then().header("X-Total-Count", "3").body("", hasSize(1))
                .header("Link", containsString("rel=\"prev\""));

        given().delete("/api/v1/roster/users/stu-" + s).then().statusCode(204);
        given().queryParam("schoolId", school).queryParam("status", "active").get("/api/v1/students").then()
                .header("X-Total-Count", "2");
        given().queryParam("schoolId", school).queryParam("status", "tobedeleted").get("/api/v1/students").then()
                .header("X-Total-Count", "1").body("[0].id", is(ivy));
        given().queryParam("status", "gone").get("/api/v1/students").then().statusCode(400)
                .body("violations[0].field", is("status"));

        given().get("/api/v1/students/" + noah).then().statusCode(200)
                .body("activeIep.id", is(iep)).body("activeIep.startDate", is("2026-09-01"))
                .body("activeIep.endDate", is("2027-08-31")).body("activeIep.mandateCount", is(1))
                .body("enrollments", hasSize(0));
        given().get("/api/v1/students/" + ivy).then().statusCode(200)
                .body("activeIep", nullValue())
                .body("enrollments[0].classId", is(room7)).body("enrollments[0].classTitle", is("Room 7"))
                .body("enrollments[0].role", is("student"));
        given().get("/api/v1/students/" + zoe).then().body("enrollments", hasSize(0));
    }

    @Test
    void classesListTheirStudentsAndTeachersAndStaffTheirDiscipline() {
        RosterPushTest.pushSchool(s);
        String school = given().queryParam("sourcedId", "sch-" + s).get("/api/v1/schools").then()
                .extract().path("[0].id");
        String omar = given().queryParam("sourcedId", "tch-" + s).get("/api/v1/staff").then()
                .body("[0].discipline", is("SLP")).body("[0].schoolIds", contains(school))
                .body("[0].rosterRole", is("teacher")).extract().path("[0].id");
        given().queryParam("schoolId", school).queryParam("discipline", "SLP").get("/api/v1/staff").then()
                .header("X-Total-Count", "1").body("[0].id", is(omar));
        given().queryParam("schoolId", school).queryParam("discipline", "OT").get("/api/v1/staff").then()
                .header("X-Total-Count", "0");

        String room7 = given().queryParam("schoolId", school).get("/api/v1/classes").then()
                .header("X-Total-Count", "1").body("[0].title", is("Room 7")).body("[0].grades", contains("03"))
                .extract().path("[0].id");
        given().queryParam("staffId", omar).get("/api/v1/classes").then().header("X-Total-Count", "1");
        given().get("/api/v1/classes/" + room7).then().statusCode(200)
                .body("enrollments", hasSize(2))
                .body("enrollments[0].role", is("teacher")).body("enrollments[0].staffId", is(omar))
                .body("enrollments[0].familyName", is("Haddad")).body("enrollments[0].primary", is(true))
                .body("enrollments[1].role", is("student")).body("enrollments[1].givenName", is("Ivy"))
                .body("enrollments[1].beginDate", is("2026-09-01"));
        given().get("/api/v1/classes/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
