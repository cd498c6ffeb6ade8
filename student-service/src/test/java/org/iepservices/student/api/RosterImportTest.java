package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.student.api.Tokens.given;
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
    private static final String USERS = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.discipline";
    private static final String ENROLLMENTS = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate";
    private static final String DEMOGRAPHICS = "sourcedId,status,dateLastModified,birthDate,sex";
    private static final String MODIFIED = "2026-09-01T12:00:00Z";

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    private ValidatableResponse upload(RosterZip zip, boolean dryRun) {
        return given().contentType("application/zip").body(zip.bytes()).queryParam("dryRun", dryRun)
                .when().post("/api/v1/roster/imports").then();
    }

    private JsonPath importedDry(RosterZip zip) {
        return upload(zip, true).statusCode(201).body("outcome", is("VALIDATED")).extract().jsonPath();
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

    /**
     * The counts of a test's first bulk file of a type: its rows are all new. (A bulk file also
     * deactivates what other tests left in the shared database, so its deactivated count is theirs.)
     */
    private static void firstBulk(JsonPath report, String file, int inserted) {
        Map<String, Integer> counts = counts(report, file);
        assertEquals(List.of(inserted, 0, 0, 0), List.of(counts.get("inserted"), counts.get("updated"),
                counts.get("unchanged"), counts.get("rejected")), file + " " + counts);
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

    private String teacher(String discipline) {
        return "tch1-" + s + ",,,true,sch1-" + s + ",teacher,t." + s + ",,Rosa,Diaz,,,rosa." + s
                + "@example.org,,,,,," + discipline;
    }

    private String teacher() {
        return teacher("");
    }

    private String slp(String discipline) {
        return "tch2-" + s + ",,,true,\"sch1-" + s + ",sch2-" + s + "\",teacher,slp." + s + ",,Dana,Whitfield,,,,,,,,,"
                + discipline;
    }

    /** The bulk row as a delta row: status and dateLastModified filled. */
    private static String delta(String bulkRow, String status) {
        String[] head = bulkRow.split(",", 4);
        return head[0] + "," + status + "," + MODIFIED + "," + head[3];
    }

    private Map<String, Object> staff(String sourcedId) {
        List<Map<String, Object>> found = given().queryParam("sourcedId", sourcedId).get("/api/v1/staff").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, found.size(), "one staff member " + sourcedId);
        return found.get(0);
    }

    private String classId(String sourcedId) {
        return given().queryParam("sourcedId", sourcedId).get("/api/v1/classes").then().statusCode(200)
                .body("", hasSize(1)).extract().path("[0].id");
    }

    private static List<RosterEventLog.Event> about(List<RosterEventLog.Event> events, String suffix) {
        return events.stream().filter(e -> e.data().toString().contains(suffix)).toList();
    }

    @Test
    void bulkThenDeltaThenTheSameBulkAgain() throws Exception {
        String[] users = {ana("Lopez"), ben(), cy(), teacher(), slp("SLP")};
        try (RosterEventLog log = new RosterEventLog()) {
            JsonPath first = imported(bulk(users));
            assertEquals("1.1", first.getString("version"));
            assertEquals("manifest", first.getString("versionSource"));
            firstBulk(first, "orgs", 3);
            firstBulk(first, "academicSessions", 2);
            firstBulk(first, "courses", 1);
            firstBulk(first, "classes", 2);
            firstBulk(first, "users", 5);
            firstBulk(first, "enrollments", 3);
            firstBulk(first, "demographics", 1);
            assertEquals(0, first.getInt("errorCount"));

            // What was projected, through our own API.
            String maple = schoolId("sch1-" + s);
            assertNotNull(maple, "the org of type school became a school");
            assertNull(schoolId("dist-" + s), "a district is not a school");
            JsonPath ana = student("stu1-" + s);
            String anaId = ana.getString("[0].id");
            assertEquals("2", ana.getString("[0].grade"));
            assertEquals("2018-03-04", ana.getString("[0].dateOfBirth"), "birth date from demographics.csv");
            assertEquals(maple, ana.getString("[0].schoolId"));
            assertEquals("K", student("stu2-" + s).getString("[0].grade"));
            assertEquals(schoolId("sch2-" + s), student("stu3-" + s).getString("[0].schoolId"),
                    "placed at the first of its orgs that is a school");
            assertEquals(0, student("tch1-" + s).getList("$").size(), "teachers are not students");
            Map<String, Object> rosa = staff("tch1-" + s);
            assertEquals("TEACHER", rosa.get("discipline"), "a teacher without a discipline column is a TEACHER");
            assertEquals("ROSTER", rosa.get("disciplineSource"));
            assertEquals("teacher", rosa.get("rosterRole"));
            assertEquals("rosa." + s + "@example.org", rosa.get("email"));
            assertEquals(List.of(maple), rosa.get("schoolIds"));
            Map<String, Object> dana = staff("tch2-" + s);
            assertEquals("SLP", dana.get("discipline"), "metadata.discipline makes a provider");
            assertEquals(2, ((List<?>) dana.get("schoolIds")).size());
            String room12 = classId("cls1-" + s);
            given().get("/api/v1/classes/" + room12).then().statusCode(200)
                    .body("title", is("Room 12")).body("schoolId", is(maple)).body("classType", is("homeroom"))
                    .body("enrollments", hasSize(3))
                    .body("enrollments[0].role", is("teacher")).body("enrollments[0].staffId", is(rosa.get("id")))
                    .body("enrollments.studentId", hasItem(anaId));
            given().get("/api/v1/students/" + anaId).then().statusCode(200)
                    .body("enrollments", hasSize(1))
                    .body("enrollments[0].classId", is(room12))
                    .body("enrollments[0].classTitle", is("Room 12"))
                    .body("enrollments[0].role", is("student"));
            given().queryParam("classId", room12).get("/api/v1/students").then().header("X-Total-Count", "2");

            List<RosterEventLog.Event> events = about(log.sinceLastLook(), s);
            assertEquals(2, RosterEventLog.of(events, "SchoolUpserted", d -> true).size(), "two schools, no district");
            assertEquals(3, RosterEventLog.of(events, "StudentUpserted", d -> true).size());
            assertEquals(2, RosterEventLog.of(events, "StaffUpserted", d -> true).size());
            assertEquals(2, RosterEventLog.of(events, "ClassUpserted", d -> true).size());
            List<RosterEventLog.Event> enrolled = RosterEventLog.of(events, "EnrollmentChanged", d -> true);
            assertEquals(3, enrolled.size());
            RosterEventLog.Event anaInRoom12 = RosterEventLog.of(events, "EnrollmentChanged",
                    d -> d.path("sourcedId").asText().equals("e1-" + s)).get(0);
            assertEquals(anaId, anaInRoom12.key(), "an enrollment is keyed by the person");
            assertEquals(room12, anaInRoom12.data().path("classId").asText());
            RosterEventLog.Event anaUpserted = RosterEventLog.of(events, "StudentUpserted",
                    d -> d.path("studentId").asText().equals(anaId)).get(0);
            assertEquals(anaId, anaUpserted.key(), "keyed by the student id");

            // An administrator sets Dana's discipline through our API: the roster never overwrites it.
            String etag = given().get("/api/v1/staff/" + dana.get("id")).then().extract().header("ETag");
            given().contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("givenName", "Dana", "familyName", "Whitfield", "email", "dana." + s + "@example.org",
                            "discipline", "OT", "schoolIds", dana.get("schoolIds")))
                    .put("/api/v1/staff/" + dana.get("id")).then().statusCode(200)
                    .body("discipline", is("OT")).body("disciplineSource", is("API"));
            log.sinceLastLook();

            // A delta: Ana's family name changes, Ben leaves and his enrollment goes, the SIS gives Rosa a
            // discipline and changes Dana's.
            JsonPath delta = imported(RosterZip.v11()
                    .file("users", "delta", USERS, delta(ana("Lopez-Reyes"), "active"), delta(ben(), "tobedeleted"),
                            delta(teacher("SLP"), "active"), delta(slp("PT"), "active"))
                    .file("enrollments", "delta", ENROLLMENTS,
                            "e2-" + s + ",tobedeleted," + MODIFIED + ",cls1-" + s + ",sch1-" + s + ",stu2-" + s + ",student,,,"));
            assertEquals(c(0, 3, 0, 1, 0), counts(delta, "users"));
            assertEquals(c(0, 0, 0, 1, 0), counts(delta, "enrollments"));
            assertEquals("Lopez-Reyes", student("stu1-" + s).getString("[0].familyName"));
            assertEquals("tobedeleted", student("stu2-" + s).getString("[0].status"), "deactivated, not deleted");
            assertEquals("SLP", staff("tch1-" + s).get("discipline"), "a discipline the roster set, it may change");
            assertEquals("OT", staff("tch2-" + s).get("discipline"), "one set through our API, it never does");

            events = about(log.sinceLastLook(), s);
            String benId = student("stu2-" + s).getString("[0].id");
            List<RosterEventLog.Event> deactivated = RosterEventLog.of(events, "StudentDeactivated", d -> true);
            assertEquals(1, deactivated.size());
            assertEquals(benId, deactivated.get(0).key());
            assertEquals("2026-09-01", deactivated.get(0).data().path("effectiveOn").asText());
            assertThat(deactivated.get(0).data().path("reason").asText(), containsString("tobedeleted"));
            assertEquals(1, RosterEventLog.of(events, "EnrollmentChanged",
                    d -> d.path("status").asText().equals("tobedeleted")).size());
            assertEquals(1, RosterEventLog.of(events, "StaffUpserted", d -> true).size(), "Rosa only: Dana is unchanged");
            assertEquals(2, RosterEventLog.of(events, "StudentUpserted", d -> true).size(), "Ana, and Ben leaving");

            // The first bulk again: back to its state.
            JsonPath again = imported(bulk(users));
            assertEquals(c(0, 4, 1, 0, 0), counts(again, "users"));
            assertEquals(c(0, 1, 2, 0, 0), counts(again, "enrollments"));
            assertEquals(c(0, 0, 3, 0, 0), counts(again, "orgs"));
            assertEquals("Lopez", student("stu1-" + s).getString("[0].familyName"));
            assertEquals("active", student("stu2-" + s).getString("[0].status"));
            assertEquals("TEACHER", staff("tch1-" + s).get("discipline"));
            log.sinceLastLook();

            // And once more: nothing changes, nothing is published.
            JsonPath unchanged = imported(bulk(users));
            for (String file : List.of("orgs", "academicSessions", "courses", "classes", "users", "enrollments",
                    "demographics")) {
                Map<String, Integer> counts = counts(unchanged, file);
                assertEquals(0, counts.get("inserted") + counts.get("updated") + counts.get("deactivated"), file);
            }
            assertEquals(List.of(), about(log.sinceLastLook(), s), "an unchanged roster publishes nothing");

            // A bulk users file without Cy deactivates Cy and only Cy.
            JsonPath without = imported(bulk(ana("Lopez"), ben(), teacher(), slp("SLP")));
            assertEquals(c(0, 0, 4, 1, 0), counts(without, "users"));
            assertEquals("tobedeleted", student("stu3-" + s).getString("[0].status"));
            deactivated = RosterEventLog.of(about(log.sinceLastLook(), s), "StudentDeactivated", d -> true);
            assertEquals(1, deactivated.size());
            assertEquals(student("stu3-" + s).getString("[0].id"), deactivated.get(0).key());
            assertThat(deactivated.get(0).data().path("reason").asText(), containsString("no longer listed"));

            given().get("/api/v1/roster/imports/" + without.getString("id")).then().statusCode(200)
                    .body("files.users.deactivated", is(1));
        }
    }

    @Test
    void oneRoster12BulkThenDeltaThenTheSameBulkAgain() throws Exception {
        String users12 = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,"
                + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,"
                + "resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,"
                + "pronouns,metadata.discipline";
        String roles = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,"
                + "userProfileSourcedId";
        String a = "schA-" + s;
        String b = "schB-" + s;
        RosterZip bulk = RosterZip.v12()
                .file("orgs", "bulk", ORGS, "d12-" + s + ",,,Pine District,district,,",
                        a + ",,,Pine Elementary,school,,d12-" + s, b + ",,,Pine Middle,school,,d12-" + s)
                .file("users", "bulk", users12,
                        "p1-" + s + ",,,true,p1." + s + ",\"{SIS:1},{LDAP:p1}\",Pia,Sato,,S1,,,,,05,,,,Pi,,,,she/her,",
                        "p2-" + s + ",,,true,p2." + s + ",,Lee,Park,,,lee." + s + "@example.org,,,,,,,,,,,,,",
                        "p3-" + s + ",,,true,p3." + s + ",,Max,Roy,,,,,,,,,,,,,,,,OT")
                .file("roles", "bulk", roles,
                        "r1-" + s + ",,," + "p1-" + s + ",primary,student,,," + a + ",",
                        "r2-" + s + ",,," + "p2-" + s + ",primary,counselor,,," + a + ",",
                        "r3-" + s + ",,," + "p3-" + s + ",primary,teacher,,," + a + ",",
                        "r4-" + s + ",,," + "p3-" + s + ",secondary,teacher,,," + b + ",")
                .file("demographics", "bulk", DEMOGRAPHICS, "p1-" + s + ",,,2016-05-06,female");
        JsonPath first = imported(bulk);
        assertEquals("1.2", first.getString("version"));
        firstBulk(first, "roles", 4);
        JsonPath pia = student("p1-" + s);
        assertEquals("5", pia.getString("[0].grade"));
        assertEquals(schoolId(a), pia.getString("[0].schoolId"));
        assertEquals("2016-05-06", pia.getString("[0].dateOfBirth"));
        Map<String, Object> lee = staff("p2-" + s);
        assertEquals("COUNSELOR", lee.get("discipline"), "a counselor role is a counselor");
        assertEquals("counselor", lee.get("rosterRole"));
        Map<String, Object> max = staff("p3-" + s);
        assertEquals("OT", max.get("discipline"));
        assertEquals(java.util.Set.of(schoolId(a), schoolId(b)), java.util.Set.copyOf((List<?>) max.get("schoolIds")),
                "a teacher at both schools");

        // A delta moves Pia to Pine Middle: her role at A ends, one at B begins.
        JsonPath delta = imported(RosterZip.v12()
                .file("roles", "delta", roles,
                        "r1-" + s + ",tobedeleted," + MODIFIED + ",p1-" + s + ",primary,student,,," + a + ",",
                        "r5-" + s + ",active," + MODIFIED + ",p1-" + s + ",primary,student,,," + b + ","));
        assertEquals(c(1, 0, 0, 1, 0), counts(delta, "roles"));
        assertEquals(schoolId(b), student("p1-" + s).getString("[0].schoolId"));

        JsonPath again = imported(bulk);
        assertEquals(c(0, 1, 3, 1, 0), counts(again, "roles"));
        assertEquals(schoolId(a), student("p1-" + s).getString("[0].schoolId"));
        JsonPath unchanged = imported(bulk);
        assertEquals(c(0, 0, 4, 0, 0), counts(unchanged, "roles"));
        assertEquals(c(0, 0, 3, 0, 0), counts(unchanged, "users"));
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
    void statusRulesOfBulkAndDeltaFilesAreReportedPerTheSpec() {
        // Delta rows must say active or tobedeleted; bulk rows should leave status blank (applied, with a warning).
        JsonPath delta = imported(RosterZip.v11()
                .file("orgs", "delta", ORGS, "schS-" + s + ",," + MODIFIED + ",Spruce Elementary,school,,"));
        assertEquals(c(0, 0, 0, 0, 1), counts(delta, "orgs"));
        assertEquals("orgs.csv:2:status", delta.getString("errors[0].file") + ":" + delta.getInt("errors[0].line")
                + ":" + delta.getString("errors[0].column"));
        assertNull(schoolId("schS-" + s));

        JsonPath bulk = importedDry(RosterZip.v11()
                .file("academicSessions", "bulk", SESSIONS,
                        "syS-" + s + ",active," + MODIFIED + ",2026-2027,schoolYear,2026-08-24,2027-06-15,,2027"));
        firstBulk(bulk, "academicSessions", 1);
        List<Map<String, Object>> warnings = bulk.getList("warnings");
        assertTrue(warnings.stream().anyMatch(w -> "status".equals(w.get("column"))
                && ((String) w.get("message")).contains("bulk rows should leave status blank")), warnings.toString());
    }

    @Test
    void badDatesUnknownRolesAndDanglingEnrollmentsRejectOnlyTheirRows() {
        JsonPath report = imported(RosterZip.v11()
                .file("orgs", "delta", ORGS, "schB-" + s + ",active," + MODIFIED + ",Birch Elementary,school,,")
                .file("classes", "delta", CLASSES,
                        "clsB-" + s + ",active," + MODIFIED + ",Room 3,03,crsB-" + s + ",,scheduled,,schB-" + s + ",tB-" + s + ",,,")
                .file("users", "delta", USERS,
                        "stuB-" + s + ",active," + MODIFIED + ",true,schB-" + s + ",student,b." + s + ",,Bo,Li,,,,,,,03,",
                        "stuC-" + s + ",active," + MODIFIED + ",yes,schB-" + s + ",student,c." + s + ",,Cai,Li,,,,,,,03,")
                .file("demographics", "delta", DEMOGRAPHICS,
                        "stuB-" + s + ",active," + MODIFIED + ",15/06/2023,male")
                .file("enrollments", "delta", ENROLLMENTS,
                        "eB1-" + s + ",active," + MODIFIED + ",clsB-" + s + ",schB-" + s + ",stuB-" + s + ",student,,2026/09/01,",
                        "eB2-" + s + ",active," + MODIFIED + ",clsB-" + s + ",schB-" + s + ",ghost-" + s + ",student,,,",
                        "eB3-" + s + ",active," + MODIFIED + ",clsB-" + s + ",schB-" + s + ",stuB-" + s + ",student,true,2026-09-01,"));
        assertEquals(c(1, 0, 0, 0, 1), counts(report, "users"));
        assertEquals(c(0, 0, 0, 0, 1), counts(report, "demographics"));
        assertEquals(c(1, 0, 0, 0, 2), counts(report, "enrollments"));
        List<Map<String, Object>> errors = report.getList("errors");
        assertEquals(List.of("demographics.csv:2:birthDate", "users.csv:3:enabledUser", "enrollments.csv:2:beginDate",
                        "enrollments.csv:3:userSourcedId"),
                errors.stream().map(e -> e.get("file") + ":" + e.get("line") + ":" + e.get("column")).toList());
        assertThat((String) errors.get(0).get("message"), containsString("15/06/2023"));
        String classId = classId("clsB-" + s);
        given().get("/api/v1/classes/" + classId).then().body("enrollments", hasSize(1))
                .body("enrollments[0].primary", is(true)).body("enrollments[0].beginDate", is("2026-09-01"));
        assertNull(student("stuB-" + s).getString("[0].dateOfBirth"), "the bad birth date was not applied");
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
        // the zip has orgs.csv but the manifest does not say bulk, delta or absent for it
        rejected(withoutManifestLine(RosterZip.v11().file("orgs", "delta", ORGS, orgs).bytes(), "file.orgs,"),
                "manifest.csv:file.orgs");
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

    private static byte[] withoutManifestLine(byte[] zip, String linePrefix) {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             var bytes = new java.io.ByteArrayOutputStream();
             var out = new java.util.zip.ZipOutputStream(bytes)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("manifest.csv")) {
                    content = String.join("\r\n", new String(content, java.nio.charset.StandardCharsets.UTF_8)
                            .lines().filter(l -> !l.startsWith(linePrefix)).toList())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.write(content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
    void aDryRunCountsEverythingAndWritesNoRosterData() throws Exception {
        RosterEventLog log = new RosterEventLog();
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
        assertEquals(List.of(), about(log.sinceLastLook(), s), "a dry run publishes nothing");
        log.close();
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
