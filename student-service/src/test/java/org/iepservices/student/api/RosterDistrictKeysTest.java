package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.iepservices.student.api.Tokens.as;
import static org.iepservices.student.api.Tokens.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Issue 13, "sourcedIds are unique per district, not globally": two districts whose SIS exports
 * use the SAME sourcedIds for schools, people, classes and enrollments (only their district orgs
 * differ) must get two distinct schools and students, each district admin seeing only theirs, and
 * one district's bulk re-import or push by sourcedId must leave the other district's record alone.
 *
 * <p>roster_record and the eight projected tables are keyed by (roster_district, sourcedId); this is
 * the acceptance test for that key (README, "sourcedIds are unique per district").
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class RosterDistrictKeysTest {

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    private static void imported(DistrictRoster roster) {
        given().contentType("application/zip").body(roster.zip().bytes()).post("/api/v1/roster/imports").then()
                .statusCode(201).body("outcome", is("APPLIED"));
    }

    @Test
    void twoDistrictsWithTheSameSourcedIdsGetTheirOwnRecords() {
        DistrictRoster north = new DistrictRoster(s, "n" + s);
        DistrictRoster south = new DistrictRoster(s, "s" + s);
        imported(north);
        imported(south);

        // Two schools with the same sourcedId, one per district.
        List<Map<String, Object>> schools = given().queryParam("sourcedId", north.school(0)).get("/api/v1/schools")
                .then().statusCode(200).body("$", hasSize(2)).extract().jsonPath().getList("$");
        String northDistrict = (String) schools.get(0).get("districtId");
        String southDistrict = (String) schools.get(1).get("districtId");
        assertNotEquals(northDistrict, southDistrict);

        // Each district admin finds their own student under the shared sourcedId.
        String northAdmin = Tokens.districtAdmin(northDistrict);
        String southAdmin = Tokens.districtAdmin(southDistrict);
        String northStudent = as(northAdmin).queryParam("sourcedId", north.student(0)).get("/api/v1/students")
                .then().statusCode(200).body("$", hasSize(1)).extract().path("[0].id");
        String southStudent = as(southAdmin).queryParam("sourcedId", south.student(0)).get("/api/v1/students")
                .then().statusCode(200).body("$", hasSize(1)).extract().path("[0].id");
        assertNotEquals(northStudent, southStudent);
        as(northAdmin).get("/ims/oneroster/rostering/v1p2/users/" + north.student(0)).then().statusCode(200)
                .body("user.sourcedId", is(north.student(0)));

        // North's bulk file again, without its three providers (too few to be held): north's providers
        // go, south's providers with the same sourcedIds and south's students stay as they were.
        imported(north.truncatedTo(DistrictRoster.STUDENTS + DistrictRoster.TEACHERS));
        List<String> slpStatuses = given().queryParam("sourcedId", "slp-" + s).get("/api/v1/staff").then()
                .statusCode(200).body("$", hasSize(2)).extract().jsonPath().getList("status");
        assertEquals(List.of("active", "tobedeleted"), slpStatuses.stream().sorted().toList());
        as(southAdmin).queryParam("sourcedId", south.student(0)).get("/api/v1/students").then().statusCode(200)
                .body("[0].id", is(southStudent)).body("[0].status", is("active"));

        // A push by sourcedId for north (the token's district) leaves south's same-id student unchanged.
        String northSis = TokenIssuer.shared().token("sis-north-" + s, "sis-integration").districtId(northDistrict)
                .sign();
        as(northSis).contentType(ContentType.JSON).body(Map.of("user", Map.of("username", "renamed." + s,
                        "enabledUser", true, "givenName", "Renamed", "familyName", "North",
                        "roles", List.of(Map.of("roleType", "primary", "role", "student",
                                "org", Map.of("sourcedId", north.school(0)))))))
                .put("/api/v1/roster/users/" + north.student(0)).then().statusCode(200);
        assertEquals("North", as(northAdmin).get("/api/v1/students/" + northStudent).then().statusCode(200)
                .extract().path("familyName"));
        assertEquals("Roster", as(southAdmin).get("/api/v1/students/" + southStudent).then().statusCode(200)
                .extract().path("familyName"));
    }
}
