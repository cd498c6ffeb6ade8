package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.iepservices.student.api.DistrictRoster.ENROLLMENTS;
import static org.iepservices.student.api.DistrictRoster.ORGS;
import static org.iepservices.student.api.DistrictRoster.SESSIONS;
import static org.iepservices.student.api.DistrictRoster.STUDENTS;
import static org.iepservices.student.api.DistrictRoster.USERS;
import static org.iepservices.student.api.DistrictRoster.CLASSES;
import static org.iepservices.student.api.Tokens.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rosters from several feeds, over HTTP against real PostgreSQL and Kafka: a bulk file replaces
 * the records of its own source within the orgs it covers, never another feed's or another
 * district's, and one that would deactivate a large share of its scope is held until confirmed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class RosterFeedsTest {

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    private static JsonPath imported(RosterZip zip, String source) {
        return post(zip.bytes(), source, false).then().statusCode(201).body("outcome", is("APPLIED"))
                .extract().jsonPath();
    }

    private static io.restassured.response.Response post(byte[] zip, String source, boolean confirm) {
        RequestSpecification request = given().contentType("application/zip").body(zip);
        if (source != null) {
            request.queryParam("source", source);
        }
        if (confirm) {
            request.queryParam("confirmMassDeactivation", true);
        }
        return request.when().post("/api/v1/roster/imports");
    }

    private static String schoolId(String sourcedId) {
        return given().queryParam("sourcedId", sourcedId).get("/api/v1/schools").then().statusCode(200)
                .extract().path("[0].id");
    }

    /** Active students of the district's two schools. */
    private static int activeStudents(DistrictRoster district) {
        int total = 0;
        for (int school = 0; school < 2; school++) {
            total += Integer.parseInt(given().queryParam("schoolId", schoolId(district.school(school)))
                    .queryParam("status", "active").queryParam("limit", 1).get("/api/v1/students").then()
                    .statusCode(200).extract().header("X-Total-Count"));
        }
        return total;
    }

    private static String studentStatus(String sourcedId) {
        return given().queryParam("sourcedId", sourcedId).get("/api/v1/students").then().statusCode(200)
                .extract().path("[0].status");
    }

    @Test
    void aSecondFeedsBulkFileLeavesTheFirstFeedsRecordsActive() {
        DistrictRoster district = new DistrictRoster(s);
        imported(district.zip(), "sis-" + s);
        assertEquals(STUDENTS, activeStudents(district));

        // A therapy vendor's feed sends the same district and schools and two students of its own.
        String vendor = "vendor-" + s;
        RosterZip vendorFile = RosterZip.v11()
                .file("orgs", "bulk", ORGS, district.district() + ",,,District " + s + ",district,,",
                        district.school(0) + ",,,Maple " + s + ",school,," + district.district())
                .file("users", "bulk", USERS,
                        "v1-" + s + ",,,true," + district.school(0) + ",student,v1." + s + ",,Vera,One,,,,,,,03,,",
                        "v2-" + s + ",,,true," + district.school(0) + ",student,v2." + s + ",,Vic,Two,,,,,,,03,,");
        JsonPath first = imported(vendorFile, vendor);
        assertEquals(0, first.getInt("files.users.deactivated"), "the vendor's bulk leaves the SIS's students");
        assertEquals(0, first.getInt("files.orgs.deactivated"), "and the SIS's second school");
        assertEquals("active", studentStatus(district.student(0)));
        assertEquals(STUDENTS + 2, activeStudents(district));

        // The vendor drops one of its own students: that one goes, the SIS's stay.
        JsonPath second = imported(RosterZip.v11()
                .file("orgs", "bulk", ORGS, district.district() + ",,,District " + s + ",district,,")
                .file("users", "bulk", USERS,
                        "v1-" + s + ",,,true," + district.school(0) + ",student,v1." + s + ",,Vera,One,,,,,,,03,,"),
                vendor);
        assertEquals(1, second.getInt("files.users.deactivated"));
        assertEquals(0, second.getInt("files.orgs.deactivated"), "the schools the SIS still sends stay active");
        assertEquals("tobedeleted", studentStatus("v2-" + s));
        assertEquals(STUDENTS + 1, activeStudents(district));

        // The SIS's own bulk again: its roster unchanged, the vendor's remaining student untouched.
        JsonPath again = imported(district.zip(), "sis-" + s);
        assertEquals(0, again.getInt("files.users.deactivated"));
        assertEquals("active", studentStatus("v1-" + s));
        assertEquals("sis-" + s, again.getString("source"));
    }

    @Test
    void aBulkFileOfOneDistrictLeavesAnotherDistrictUntouched() {
        // Both through the same integration (one source): the orgs tell the districts apart.
        DistrictRoster north = new DistrictRoster("n" + s);
        DistrictRoster south = new DistrictRoster("s" + s);
        imported(north.zip(), null);
        JsonPath southImport = imported(south.zip(), null);
        assertEquals(0, southImport.getInt("files.users.deactivated"));
        assertEquals(0, southImport.getInt("files.classes.deactivated"));
        assertEquals(0, southImport.getInt("files.enrollments.deactivated"));
        assertEquals(0, southImport.getInt("files.academicSessions.deactivated"));
        assertEquals(STUDENTS, activeStudents(north));
        assertEquals(STUDENTS, activeStudents(south));
        assertEquals("district-admin@example.org", southImport.getString("source"), "the token's subject by default");
    }

    @Test
    void aTruncatedBulkUsersFileIsHeldUntilConfirmed() {
        DistrictRoster district = new DistrictRoster(s);
        String source = "sis-" + s;
        imported(district.zip(), source);
        byte[] truncated = district.truncatedTo(6).zip().bytes();

        JsonPath held = post(truncated, source, false).then().statusCode(202).body("outcome", is("HELD"))
                .extract().jsonPath();
        assertEquals(STUDENTS, held.getInt("massDeactivation.activeStudents"));
        assertEquals(STUDENTS - 6, held.getInt("massDeactivation.studentsToDeactivate"));
        assertEquals(15, held.getInt("massDeactivation.staffToDeactivate"));
        assertEquals(STUDENTS - 6 + 15, held.getInt("files.users.deactivated"), "counted like a dry run");
        assertEquals(STUDENTS, activeStudents(district), "a held import changes nothing");
        given().queryParam("limit", 100).get("/api/v1/roster/imports").then().statusCode(200)
                .body("findAll { it.id == '" + held.getString("id") + "' }.outcome", hasItem("HELD"));

        JsonPath confirmed = post(truncated, source, true).then().statusCode(201).body("outcome", is("APPLIED"))
                .extract().jsonPath();
        assertEquals(STUDENTS - 6 + 15, confirmed.getInt("files.users.deactivated"));
        assertEquals(6, activeStudents(district));
    }

    @Test
    void aSmallFileShapedLikeAPeerExportLeavesADemoSizedDistrictUntouched() {
        DistrictRoster demo = new DistrictRoster(s);
        imported(demo.zip(), null);
        int before = activeStudents(demo);

        // Like a peer's minimal export: one department whose school is not in the file, its
        // classes, six users (a parent among them), enrollments; every file bulk; same token.
        String dept = "org-dept-" + s;
        JsonPath peer = imported(RosterZip.v11()
                .file("orgs", "bulk", ORGS, dept + ",,,History Department,department,,")
                .file("academicSessions", "bulk", SESSIONS, "as-" + s + ",,,Fall,term,2022-09-01,2022-12-24,,2023")
                .file("classes", "bulk", CLASSES,
                        "pc1-" + s + ",,,Physics,,crs-missing,,scheduled,," + dept + ",as-" + s + ",,,")
                .file("users", "bulk", USERS,
                        "pu1-" + s + ",,,TRUE," + dept + ",teacher,john." + s + ",,John,Doe,,,,,,,,,",
                        "pu2-" + s + ",,,TRUE," + dept + ",student,mary." + s + ",,Mary,Jones,,,,,,,,,",
                        "pu3-" + s + ",,,TRUE," + dept + ",parent,thomas." + s + ",,Thomas,Jones,,,,,,,,,",
                        "pu4-" + s + ",,,TRUE," + dept + ",teacher,jim." + s + ",,Jim,Smith,,,,,,,,,",
                        "pu5-" + s + ",,,TRUE," + dept + ",student,mm." + s + ",,Mmichel,Jones,,,,,,,,,",
                        "pu6-" + s + ",,,TRUE," + dept + ",student,anna." + s + ",,Anna,Brown,,,,,,,,,")
                .file("enrollments", "bulk", ENROLLMENTS,
                        "pe1-" + s + ",,,pc1-" + s + "," + dept + ",pu1-" + s + ",teacher,,,",
                        "pe2-" + s + ",,,pc1-" + s + "," + dept + ",pu2-" + s + ",student,,,"), null);
        for (String file : List.of("orgs", "academicSessions", "classes", "users", "enrollments")) {
            assertEquals(0, peer.getInt("files." + file + ".deactivated"), file);
        }
        assertEquals(List.of(dept), peer.getList("coveredOrgs"));
        assertEquals(before, activeStudents(demo));
        assertEquals(STUDENTS, before);
    }

    /**
     * A real export from another project, run by hand (never copied into this repository):
     * {@code PEER_ROSTER_ZIP=/path/to/export.zip ./mvnw ... -Dtest=RosterFeedsTest}. Prints the
     * demo-sized district's active students before and after.
     */
    @Test
    void aRealPeerExportAfterADemoSizedDistrict() throws Exception {
        String peerZip = System.getenv("PEER_ROSTER_ZIP");
        Assumptions.assumeTrue(peerZip != null && Files.exists(Path.of(peerZip)), "PEER_ROSTER_ZIP not set");
        DistrictRoster demo = new DistrictRoster("p" + s);
        imported(demo.zip(), "demo-sis");
        int before = activeStudents(demo);
        Map<String, Object> report = post(Files.readAllBytes(Path.of(peerZip)), null, false).then()
                .extract().jsonPath().getMap("$");
        int after = activeStudents(demo);
        System.out.println("PEER IMPORT " + peerZip + ": outcome " + report.get("outcome") + ", files "
                + report.get("files") + "; demo-sized district active students before " + before + ", after " + after);
        assertEquals(before, after);
    }
}
