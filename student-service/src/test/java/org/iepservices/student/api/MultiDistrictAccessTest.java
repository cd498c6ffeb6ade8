package org.iepservices.student.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.as;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 "a token whose scope claims are missing is refused, never widened", in a multi-district
 * deployment ({@code access.single-district=false}, the default outside the tests) holding two
 * districts: a district admin sees their own district's students only, and a district admin token
 * without a district (or with an unreadable one) is refused with a 403 problem instead of seeing
 * both districts. A token for another audience is a 401. And the access trail of a list comes in
 * events of at most {@code access.audit.max-students-per-event} students (1 here).
 */
@QuarkusTest
@TestProfile(MultiDistrictAccessTest.MultiDistrict.class)
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class MultiDistrictAccessTest {

    /** The deployment serves several districts: a district admin's token must name theirs. */
    public static class MultiDistrict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(TokenIssuer.SINGLE_DISTRICT, "false", "access.audit.max-students-per-event", "1");
        }
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private String districtA;
    private String districtB;
    private String studentA;
    private String studentB;

    @BeforeEach
    void twoDistricts() {
        districtA = district("a");
        districtB = district("b");
        studentA = studentId("a", districtA);
        studentB = studentId("b", districtB);
    }

    @Test
    void aDistrictAdminSeesTheirDistrictOnly() {
        String admin = adminOf(districtA);
        as(admin).get("/api/v1/students/" + studentA).then().statusCode(200);
        as(admin).get("/api/v1/students/" + studentB).then().statusCode(404);
        as(admin).queryParam("sourcedId", "stu-b-" + run).get("/api/v1/students").then().statusCode(200)
                .header("X-Total-Count", "0");
    }

    @Test
    void aDistrictAdminTokenWithoutADistrictIsRefusedNotShownEveryDistrict() {
        String noDistrict = TokenIssuer.shared().token("admin-" + run, "district-admin").sign();
        refused(as(noDistrict).get("/api/v1/students").then())
                .body("detail", containsString(TokenIssuer.DISTRICT_ID_CLAIM));
        refused(as(noDistrict).get("/api/v1/students/" + studentB).then());
        refused(as(noDistrict).queryParam("sourcedId", "stu-b-" + run).get("/api/v1/students").then());
    }

    @Test
    void aDistrictClaimThatIsNoIdIsRefusedToo() {
        String garbled = TokenIssuer.shared().token("admin-" + run, "district-admin")
                .claim(TokenIssuer.DISTRICT_ID_CLAIM, "every-district").sign();
        refused(as(garbled).get("/api/v1/students/" + studentA).then())
                .body("detail", containsString(TokenIssuer.DISTRICT_ID_CLAIM));
    }

    @Test
    void aTokenIssuedForAnotherApplicationIsUnauthorized() {
        String gradebook = TokenIssuer.shared().token("admin-" + run, "district-admin").districtId(districtA)
                .audience("gradebook").sign();
        as(gradebook).get("/api/v1/students/" + studentA).then().statusCode(401)
                .contentType("application/problem+json").body("givenName", nullValue());
    }

    @Test
    void aListOfSeveralStudentsIsAuditedInChunks() throws Exception {
        String s = "a-" + run;
        push("users", "stu2-" + s, Map.of("user", Map.of("sourcedId", "stu2-" + s, "username", "twin." + s,
                "enabledUser", true, "givenName", "Ada", "familyName", "Pupil", "grades", List.of("03"),
                "roles", List.of(Map.of("roleType", "primary", "role", "student", "org", Map.of("sourcedId", "sch-" + s))))));
        String admin = adminOf(districtA);
        String subject = "admin-" + districtA;
        try (TopicProbe probe = new TopicProbe("audit.events")) {
            as(admin).header("X-Access-Purpose", "chunk check " + run).get("/api/v1/students?limit=500").then()
                    .statusCode(200).header("X-Total-Count", "2");
            List<JsonNode> chunks = probe.await(e -> e.path("data").path("actor").asText().equals(subject)
                            && e.path("data").path("purpose").asText().equals("chunk check " + run), 2,
                    Duration.ofSeconds(20)).stream().map(r -> r.event().path("data")).toList();
            assertEquals(2, chunks.size(), chunks.toString());
            Set<String> students = new HashSet<>();
            for (JsonNode chunk : chunks) {
                assertEquals(1, chunk.path("studentIds").size(), chunk.toString());
                students.add(chunk.path("studentIds").get(0).asText());
                assertEquals(chunks.get(0).path("at").asText(), chunk.path("at").asText(), "one access, one time");
                assertEquals("/api/v1/students", chunk.path("path").asText());
            }
            assertEquals(2, students.size(), "each student in one chunk");
            assertTrue(students.contains(studentA));
        }
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(403).contentType("application/problem+json").body("status", is(403))
                .body("givenName", nullValue()).body("[0]", nullValue());
    }

    /** A district with one school and one student, pushed by the SIS; the district's id. */
    private String district(String name) {
        String s = name + "-" + run;
        push("orgs", "dist-" + s, Map.of("org", Map.of("name", "District " + s, "type", "district")));
        push("orgs", "sch-" + s, Map.of("sourcedId", "sch-" + s, "name", "School " + s, "type", "school",
                "identifier", "S-" + s, "parent", Map.of("sourcedId", "dist-" + s)));
        push("users", "stu-" + s, RosterPushTest.student(s, "Pupil"));
        // Reference data: any provider reads schools, whatever the districts.
        return as(Tokens.staff("provider", UUID.randomUUID().toString())).queryParam("sourcedId", "sch-" + s)
                .get("/api/v1/schools").then().statusCode(200).extract().path("[0].districtId");
    }

    private String studentId(String name, String district) {
        return as(adminOf(district)).queryParam("sourcedId", "stu-" + name + "-" + run)
                .get("/api/v1/students").then().statusCode(200).header("X-Total-Count", "1").extract().path("[0].id");
    }

    private static void push(String type, String sourcedId, Object body) {
        as(Tokens.sis()).contentType(ContentType.JSON).body(body).put("/api/v1/roster/" + type + "/" + sourcedId)
                .then().statusCode(anyOf(is(200), is(201)));
    }

    private static String adminOf(String district) {
        return TokenIssuer.shared().token("admin-" + district, "district-admin").districtId(district).sign();
    }
}
