package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.iepservices.student.api.Tokens.as;
import static org.iepservices.student.api.Tokens.given;

/**
 * The OneRoster read API is scoped to the caller's district: two districts rostered through the
 * same service, each district admin reads only their own users, classes, enrollments, orgs,
 * courses and academic sessions; the other district's records are not found.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class OneRosterTenancyTest {

    private static final String B = "/ims/oneroster/rostering/v1p2";

    private static String districtOf(DistrictRoster roster) {
        return given().queryParam("sourcedId", roster.school(0)).get("/api/v1/schools").then().statusCode(200)
                .extract().path("[0].districtId");
    }

    @Test
    void aDistrictAdminReadsOnlyTheirDistrictsRoster() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        DistrictRoster north = new DistrictRoster("n" + s);
        DistrictRoster south = new DistrictRoster("s" + s);
        for (DistrictRoster d : List.of(north, south)) {
            given().contentType("application/zip").body(d.zip().bytes()).post("/api/v1/roster/imports").then()
                    .statusCode(201);
        }
        String northAdmin = Tokens.districtAdmin(districtOf(north));
        String southAdmin = Tokens.districtAdmin(districtOf(south));

        for (String collection : List.of("users", "students", "teachers", "classes", "enrollments", "orgs", "schools",
                "courses", "academicSessions")) {
            // sourcedIds end in the district's suffix: every record an admin sees is their own district's
            as(northAdmin).queryParam("limit", 1000).get(B + "/" + collection).then().statusCode(200)
                    .body(collection.equals("schools") ? "orgs.sourcedId" : collection.equals("students")
                                    || collection.equals("teachers") ? "users.sourcedId" : collection + ".sourcedId",
                            everyItem(not(org.hamcrest.Matchers.endsWith("-s" + s))));
        }
        as(northAdmin).queryParam("limit", 1000).get(B + "/students").then().statusCode(200)
                .body("users.sourcedId", hasItem(north.student(0)));
        as(northAdmin).queryParam("filter", "sourcedId~'" + s + "'").get(B + "/users").then().statusCode(200)
                .header("X-Total-Count", is(String.valueOf(DistrictRoster.STUDENTS + DistrictRoster.TEACHERS + 3)));
        as(southAdmin).queryParam("filter", "sourcedId~'" + s + "'").get(B + "/enrollments").then().statusCode(200)
                .header("X-Total-Count", is(String.valueOf(DistrictRoster.STUDENTS + DistrictRoster.TEACHERS)));

        // One record of the other district: not found, as if it did not exist.
        as(northAdmin).get(B + "/users/" + south.student(0)).then().statusCode(404)
                .contentType("application/problem+json");
        as(northAdmin).get(B + "/classes/cls0-s" + s).then().statusCode(404);
        as(northAdmin).get(B + "/enrollments/es0-s" + s).then().statusCode(404);
        as(northAdmin).get(B + "/schools/" + south.school(0)).then().statusCode(404);
        as(southAdmin).get(B + "/users/" + south.student(0)).then().statusCode(200)
                .body("user.sourcedId", is(south.student(0)));
        as(southAdmin).get(B + "/academicSessions/term-s" + s).then().statusCode(200);
        as(northAdmin).get(B + "/academicSessions/term-s" + s).then().statusCode(404);
    }
}
