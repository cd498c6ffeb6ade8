package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** The OneRoster 1.2 rostering read API over what was pushed, imported or created through our own API. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class OneRosterApiTest {

    private static final String BASE = "/ims/oneroster/rostering/v1p2";
    private final String s = UUID.randomUUID().toString().substring(0, 8);

    private void students(String... familyNames) {
        String[] given = {"Ada", "Bea", "Cal", "Dee"};
        for (int i = 0; i < familyNames.length; i++) {
            RosterPushTest.put("users", "u" + i + "-" + s, Map.of("username", "u" + i + "." + s, "enabledUser", true,
                    "givenName", given[i], "familyName", familyNames[i], "grades", List.of("04"),
                    "roles", List.of(Map.of("roleType", "primary", "role", "student",
                            "org", Map.of("sourcedId", "sch-" + s))))).statusCode(201);
        }
    }

    private Response get(String path, Object... query) {
        var request = given();
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.get(BASE + path);
    }

    @Test
    void filterSortPageAndSelectFieldsRunAsAsked() {
        RosterPushTest.pushSchool(s);
        students("Ab" + s, "Cd" + s, "Ef" + s);

        Response sorted = get("/users", "filter", "familyName~'" + s + "'", "sort", "familyName", "orderBy", "desc");
        sorted.then().statusCode(200).header("X-Total-Count", "3")
                .body("users.familyName", contains("Ef" + s, "Cd" + s, "Ab" + s));

        Response page1 = get("/users", "filter", "familyName~'" + s + "'", "sort", "familyName", "limit", 2);
        page1.then().header("X-Total-Count", "3").body("users", hasSize(2))
                .body("users.familyName", contains("Ab" + s, "Cd" + s));
        String links = page1.header("Link");
        assertThat(links, containsString("rel=\"next\""));
        assertThat(links, containsString("rel=\"last\""));
        assertThat(links, containsString("rel=\"first\""));
        assertThat(links, not(containsString("rel=\"prev\"")));
        get("/users", "filter", "familyName~'" + s + "'", "sort", "familyName", "limit", 2, "offset", 2).then()
                .body("users.familyName", contains("Ef" + s))
                .header("Link", containsString("rel=\"prev\""))
                .header("Link", not(containsString("rel=\"next\"")));

        get("/students", "filter", "familyName~'" + s + "' AND givenName='Bea'").then()
                .header("X-Total-Count", "1").body("users[0].familyName", is("Cd" + s));
        get("/users", "filter", "familyName='Ab" + s + "' OR familyName='Ef" + s + "'", "sort", "givenName").then()
                .header("X-Total-Count", "2").body("users.givenName", contains("Ada", "Cal"));
        get("/users", "filter", "familyName~'" + s + "' AND dateLastModified>'2000-01-01'").then()
                .header("X-Total-Count", "3");
        get("/users", "filter", "familyName~'" + s + "' AND dateLastModified>='2999-01-01T00:00:00Z'").then()
                .header("X-Total-Count", "0").body("users", hasSize(0));
        get("/users", "filter", "familyName!='Ab" + s + "' AND familyName~'" + s + "'").then()
                .header("X-Total-Count", "2");
        get("/users", "filter", "username='omar." + s + "'").then()
                .header("X-Total-Count", "1").body("users[0].roles[0].role", is("teacher"));

        Response selected = get("/users", "filter", "familyName~'" + s + "'", "fields", "sourcedId,familyName");
        List<Map<String, Object>> users = selected.then().statusCode(200).extract().jsonPath().getList("users");
        assertEquals(3, users.size());
        users.forEach(u -> assertEquals(Set.of("sourcedId", "familyName"), u.keySet()));
    }

    @Test
    void recordsComeInTheOneRoster12Shape() {
        RosterPushTest.pushSchool(s);
        get("/students/stu-" + s).then().statusCode(200)
                .body("user.sourcedId", is("stu-" + s))
                .body("user.status", is("active"))
                .body("user.dateLastModified", endsWith("Z"))
                .body("user.username", is("ivy." + s))
                .body("user.enabledUser", is(true))
                .body("user.userIds[0].type", is("SIS"))
                .body("user.userIds[0].identifier", is("42-" + s))
                .body("user.roles[0].roleType", is("primary"))
                .body("user.roles[0].role", is("student"))
                .body("user.roles[0].org.sourcedId", is("sch-" + s))
                .body("user.roles[0].org.type", is("org"))
                .body("user.roles[0].org.href", endsWith(BASE + "/orgs/sch-" + s))
                .body("user.grades", contains("03"));
        get("/teachers/stu-" + s).then().statusCode(404).contentType("application/problem+json");
        get("/users/tch-" + s, "fields", "sourcedId,metadata").then().statusCode(200)
                .body("user.metadata.discipline", is("SLP"))
                .body("user", not(hasKey("givenName")));
        get("/schools/sch-" + s).then().statusCode(200)
                .body("org.type", is("school")).body("org.identifier", is("CE-" + s))
                .body("org.parent.sourcedId", is("dist-" + s));
        get("/orgs/dist-" + s).then().body("org.type", is("district"))
                .body("org.children.sourcedId", contains("sch-" + s));
        get("/schools/dist-" + s).then().statusCode(404);
        get("/classes/cls-" + s).then().statusCode(200)
                .body("class.title", is("Room 7")).body("class.classType", is("homeroom"))
                .body("class.school.sourcedId", is("sch-" + s)).body("class.course.sourcedId", is("crs-" + s))
                .body("class.terms[0].sourcedId", is("term-" + s)).body("class.periods", contains("1"));
        get("/enrollments", "filter", "class.sourcedId='cls-" + s + "'", "sort", "role").then()
                .header("X-Total-Count", "2")
                .body("enrollments.role", contains("student", "teacher"))
                .body("enrollments[0].user.sourcedId", is("stu-" + s))
                .body("enrollments[0].beginDate", is("2026-09-01"))
                .body("enrollments[1].primary", is(true));
        get("/academicSessions/term-" + s).then()
                .body("academicSession.startDate", is("2026-08-24")).body("academicSession.schoolYear", is("2027"));
        get("/academicSessions", "filter", "startDate>='2026-08-24' AND title='Fall'").then().statusCode(200)
                .body("academicSessions.sourcedId", hasItem("term-" + s));

        // A student created through our own API is a OneRoster user too, its id as sourcedId.
        String school = RosterApiTest.school("Own API " + s);
        String id = RosterApiTest.student(school, "Nia", "Own" + s, "K");
        get("/students/" + id).then().statusCode(200)
                .body("user.familyName", is("Own" + s)).body("user.grades", contains("KG"))
                .body("user.roles[0].org.sourcedId", is(school));
    }

    @Test
    void badQueriesAre400ProblemsNaming() {
        for (Object[] bad : List.of(
                new Object[] {"filter", "nope='x'", "filter"},
                new Object[] {"filter", "familyName='x", "filter"},
                new Object[] {"filter", "familyName=='x'", "filter"},
                new Object[] {"filter", "familyName='a' AND givenName='b' AND username='c'", "filter"},
                new Object[] {"filter", "familyName='a' XOR givenName='b'", "filter"},
                new Object[] {"filter", "enabledUser>'true'", "filter"},
                new Object[] {"filter", "dateLastModified>'yesterday'", "filter"},
                new Object[] {"filter", "enabledUser~'t'", "filter"},
                new Object[] {"sort", "shoeSize", "sort"},
                new Object[] {"fields", "sourcedId,shoeSize", "fields"},
                new Object[] {"orderBy", "sideways", "orderBy"},
                new Object[] {"limit", "0", "limit"})) {
            Response response = get("/users", bad[0], bad[1]);
            assertEquals(400, response.statusCode(), bad[0] + "=" + bad[1] + ": " + response.asString());
            response.then().contentType("application/problem+json").body("violations.field", hasItem((String) bad[2]));
        }
        get("/users/x", "fields", "shoeSize").then().statusCode(400);
        get("/users/none-" + s).then().statusCode(404).contentType("application/problem+json");
        get("/gradebooks").then().statusCode(404);
    }

    @Test
    void aLimitAboveTheMaximumIsClampedNotRefused() {
        RosterPushTest.pushSchool(s);
        Response response = get("/users", "filter", "sourcedId~'" + s + "'", "limit", 100000);
        response.then().statusCode(200).header("X-Total-Count", "2").body("users", hasSize(2));
        assertThat(response.header("Link"), containsString("limit=1000"));
        assertThat(response.header("Link"), not(containsString("limit=100000")));
        get("/enrollments", "limit", 1001, "offset", 0).then().statusCode(200)
                .header("Link", containsString("limit=1000"));
    }

    @Test
    void usersWhoseOrgIsADepartmentReadBack() {
        // The only org is a department of a school the roster has not sent (as in real SIS exports):
        // the people cannot be placed at a school, yet every user the SIS sent reads back.
        given().contentType("application/zip").body(RosterZip.v11()
                        .file("orgs", "bulk", DistrictRoster.ORGS, "dept-" + s + ",,,History Department,department,,sch-gone-" + s)
                        .file("users", "bulk", DistrictRoster.USERS,
                                "dstu-" + s + ",,,true,dept-" + s + ",student,d.stu." + s + ",,Dee,Dept" + s + ",,,,,,,05,,",
                                "dpar-" + s + ",,,true,dept-" + s + ",guardian,d.par." + s + ",,Pat,Dept" + s + ",,,,,,,,,")
                        .bytes())
                .post("/api/v1/roster/imports").then().statusCode(201);
        get("/users/dstu-" + s).then().statusCode(200)
                .body("user.givenName", is("Dee")).body("user.username", is("d.stu." + s))
                .body("user.roles[0].role", is("student")).body("user.roles[0].org.sourcedId", is("dept-" + s))
                .body("user.grades", contains("05"));
        get("/students/dstu-" + s).then().statusCode(200);
        get("/users/dpar-" + s).then().statusCode(200).body("user.roles[0].role", is("guardian"));
        get("/students/dpar-" + s).then().statusCode(404);
        get("/users", "filter", "familyName='Dept" + s + "'").then().statusCode(200).header("X-Total-Count", "2");
        get("/orgs/dept-" + s).then().statusCode(200).body("org.type", is("department"));
    }
}
