package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * OneRoster imports over HTTP against real PostgreSQL and Kafka, with zips written from the 1.1 and
 * 1.2 CSV specs. Only {@link #bulkThenDeltaThenTheSameBulkAgain} uses bulk files (a bulk file
 * deactivates every record of its type it does not list); the other tests use delta files so they
 * do not disturb each other.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class RosterImportTest {

    private static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";
    private static final String SESSIONS = "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear";
    private static final String COURSES = "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes";
    private static final String CLASSES = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods";
    private static final String USERS = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";
    private static final String ENROLLMENTS = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate";
    private static final String DEMOGRAPHICS = "sourcedId,status,dateLastModified,birthDate,sex";
    private static final String MODIFIED = "2026-09-01T12:00:00Z";

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    private ValidatableResponse upload(RosterZip zip, boolean dryRun) {
        return given().contentType("application/zip").body(zip.bytes()).queryParam("dryRun", dryRun)
                .when().post("/api/v1/roster/imports").then();
    }

    private JsonPath imported(RosterZip zip) {
        return upload(zip, false).statusCode(201).body("outcome", is("APPLIED")).extract().jsonPath();
    }

    private static Map<String, Integer> counts(JsonPath report, String file) {
        Map<String, Object> c = report.getMap("files." + file);
        return Map.of("inserted", (Integer) c.get("inserted"), "updated", (Integer) c.get("updated"),
                "unchanged", (Integer) c.get("unchanged"), "deactivated", (Integer) c.get("deactivated"),
                "rejected", (Integer) c.get("rejected"));
    }

    private static Map<String, Integer> c(int inserted, int updated, int unchanged, int deactivated, int rejected) {
        return Map.of("inserted", inserted, "updated", updated, "unchanged", unchanged, "deactivated", deactivated,
                "rejected", rejected);
    }

    private JsonPath student(String sourcedId) {
        return given().queryParam("sourcedId", sourcedId).get("/api/v1/students").then().statusCode(200)
                .extract().jsonPath();
    }

    private String schoolId(String sourcedId) {
        List<Map<String, Object>> schools = given().queryParam("limit", 500).get("/api/v1/schools").then()
                .extract().jsonPath().getList("$");
        return schools.stream().filter(x -> sourcedId.equals(x.get("sourcedId"))).map(x -> (String) x.get("id"))
                .findFirst().orElse(null);
    }

    private RosterZip bulk(String... userRows) {
        return RosterZip.v11()
                .file("orgs", "bulk", ORGS, "dist-" + s + ",,,Maple District,district,,",
                        "sch1-" + s + ",,,Maple Elementary,school,,dist-" + s,
                        "sch2-" + s + ",,,Oak Middle,school,,dist-" + s)
                .file("academicSessions", "bulk", SESSIONS,
                        "sy-" + s + ",,,2026-2027,schoolYear,2026-08-24,2027-06-15,,2027",
                        "t1-" + s + ",,,Fall,term,2026-08-24,2027-01-15,sy-" + s + ",2027")
                .file("courses", "bulk", COURSES, "crs-" + s + ",,,sy-" + s + ",Grade 2 Homeroom,HR2,02,sch1-" + s + ",homeroom,")
                .file("classes", "bulk", CLASSES,
                        "cls1-" + s + ",,,Room 12,02,crs-" + s + ",HR2-12,homeroom,Room 12,sch1-" + s + ",t1-" + s + ",,,",
                        "cls2-" + s + ",,,Room 14,02,crs-" + s + ",HR2-14,homeroom,Room 14,sch1-" + s + ",\"t1-" + s + "\",,,")
                .file("users", "bulk", USERS, userRows)
                .file("enrollments", "bulk", ENROLLMENTS,
                        "e1-" + s + ",,,cls1-" + s + ",sch1-" + s + ",stu1-" + s + ",student,,2026-08-24,",
                        "e2-" + s + ",,,cls1-" + s + ",sch1-" + s + ",stu2-" + s + ",student,,,",
                        "e3-" + s + ",,,cls1-" + s + ",sch1-" + s + ",tch1-" + s + ",teacher,true,,")
                .file("demographics", "bulk", DEMOGRAPHICS, "stu1-" + s + ",,,2018-03-04,female");
    }

    private String ana(String familyName) {
        return "stu1-" + s + ",,,true,sch1-" + s + ",student,ana." + s + ",,Ana," + familyName + ",,1001,,,,,02,";
    }

    private String ben() {
        return "stu2-" + s + ",,,true,sch1-" + s + ",student,ben." + s + ",,Ben,Okafor,,1002,,,,,KG,";
    }

    private String cy() {
        return "stu3-" + s + ",,,true,\"dist-" + s + ",sch2-" + s + "\",student,cy." + s + ",,Cy,Nguyen,,1003,,,,,07,";
    }

    private String teacher() {
        return "tch1-" + s + ",,,true,sch1-" + s + ",teacher,t." + s + ",,Rosa,Diaz,,,rosa@example.org,,,,,";
    }

    @Test
    void bulkThenDeltaThenTheSameBulkAgain() throws Exception {
        String[] users = {ana("Lopez"), ben(), cy(), teacher()};
        JsonPath first;
        try (TopicProbe roster = new TopicProbe("roster.events")) {
            first = imported(bulk(users));
            assertEquals("1.1", first.getString("version"));
            assertEquals("manifest", first.getString("versionSource"));
            assertEquals(3, counts(first, "orgs").get("inserted"));
            assertEquals(2, counts(first, "academicSessions").get("inserted"));
            assertEquals(2, counts(first, "classes").get("inserted"));
            assertEquals(4, counts(first, "users").get("inserted"));
            assertEquals(3, counts(first, "enrollments").get("inserted"));
            assertEquals(1, counts(first, "demographics").get("inserted"));
            assertEquals(0, first.getInt("errorCount"));

            List<TopicProbe.Received> events = roster.await(e -> e.path("data").path("sourcedId").asText()
                    .equals("stu1-" + s), 1, Duration.ofSeconds(20));
            assertFalse(events.isEmpty(), "StudentUpserted for the imported student");
            assertEquals(events.get(0).event().path("data").path("studentId").asText(), events.get(0).key(),
                    "keyed by the student id");
        }
        String maple = schoolId("sch1-" + s);
        assertNotNull(maple, "the org of type school became a school");
        assertNull(schoolId("dist-" + s), "a district is not a school");
        JsonPath ana = student("stu1-" + s);
        assertEquals("2", ana.getString("[0].grade"));
        assertEquals("2018-03-04", ana.getString("[0].dateOfBirth"), "birth date from demographics.csv");
        assertEquals(maple, ana.getString("[0].schoolId"));
        assertEquals("K", student("stu2-" + s).getString("[0].grade"));
        assertEquals(schoolId("sch2-" + s), student("stu3-" + s).getString("[0].schoolId"),
                "placed at the first of its orgs that is a school");
        assertEquals(0, student("tch1-" + s).getList("$").size(), "teachers are not students");

        // A delta: Ana's family name changes, Ben leaves, his enrollment goes.
        JsonPath delta = imported(RosterZip.v11()
                .file("users", "delta", USERS,
                        ana("Lopez-Reyes").replace("stu1-" + s + ",,,", "stu1-" + s + ",active," + MODIFIED + ","),
                        ben().replace("stu2-" + s + ",,,", "stu2-" + s + ",tobedeleted," + MODIFIED + ","))
                .file("enrollments", "delta", ENROLLMENTS,
                        "e2-" + s + ",tobedeleted," + MODIFIED + ",cls1-" + s + ",sch1-" + s + ",stu2-" + s + ",student,,,"));
        assertEquals(c(0, 1, 0, 1, 0), counts(delta, "users"));
        assertEquals(c(0, 0, 0, 1, 0), counts(delta, "enrollments"));
        assertEquals("Lopez-Reyes", student("stu1-" + s).getString("[0].familyName"));
        assertEquals("tobedeleted", student("stu2-" + s).getString("[0].status"), "deactivated, not deleted");

        // The first bulk again: back to its state.
        JsonPath again = imported(bulk(users));
        assertEquals(c(0, 2, 2, 0, 0), counts(again, "users"));
        assertEquals(c(0, 1, 2, 0, 0), counts(again, "enrollments"));
        assertEquals(c(0, 0, 3, 0, 0), counts(again, "orgs"));
        assertEquals("Lopez", student("stu1-" + s).getString("[0].familyName"));
        assertEquals("active", student("stu2-" + s).getString("[0].status"));

        // And once more: nothing changes.
        JsonPath unchanged = imported(bulk(users));
        for (String file : List.of("orgs", "academicSessions", "courses", "classes", "users", "enrollments", "demographics")) {
            Map<String, Integer> counts = counts(unchanged, file);
            assertEquals(0, counts.get("inserted") + counts.get("updated") + counts.get("deactivated"), file);
        }

        // A bulk users file without Cy deactivates Cy and only Cy.
        JsonPath without = imported(bulk(ana("Lopez"), ben(), teacher()));
        assertEquals(c(0, 0, 3, 1, 0), counts(without, "users"));
        assertEquals("tobedeleted", student("stu3-" + s).getString("[0].status"));

        given().get("/api/v1/roster/imports/" + without.getString("id")).then().statusCode(200)
                .body("files.users.deactivated", is(1));
    }

    @Test
    void badRowsAreReportedWithFileLineAndColumnAndTheRestApplies() {
        JsonPath report = imported(RosterZip.v11()
                .file("orgs", "delta", ORGS, "schR-" + s + ",active," + MODIFIED + ",Birch Elementary,school,,")
                .file("academicSessions", "delta", SESSIONS,
                        "syR-" + s + ",active," + MODIFIED + ",2026-2027,schoolYear,2026-08-24,2027-06-15,,2027",
                        "spR-" + s + ",active," + MODIFIED + ",Spring,term,15/06/2023,2027-06-15,syR-" + s + ",2027")
                .file("users", "delta", USERS,
                        "stuR-" + s + ",active," + MODIFIED + ",true,schR-" + s + ",student,r." + s + ",,Rae,Kim,,,,,,,03,",
                        "bad-" + s + ",active," + MODIFIED + ",true,schR-" + s + ",wizard,w." + s + ",,Wiz,Ard,,,,,,,03,")
                .file("enrollments", "delta", ENROLLMENTS,
                        "eR-" + s + ",active," + MODIFIED + ",no-such-class-" + s + ",schR-" + s + ",stuR-" + s + ",student,,,"));
        assertEquals(c(1, 0, 0, 0, 1), counts(report, "academicSessions"));
        assertEquals(c(1, 0, 0, 0, 1), counts(report, "users"));
        assertEquals(c(0, 0, 0, 0, 1), counts(report, "enrollments"));
        assertEquals(3, report.getInt("errorCount"));
        List<Map<String, Object>> errors = report.getList("errors");
        assertEquals(List.of("academicSessions.csv:3:startDate", "users.csv:3:role", "enrollments.csv:2:classSourcedId"),
                errors.stream().map(e -> e.get("file") + ":" + e.get("line") + ":" + e.get("column")).toList());
        assertThat((String) errors.get(0).get("message"), containsString("15/06/2023"));
        assertEquals("3", student("stuR-" + s).getString("[0].grade"), "the good user row applied");

        given().get("/api/v1/roster/imports/" + report.getString("id")).then().statusCode(200)
                .body("errors.size()", is(3))
                .body("errors[2].message", containsString("no-such-class-" + s));
    }

    @Test
    void structurallyBrokenZipsAreRejectedWholeAndWriteNothing() {
        int importsBefore = Integer.parseInt(given().get("/api/v1/roster/imports").header("X-Total-Count"));
        String orgs = "schX-" + s + ",active," + MODIFIED + ",Cedar Elementary,school,,";
        String user = "stuX-" + s + ",active," + MODIFIED + ",true,schX-" + s + ",student,x." + s + ",,Xi,Wu,,,,,,,01,";

        rejected(RosterZip.v11().file("orgs", "delta", ORGS, orgs)
                .file("users", "delta", USERS.replace("familyName", "familyNme"), user), "users.csv:familyName");
        rejected(RosterZip.v11().withoutManifest().file("orgs", "delta", ORGS, orgs), "manifest.csv");
        rejected(RosterZip.v11().version("1.0").file("orgs", "delta", ORGS, orgs), "manifest.csv:3");
        // the manifest lists users.csv as bulk, but the zip lacks it
        rejected(withoutUsersCsv(RosterZip.v11().file("orgs", "delta", ORGS, orgs).file("users", "bulk", USERS, user)
                .bytes()), "users.csv");
        given().contentType("application/zip").body("this is not a zip".getBytes())
                .post("/api/v1/roster/imports").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-roster"))
                .body("detail", containsString("not a zip"));

        assertNull(schoolId("schX-" + s), "no file of a rejected import was applied");
        assertEquals(0, student("stuX-" + s).getList("$").size());
        given().get("/api/v1/roster/imports").then().header("X-Total-Count", String.valueOf(importsBefore));
    }

    private void rejected(RosterZip zip, String violationField) {
        rejected(zip.bytes(), violationField);
    }

    private void rejected(byte[] zip, String violationField) {
        given().contentType("application/zip").body(zip).post("/api/v1/roster/imports").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-roster"))
                .body("detail", containsString("nothing was imported"))
                .body("violations.field", hasItem(violationField));
    }

    private static byte[] withoutUsersCsv(byte[] zip) {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             var bytes = new java.io.ByteArrayOutputStream();
             var out = new java.util.zip.ZipOutputStream(bytes)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().equals("users.csv")) {
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            out.finish();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDryRunCountsEverythingAndWritesNoRosterData() {
        RosterZip zip = RosterZip.v11()
                .file("orgs", "delta", ORGS, "schD-" + s + ",active," + MODIFIED + ",Elm Elementary,school,,")
                .file("users", "delta", USERS,
                        "stuD-" + s + ",active," + MODIFIED + ",true,schD-" + s + ",student,d." + s + ",,Dee,Park,,,,,,,04,");
        JsonPath report = given().multiPart("file", "roster.zip", zip.bytes(), "application/zip")
                .queryParam("dryRun", true)
                .post("/api/v1/roster/imports").then().statusCode(201)
                .body("outcome", is("VALIDATED"))
                .body("dryRun", is(true))
                .extract().jsonPath();
        assertEquals(c(1, 0, 0, 0, 0), counts(report, "users"));
        assertNull(schoolId("schD-" + s));
        assertEquals(0, student("stuD-" + s).getList("$").size());
        given().get("/api/v1/roster/imports/" + report.getString("id")).then().statusCode(200)
                .body("outcome", is("VALIDATED"));

        // the real import afterwards inserts what the dry run counted
        assertEquals(c(1, 0, 0, 0, 0), counts(imported(zip), "users"));
        assertEquals(1, student("stuD-" + s).getList("$").size());
    }

    @Test
    void oneRoster12RolesPlaceStudentsAndTheVersionIsDetectedFromTheFiles() {
        String users12 = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,"
                + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,"
                + "resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns";
        String roles = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId";
        RosterZip zip = RosterZip.v12().version(null)
                .file("orgs", "delta", ORGS, "sch12-" + s + ",active," + MODIFIED + ",Pine Elementary,school,,")
                .file("users", "delta", users12,
                        "stu12-" + s + ",active," + MODIFIED + ",true,p." + s + ",,Pia,Sato,,,,,,,05,,M-1,,Pi,,,,she/her")
                .file("roles", "delta", roles,
                        "r12-" + s + ",active," + MODIFIED + ",stu12-" + s + ",primary,student,,,sch12-" + s + ",");
        JsonPath report = imported(zip);
        assertEquals("1.2", report.getString("version"));
        assertEquals("headers", report.getString("versionSource"));
        assertEquals(c(1, 0, 0, 0, 0), counts(report, "roles"));
        JsonPath pia = student("stu12-" + s);
        assertEquals("5", pia.getString("[0].grade"));
        assertEquals(schoolId("sch12-" + s), pia.getString("[0].schoolId"));
    }

    @Test
    void unknownImportsAre404() {
        given().get("/api/v1/roster/imports/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
