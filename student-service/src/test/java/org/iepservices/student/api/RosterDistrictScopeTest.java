package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.iepservices.student.api.Tokens.as;
import static org.iepservices.student.api.Tokens.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * SourcedIds are unique per district (issue 13): which district an import or a push belongs to
 * (the token's district_id, else districtId, else what the roster says), the same file imported
 * into two districts giving two disjoint sets of rows, a bulk file deactivating only within its
 * district, disagreeing districts refused with 422, reads by sourcedId scoped to the caller's
 * district, and a deployment whose roster names no district keeping working in the nil district.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class RosterDistrictScopeTest {

    private static final String B = "/ims/oneroster/rostering/v1p2";
    private static final int STUDENTS = 3;

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    /** A school's bulk roster with no district org: 3 students, a teacher, a class and its enrollments. */
    private RosterZip schoolRoster(int students) {
        List<String> users = new ArrayList<>();
        List<String> enrollments = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            users.add("stu" + i + "-" + s + ",,,true,sch-" + s + ",student,st" + i + "." + s + ",,Kid" + i + ",Same,,,,,,,02,,");
            enrollments.add("es" + i + "-" + s + ",,,cls-" + s + ",sch-" + s + ",stu" + i + "-" + s + ",student,,,");
        }
        users.add("tch-" + s + ",,,true,sch-" + s + ",teacher,t." + s + ",,Tess,Teacher,,,,,,,,,SLP");
        enrollments.add("et-" + s + ",,,cls-" + s + ",sch-" + s + ",tch-" + s + ",teacher,true,,");
        return RosterZip.v11()
                .file("orgs", "bulk", DistrictRoster.ORGS, "sch-" + s + ",,,Oak " + s + ",school,,")
                .file("academicSessions", "bulk", DistrictRoster.SESSIONS,
                        "term-" + s + ",,,Fall,term,2026-08-24,2027-01-15,,2027")
                .file("courses", "bulk", DistrictRoster.COURSES, "crs-" + s + ",,,term-" + s + ",Homeroom,HR,02,sch-"
                        + s + ",homeroom,")
                .file("classes", "bulk", DistrictRoster.CLASSES,
                        "cls-" + s + ",,,Room 1,02,crs-" + s + ",R1,homeroom,Room 1,sch-" + s + ",term-" + s + ",,,")
                .file("users", "bulk", DistrictRoster.USERS, users.toArray(String[]::new))
                .file("enrollments", "bulk", DistrictRoster.ENROLLMENTS, enrollments.toArray(String[]::new));
    }

    private static ValidatableResponse importAs(String token, RosterZip zip, String districtId) {
        var request = as(token).contentType("application/zip").body(zip.bytes());
        if (districtId != null) {
            request = request.queryParam("districtId", districtId);
        }
        return request.post("/api/v1/roster/imports").then();
    }

    @Test
    void theSameFileImportedIntoTwoDistrictsGivesTwoDisjointRosters() {
        String north = UUID.randomUUID().toString();
        String south = UUID.randomUUID().toString();
        String admin = Tokens.districtAdmin();
        for (String district : List.of(north, south)) {
            importAs(admin, schoolRoster(STUDENTS), district).statusCode(201).body("outcome", is("APPLIED"))
                    .body("district", is(district))
                    .body("files.users.inserted", is(STUDENTS + 1)) // new rows in each district, not "unchanged"
                    .body("files.enrollments.inserted", is(STUDENTS + 1));
        }
        String northAdmin = Tokens.districtAdmin(north);
        String southAdmin = Tokens.districtAdmin(south);

        // A district-less admin sees both districts' rows under one sourcedId; each district admin their own.
        List<String> ids = given().queryParam("sourcedId", "stu0-" + s).get("/api/v1/students").then().statusCode(200)
                .body("$", hasSize(2)).extract().jsonPath().getList("id");
        assertNotEquals(ids.get(0), ids.get(1));
        String northStudent = as(northAdmin).queryParam("sourcedId", "stu0-" + s).get("/api/v1/students").then()
                .statusCode(200).body("$", hasSize(1)).extract().path("[0].id");
        String southStudent = as(southAdmin).queryParam("sourcedId", "stu0-" + s).get("/api/v1/students").then()
                .statusCode(200).body("$", hasSize(1)).extract().path("[0].id");
        assertNotEquals(northStudent, southStudent);
        given().queryParam("sourcedId", "sch-" + s).get("/api/v1/schools").then().statusCode(200).body("$", hasSize(2));
        as(northAdmin).queryParam("sourcedId", "sch-" + s).get("/api/v1/schools").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].districtId", is(north));
        as(northAdmin).queryParam("sourcedId", "cls-" + s).get("/api/v1/classes").then().statusCode(200)
                .body("$", hasSize(1));
        as(northAdmin).queryParam("sourcedId", "tch-" + s).get("/api/v1/staff").then().statusCode(200)
                .body("$", hasSize(1));
        given().queryParam("sourcedId", "tch-" + s).get("/api/v1/staff").then().statusCode(200).body("$", hasSize(2));

        // OneRoster: each district admin reads its own records by sourcedId, paths and filters alike.
        as(northAdmin).queryParam("filter", "sourcedId~'" + s + "'").get(B + "/users").then().statusCode(200)
                .header("X-Total-Count", is(String.valueOf(STUDENTS + 1)));
        as(southAdmin).queryParam("filter", "class.sourcedId='cls-" + s + "'").get(B + "/enrollments").then()
                .statusCode(200).header("X-Total-Count", is(String.valueOf(STUDENTS + 1)));
        as(northAdmin).get(B + "/classes/cls-" + s).then().statusCode(200).body("class.school.sourcedId", is("sch-" + s));
        as(northAdmin).get(B + "/schools/sch-" + s).then().statusCode(200).body("org.sourcedId", is("sch-" + s));
        as(southAdmin).get(B + "/users/stu0-" + s).then().statusCode(200).body("user.givenName", is("Kid0"));
        // A district-less reader naming a sourcedId of two districts: 409, not an arbitrary one of them.
        given().get(B + "/users/stu0-" + s).then().statusCode(409).contentType("application/problem+json");
        given().get(B + "/schools/sch-" + s).then().statusCode(409);
        given().queryParam("filter", "sourcedId='stu0-" + s + "'").get(B + "/users").then().statusCode(200)
                .header("X-Total-Count", is("2"));

        // North's users file again without its last student: only north's record goes.
        importAs(admin, schoolRoster(STUDENTS - 1), north).statusCode(201).body("outcome", is("APPLIED"))
                .body("files.users.deactivated", is(1));
        String last = "stu" + (STUDENTS - 1) + "-" + s;
        as(northAdmin).queryParam("sourcedId", last).get("/api/v1/students").then().statusCode(200)
                .body("[0].status", is("tobedeleted"));
        as(southAdmin).queryParam("sourcedId", last).get("/api/v1/students").then().statusCode(200)
                .body("[0].status", is("active"));
        // ...and south's import again changes nothing at all.
        importAs(admin, schoolRoster(STUDENTS), south).statusCode(201).body("files.users.unchanged", is(STUDENTS + 1))
                .body("files.users.deactivated", is(0));
    }

    @Test
    void pushesOfTheSameSourcedIdGoToTheCallersDistrict() {
        String north = UUID.randomUUID().toString();
        String south = UUID.randomUUID().toString();
        String northSis = TokenIssuer.shared().token("sis-n-" + s, "sis-integration").districtId(north).sign();
        String southSis = TokenIssuer.shared().token("sis-s-" + s, "sis-integration").districtId(south).sign();
        for (String[] d : new String[][] {{northSis, "North"}, {southSis, "South"}}) {
            push(d[0], "orgs", "psch-" + s, Map.of("org", Map.of("name", d[1] + " School", "type", "school")))
                    .statusCode(201);
            push(d[0], "users", "pstu-" + s, student(d[1])).statusCode(201).body("change", is("INSERTED"));
        }
        String northAdmin = Tokens.districtAdmin(north);
        String southAdmin = Tokens.districtAdmin(south);
        assertEquals("North", as(northAdmin).queryParam("sourcedId", "pstu-" + s).get("/api/v1/students").then()
                .statusCode(200).body("$", hasSize(1)).extract().path("[0].familyName"));
        assertEquals("South", as(southAdmin).queryParam("sourcedId", "pstu-" + s).get("/api/v1/students").then()
                .statusCode(200).body("$", hasSize(1)).extract().path("[0].familyName"));
        as(northAdmin).queryParam("sourcedId", "psch-" + s).get("/api/v1/schools").then().statusCode(200)
                .body("[0].districtId", is(north)).body("[0].name", is("North School"));

        // No district in the token and the sourcedId is in two districts: 422 naming districtId, nothing changes.
        String districtLessSis = Tokens.sis();
        push(districtLessSis, "users", "pstu-" + s, student("Nobody")).statusCode(422)
                .contentType("application/problem+json").body("violations.field", hasItem("districtId"));
        as(districtLessSis).delete("/api/v1/roster/users/pstu-" + s).then().statusCode(422)
                .body("violations.field", hasItem("districtId"));
        // A districtId differing from the token's district: 422.
        as(northSis).contentType(ContentType.JSON).queryParam("districtId", south).body(student("Wrong"))
                .put("/api/v1/roster/users/pstu-" + s).then().statusCode(422)
                .body("violations.field", hasItem("districtId"));
        // With districtId, a district-less caller changes that district's record only.
        as(districtLessSis).contentType(ContentType.JSON).queryParam("districtId", south).body(student("Southern"))
                .put("/api/v1/roster/users/pstu-" + s).then().statusCode(200).body("change", is("UPDATED"));
        as(districtLessSis).queryParam("districtId", north).delete("/api/v1/roster/users/pstu-" + s).then()
                .statusCode(204);
        as(northAdmin).queryParam("sourcedId", "pstu-" + s).get("/api/v1/students").then().statusCode(200)
                .body("[0].familyName", is("North")).body("[0].status", is("tobedeleted"));
        as(southAdmin).queryParam("sourcedId", "pstu-" + s).get("/api/v1/students").then().statusCode(200)
                .body("[0].familyName", is("Southern")).body("[0].status", is("active"));
    }

    @Test
    void disagreeingDistrictsAreRefusedAndChangeNothing() {
        DistrictRoster roster = new DistrictRoster("x" + s);
        String admin = Tokens.districtAdmin();
        String stored = importAs(admin, roster.zip(), null).statusCode(201).extract().path("district");
        String other = UUID.randomUUID().toString();
        String imports = given().get("/api/v1/roster/imports").then().extract().header("X-Total-Count");

        // A district admin of another district sending a file whose district org is stored for the first.
        importAs(Tokens.districtAdmin(other), roster.truncatedTo(1).zip(), null).statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", is("orgs.csv"))
                .body("detail", containsString(stored));
        // The token's district and districtId disagree.
        importAs(Tokens.districtAdmin(other), roster.zip(), stored).statusCode(422)
                .body("violations[0].field", is("districtId"));
        // One orgs.csv naming two districts.
        importAs(admin, RosterZip.v11().file("orgs", "delta", DistrictRoster.ORGS,
                "d1-" + s + ",active,,One,district,,", "d2-" + s + ",active,,Two,district,,"), null).statusCode(422)
                .body("violations[0].field", is("orgs.csv"));

        // Nothing was written: the first district's people are all active, no second school appeared.
        as(Tokens.districtAdmin(stored)).queryParam("status", "active").queryParam("limit", 200)
                .get("/api/v1/students").then().statusCode(200)
                .header("X-Total-Count", is(String.valueOf(DistrictRoster.STUDENTS)));
        given().queryParam("sourcedId", roster.school(0)).get("/api/v1/schools").then().body("$", hasSize(1));
        given().get("/api/v1/roster/imports").then().header("X-Total-Count", is(imports)); // none recorded
    }

    @Test
    void aRosterThatNamesNoDistrictKeepsWorkingInTheNilDistrict() {
        String admin = Tokens.districtAdmin();
        String id = importAs(admin, schoolRoster(STUDENTS), null).statusCode(201).body("district", nullValue())
                .body("files.users.inserted", is(STUDENTS + 1)).extract().path("id");
        given().get("/api/v1/roster/imports/" + id).then().statusCode(200).body("district", nullValue());
        importAs(admin, schoolRoster(STUDENTS), null).statusCode(201).body("files.users.unchanged", is(STUDENTS + 1));
        given().queryParam("sourcedId", "sch-" + s).get("/api/v1/schools").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].districtId", nullValue());
        given().get(B + "/users/stu0-" + s).then().statusCode(200).body("user.givenName", is("Kid0"));
        // A push without district finds the record where it is stored (the nil district).
        push(Tokens.sis(), "users", "stu0-" + s, Map.of("user", Map.of("username", "st0." + s, "enabledUser", true,
                "givenName", "Kid0", "familyName", "Renamed", "role", "student", "orgs",
                List.of(Map.of("sourcedId", "sch-" + s))))).statusCode(200).body("change", is("UPDATED"));
        given().queryParam("sourcedId", "stu0-" + s).get("/api/v1/students").then().body("$", hasSize(1))
                .body("[0].familyName", is("Renamed"));
    }

    private Map<String, Object> student(String familyName) {
        return Map.of("user", Map.of("username", "p." + s, "enabledUser", true, "givenName", "Pat",
                "familyName", familyName, "grades", List.of("02"),
                "roles", List.of(Map.of("roleType", "primary", "role", "student", "org", Map.of("sourcedId", "psch-" + s)))));
    }

    private static ValidatableResponse push(String token, String type, String sourcedId, Object body) {
        return as(token).contentType(ContentType.JSON).body(body).put("/api/v1/roster/" + type + "/" + sourcedId).then();
    }
}
