package org.iepservices.e2e;

import io.restassured.path.json.JsonPath;
import org.iepservices.localinfra.ServiceLayout;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.iepservices.e2e.TestDistrict.PROPAGATION;
import static org.iepservices.e2e.TestDistrict.as;
import static org.iepservices.e2e.TestDistrict.at;

/**
 * A slice of a school year over HTTP only, the way it gets messy: a second roster feed and a
 * truncated bulk file from the first, a holiday week, a provider absence, a closure, a student
 * ABSENT from a signed group session, and an IEP amendment mid-term. Asserts compliance per
 * setting under the district's EXCUSE holiday policy, the misses the system recorded (origin,
 * owed), the provider's worklist, goal data that follows the amended goal, and claim lines whose
 * units follow the service code (92507/92508 are untimed: one unit per session).
 *
 * <p>Calendar (school year from Tue 2026-09-01): Labor Day Mon 09-07 and a professional day Thu
 * 09-10; a closure on Thu 09-17. Speech 2 x 30/week (1 pull-out Tuesday, 1 push-in Thursday) for
 * two students served as a group of two. Reporting's today is Wed 2026-09-23 (RunningSystem).
 */
class SchoolYearIT {

    private static final String YEAR = "2026-2027";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String sisToken = RunningSystem.get().tokens().token("sis-" + run, "sis-integration")
            .name("District SIS").sign();

    @Test
    void aSchoolYearSliceThatGetsMessy() {
        // 1. Two roster feeds into one district: the SIS's (students, teacher, SLP) and a contract agency's (its SLP).
        JsonPath sis = importRoster(roster(List.of("a", "b", "c", "d", "e", "f", "g", "h")), "sis", false);
        assertOutcome(sis, "APPLIED");
        String districtId = districtOf("sch-" + run);
        String schoolId = idOf("/api/v1/schools", "sch-" + run);
        JsonPath agency = importRoster(agencyRoster(), "therapy-agency", false);
        assertOutcome(agency, "APPLIED");
        List<String> kids = List.of(idOf("/api/v1/students", "stu-a-" + run), idOf("/api/v1/students", "stu-b-" + run),
                idOf("/api/v1/students", "stu-c-" + run));
        String slp = idOf("/api/v1/staff", "slp-" + run);
        idOf("/api/v1/staff", "slp-agency-" + run); // the agency's SLP arrived beside the SIS's people
        for (String kid : kids) { // the agency's bulk file deactivated nobody of the SIS feed
            at(ServiceLayout.STUDENT).get("/api/v1/students/" + kid).then().statusCode(200).body("status", is("active"));
        }
        // A truncated SIS users.csv (one student of eight) would deactivate most of the school: held, nothing changed.
        JsonPath truncated = importRoster(roster(List.of("a")), "sis", false);
        assertOutcome(truncated, "HELD");
        for (String kid : kids) {
            at(ServiceLayout.STUDENT).get("/api/v1/students/" + kid).then().statusCode(200).body("status", is("active"));
        }
        String classId = idOf("/api/v1/classes", "hr-" + run);

        // 2. The district's policies: holidays excused; closures not owed, provider absence owed (the defaults).
        at(ServiceLayout.REPORTING).body(Map.of("holidayPolicy", "EXCUSE"))
                .put("/api/v1/districts/" + districtId + "/compliance-policy").then().statusCode(200);

        // 3. The school's day and year.
        at(ServiceLayout.SCHEDULE).body(Map.of("firstDay", "2026-09-01", "lastDay", "2027-06-18",
                        "nonInstructionalDays", List.of(
                                Map.of("date", "2026-09-07", "kind", "HOLIDAY", "description", "Labor Day"),
                                Map.of("date", "2026-09-10", "kind", "PROFESSIONAL_DAY",
                                        "description", "Staff development"))))
                .put("/api/v1/schools/" + schoolId + "/calendars/" + YEAR).then().statusCode(anyOf(is(200), is(201)));
        at(ServiceLayout.SCHEDULE).body(Map.of("name", "Regular", "isDefault", true, "periods", List.of(
                        Map.of("name", "Morning", "startTime", "08:00", "endTime", "11:45"),
                        Map.of("name", "Afternoon", "startTime", "12:30", "endTime", "15:00"))))
                .post("/api/v1/schools/" + schoolId + "/bell-schedules").then().statusCode(201);
        // schedule-service knows the class and the SLP from roster.events: wait for its copies.
        awaitCopy(ServiceLayout.SCHEDULE, "/api/v1/classes/" + classId);
        awaitCopy(ServiceLayout.SCHEDULE, "/api/v1/staff/" + slp);
        String block = null;
        for (String day : List.of("TUESDAY", "THURSDAY")) {
            String id = at(ServiceLayout.SCHEDULE).body(Map.of("dayOfWeek", day, "startTime", "09:00:00",
                            "endTime", "10:30:00", "subject", "ELA_READING", "structure", "HIGH",
                            "pushInOpenness", "WELCOMES"))
                    .post("/api/v1/classes/" + classId + "/activity-blocks").then().statusCode(201)
                    .extract().path("id");
            block = day.equals("THURSDAY") ? id : block;
        }
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            at(ServiceLayout.SCHEDULE).body(Map.of("schoolId", schoolId, "dayOfWeek", day, "startTime", "08:00:00",
                    "endTime", "15:00:00")).post("/api/v1/providers/" + slp + "/availability").then().statusCode(201);
        }

        // 4. IEPs for students a and b: speech 2 x 30 per week, 1 pull-out + 1 push-in, groups of up to 3.
        Map<String, JsonPath> ieps = new LinkedHashMap<>();
        for (String kid : kids.subList(0, 2)) {
            JsonPath iep = at(ServiceLayout.STUDENT).body(iepBody(slp, 30, null, null))
                    .post("/api/v1/students/" + kid + "/ieps").then().statusCode(201).extract().jsonPath();
            at(ServiceLayout.STUDENT).body(Map.of()).post("/api/v1/ieps/" + iep.getString("id") + "/activate")
                    .then().statusCode(200);
            ieps.put(kid, iep);
            at(ServiceLayout.STUDENT).body(Map.of("regulationSupport", "NONE", "needsQuietSetting", false,
                            "medicaidId", "NY" + Math.abs(kid.hashCode() % 100000000),
                            "diagnosisCodes", List.of("F80.0"), "billingConsentOnFile", true,
                            "billingConsentDate", "2026-08-20"))
                    .put("/api/v1/students/" + kid + "/service-profile").then().statusCode(anyOf(is(200), is(201)));
        }
        String a = kids.get(0);
        String b = kids.get(1);
        String mandateA = ieps.get(a).getString("mandates[0].id");
        String mandateB = ieps.get(b).getString("mandates[0].id");
        String goalA = ieps.get(a).getString("goals[0].id");
        awaitMandates(ServiceLayout.SCHEDULE, a);
        awaitMandates(ServiceLayout.SCHEDULE, b);

        // 5. The two series, a group of two: pull-out Tuesdays, push-in Thursdays in ELA, from the first day.
        List<Map<String, Object>> group = List.of(Map.of("studentId", a, "mandateId", mandateA),
                Map.of("studentId", b, "mandateId", mandateB));
        series(slp, schoolId, "PULL_OUT", null, null, "TUESDAY", group);
        series(slp, schoolId, "PUSH_IN", classId, block, "THURSDAY", group);
        awaitMandates(ServiceLayout.SESSION, a);
        awaitMandates(ServiceLayout.SESSION, b);
        as(RunningSystem.adminToken(), ServiceLayout.SESSION).body(Map.of("npi", "1234567893"))
                .put("/api/v1/medicaid/providers/" + slp).then().statusCode(200);

        String provider = RunningSystem.providerToken(slp);
        Map<String, String> occurrences = new LinkedHashMap<>();
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonPath found = as(provider, ServiceLayout.SESSION).queryParam("from", "2026-09-01")
                    .queryParam("to", "2026-09-25").get("/api/v1/providers/" + slp + "/occurrences")
                    .then().statusCode(200).extract().jsonPath();
            // Tue 1, Thu 3, Tue 8, (Thu 10 professional day), Tue 15, Thu 17, Tue 22, Thu 24
            assertThat(found.getList("date"), hasItems("2026-09-01", "2026-09-03",
                    "2026-09-08", "2026-09-15", "2026-09-17", "2026-09-22", "2026-09-24"));
            assertThat(found.getList("date"), not(hasItem("2026-09-10")));
            List<String> dates = found.getList("date");
            List<String> ids = found.getList("occurrenceId");
            for (int i = 0; i < dates.size(); i++) {
                occurrences.put(dates.get(i), ids.get(i));
            }
        });

        // 6. Week 1 documented in full; week 2: b ABSENT from the signed group pull-out.
        document(provider, occurrences.get("2026-09-01"), Map.of(a, "PRESENT", b, "PRESENT"), a, goalA);
        document(provider, occurrences.get("2026-09-03"), Map.of(a, "PRESENT", b, "PRESENT"), a, goalA);
        document(provider, occurrences.get("2026-09-08"), Map.of(a, "PRESENT", b, "ABSENT"), a, goalA);

        // 7. Week 3: the SLP is out on Tuesday (cancelled: owed), the school closes on Thursday (not owed).
        at(ServiceLayout.SCHEDULE).body(Map.of("reason", "PROVIDER_UNAVAILABLE", "note", "SLP out sick"))
                .post("/api/v1/occurrences/" + occurrences.get("2026-09-15") + "/cancel").then().statusCode(200);
        at(ServiceLayout.SCHEDULE).body(Map.of("date", "2026-09-17", "reason", "Water main repair"))
                .post("/api/v1/schools/" + schoolId + "/closures").then().statusCode(anyOf(is(200), is(201)));

        // The system recorded every miss itself: b absent, both for the absence and the closure.
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonPath misses = at(ServiceLayout.SESSION).queryParam("studentId", b).get("/api/v1/misses")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(misses.getList("findAll { it.origin == 'SYSTEM' }.sessionDate"),
                    hasItems("2026-09-08", "2026-09-15", "2026-09-17"));
            assertThat(misses.getString("find { it.sessionDate == '2026-09-08' }.owed"),
                    is("NOT_OWED"));
            assertThat(misses.getString("find { it.sessionDate == '2026-09-15' }.owed"),
                    is("OWED"));
            assertThat(misses.getString("find { it.sessionDate == '2026-09-17' }.owed"),
                    is("NOT_OWED"));
        });
        // One miss per student and occurrence, however many events told the system about it.
        at(ServiceLayout.SESSION).queryParam("studentId", a).get("/api/v1/misses").then().statusCode(200)
                .body("findAll { it.sessionDate == '2026-09-15' }", hasSize(1))
                .body("findAll { it.sessionDate == '2026-09-17' }", hasSize(1));

        // 8. An amendment effective Mon 09-21: 30 -> 25 minutes, the goal continues.
        JsonPath amended = at(ServiceLayout.STUDENT).body(iepBody(slp, 25, "2026-09-21", goalA))
                .post("/api/v1/ieps/" + ieps.get(a).getString("id") + "/amendments").then().statusCode(201)
                .extract().jsonPath();
        at(ServiceLayout.STUDENT).body(Map.of()).post("/api/v1/ieps/" + amended.getString("id") + "/activate")
                .then().statusCode(200);
        String newMandate = amended.getString("mandates[0].id");
        String newGoal = amended.getString("goals[0].id");
        assertThat(amended.getString("goals[0].continuesGoalId"), is(goalA));
        // The provider documents Tuesday's occurrence: credited to the mandate in force, not refused.
        await().atMost(PROPAGATION).untilAsserted(() ->
                as(provider, ServiceLayout.SESSION).get("/api/v1/students/" + a + "/mandates").then().statusCode(200)
                        .body("mandateId", hasItem(newMandate)));
        String log22 = document(provider, occurrences.get("2026-09-22"), Map.of(a, "PRESENT", b, "PRESENT"), a,
                newGoal);
        at(ServiceLayout.SESSION).get("/api/v1/session-logs/" + log22).then().statusCode(200)
                .body("students.find { it.studentId == '" + a + "' }.mandateId", is(newMandate));

        // 9. Compliance per setting, week by week, with holidays excused and the closure not owed.
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonPath weeks = at(ServiceLayout.REPORTING).queryParam("from", "2026-09-07").queryParam("to", "2026-09-20")
                    .get("/api/v1/compliance/students/" + a).then().statusCode(200).extract().jsonPath();
            String mandate = "mandates.find { it.mandateId == '" + mandateA + "' }";
            String week2 = mandate + ".periods.find { it.periodStart == '2026-09-07' }";
            String week3 = mandate + ".periods.find { it.periodStart == '2026-09-14' }";
            // Labor Day had no session; Thursday's push-in fell on the professional day: excused, not owed.
            assertThat(weeks.getInt(week2 + ".mandated.pullOut"), is(30));
            assertThat(weeks.getInt(week2 + ".mandated.pushIn"), is(30));
            assertThat(weeks.getInt(week2 + ".excused.pushIn"), is(30));
            assertThat(weeks.getInt(week2 + ".delivered.pullOut"), is(30));
            assertThat(weeks.getInt(week2 + ".shortfall.total"), is(0));
            assertThat(weeks.getString(week2 + ".status"), is("ON_TRACK"));
            // Provider absent Tuesday (owed), school closed Thursday (not owed: excused).
            assertThat(weeks.getInt(week3 + ".delivered.total"), is(0));
            assertThat(weeks.getInt(week3 + ".missedOwed"), is(30));
            assertThat(weeks.getInt(week3 + ".missedNotOwed"), is(30));
            assertThat(weeks.getInt(week3 + ".excused.pushIn"), is(30));
            assertThat(weeks.getInt(week3 + ".owedBalance"), is(30));
            assertThat(weeks.getInt(week3 + ".shortfall.pullOut"), is(30));
            assertThat(weeks.getInt(week3 + ".shortfall.pushIn"), is(0));
            assertThat(weeks.getString(week3 + ".status"), is("OUT_OF_COMPLIANCE"));
        });
        // After the amendment the minutes count for the new mandate.
        await().atMost(PROPAGATION).untilAsserted(() ->
                at(ServiceLayout.REPORTING).queryParam("from", "2026-09-21").queryParam("to", "2026-09-27")
                        .get("/api/v1/compliance/students/" + a).then().statusCode(200)
                        .body("mandates.find { it.mandateId == '" + newMandate + "' }.periods[0].mandated.pullOut",
                                is(25))
                        .body("mandates.find { it.mandateId == '" + newMandate + "' }.periods[0].delivered.pullOut",
                                greaterThan(0)));

        // 10. The worklist: Thursday 09-24 is still to come; nothing past is left undocumented and unmissed.
        as(provider, ServiceLayout.SESSION).queryParam("from", "2026-09-01").queryParam("to", "2026-09-22")
                .queryParam("status", "DOCUMENTED").get("/api/v1/providers/" + slp + "/occurrences")
                .then().statusCode(200).body("date", containsInAnyOrder("2026-09-01", "2026-09-03", "2026-09-08",
                        "2026-09-22"));
        as(provider, ServiceLayout.SESSION).queryParam("from", "2026-09-01").queryParam("to", "2026-09-22")
                .queryParam("status", "MISSED").get("/api/v1/providers/" + slp + "/occurrences")
                .then().statusCode(200).body("date", hasItems("2026-09-15", "2026-09-17"));

        // 11. Goal data follows the goal across the amendment: four sessions, three on the old goal id.
        await().atMost(PROPAGATION).untilAsserted(() ->
                at(ServiceLayout.REPORTING).get("/api/v1/students/" + a + "/goals/" + newGoal + "/progress")
                        .then().statusCode(200).body("pointCount", is(4)));

        // 12. Claim lines: speech codes are untimed, one unit per session; b's absence left a's group
        // pull-out on 09-08 billed as individual treatment.
        as(RunningSystem.adminToken(), ServiceLayout.SESSION).queryParam("from", "2026-09-01")
                .queryParam("to", "2026-09-22").get("/api/v1/medicaid/claims").then().statusCode(200)
                .body("lines.findAll { it.studentId == '" + a + "' }.units", everyItem(is(1)))
                .body("lines.find { it.studentId == '" + a + "' && it.sessionDate == '2026-09-08' }.serviceCode",
                        is("92507"))
                .body("lines.find { it.studentId == '" + a + "' && it.sessionDate == '2026-09-01' }.serviceCode",
                        is("92508"));
    }

    private static void assertOutcome(JsonPath report, String outcome) {
        assertThat(report.prettify(), report.getString("outcome"), is(outcome));
    }

    private JsonPath importRoster(byte[] zip, String source, boolean confirm) {
        return given(sisToken).contentType("application/zip").body(zip).queryParam("source", source)
                .queryParam("confirmMassDeactivation", confirm)
                .post("/api/v1/roster/imports").then().statusCode(anyOf(is(200), is(201), is(202)))
                .extract().jsonPath();
    }

    private static io.restassured.specification.RequestSpecification given(String token) {
        return io.restassured.RestAssured.given().baseUri(RunningSystem.url(ServiceLayout.STUDENT))
                .auth().oauth2(token);
    }

    private static String idOf(String collection, String sourcedId) {
        return at(ServiceLayout.STUDENT).queryParam("sourcedId", sourcedId).get(collection).then().statusCode(200)
                .body("$", hasSize(1)).extract().path("[0].id");
    }

    private static String districtOf(String schoolSourcedId) {
        return at(ServiceLayout.STUDENT).queryParam("sourcedId", schoolSourcedId).get("/api/v1/schools").then()
                .statusCode(200).extract().path("[0].districtId");
    }

    private static void awaitCopy(ServiceLayout service, String path) {
        await().atMost(PROPAGATION).untilAsserted(() -> at(service).get(path).then().statusCode(200));
    }

    private static void awaitMandates(ServiceLayout service, String student) {
        await().atMost(PROPAGATION).untilAsserted(() ->
                at(service).get("/api/v1/students/" + student + "/mandates").then().statusCode(200)
                        .body("$", hasSize(greaterThan(0))));
    }

    private static Map<String, Object> iepBody(String slp, int minutes, String effectiveFrom, String continuesGoal) {
        Map<String, Object> goal = new LinkedHashMap<>(Map.of("area", "EXPRESSIVE_LANGUAGE",
                "skillStage", "GENERALIZATION", "description", "Retell a story with beginning, middle and end",
                "targetPercent", 80, "measurementMethod", "PERCENT_ACCURACY"));
        if (continuesGoal != null) {
            goal.put("continuesGoalId", continuesGoal);
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("startDate", "2026-09-01", "endDate", "2027-06-18",
                "eligibility", "Speech or Language Impairment", "goals", List.of(goal),
                "mandates", List.of(Map.of("serviceType", "SPEECH_LANGUAGE", "sessionsPerInterval", 2,
                        "minutesPerSession", minutes, "interval", "WEEK", "pushInSessions", 1, "pullOutSessions", 1,
                        "delivery", "GROUP", "maxGroupSize", 3, "providerId", slp))));
        if (effectiveFrom != null) {
            body.put("effectiveFrom", effectiveFrom);
            body.put("amendmentReason", "Reduced minutes after progress review");
        }
        return body;
    }

    private static void series(String slp, String schoolId, String setting, String classId, String block, String day,
                               List<Map<String, Object>> students) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerId", slp);
        body.put("schoolId", schoolId);
        body.put("serviceType", "SPEECH_LANGUAGE");
        body.put("setting", setting);
        if (classId != null) {
            body.put("classId", classId);
            body.put("activityBlockId", block);
        } else {
            body.put("room", "Speech room 104");
        }
        body.put("dayOfWeek", day);
        body.put("startTime", setting.equals("PUSH_IN") ? "09:30:00" : "13:00:00");
        body.put("durationMinutes", 30);
        body.put("effectiveFrom", "2026-09-01");
        body.put("students", students);
        body.put("override", Map.of("reason", "The slot the team agreed on"));
        at(ServiceLayout.SCHEDULE).body(body).post("/api/v1/session-series").then().statusCode(201);
    }

    /** The provider documents and signs an occurrence: attendance per student, goal data for one of them. */
    private static String document(String providerToken, String occurrenceId, Map<String, String> attendance,
                                   String goalStudent, String goalId) {
        List<Map<String, Object>> lines = new ArrayList<>();
        attendance.forEach((student, present) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("studentId", student);
            line.put("attendance", present);
            if (student.equals(goalStudent)) {
                line.put("goalData", List.of(Map.of("goalId", goalId, "measure", "TRIALS", "correct", 6,
                        "total", 10, "cueLevel", "MODERATE")));
            }
            lines.add(line);
        });
        String log = as(providerToken, ServiceLayout.SESSION).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("occurrenceId", occurrenceId, "students", lines))
                .post("/api/v1/session-logs").then().statusCode(201).extract().path("id");
        as(providerToken, ServiceLayout.SESSION).body(Map.of("signedBy", "Dana Whitfield", "credentials", "CCC-SLP"))
                .post("/api/v1/session-logs/" + log + "/complete").then().statusCode(200);
        return log;
    }

    /** The SIS's bulk file: district, school, year, a homeroom with its teacher, an SLP and the given students. */
    private byte[] roster(List<String> students) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("orgs.csv", List.of("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
                "dist-" + run + ",,,District " + run + ",district,D" + run + ",",
                "sch-" + run + ",,,School " + run + ",school,S" + run + ",dist-" + run));
        files.put("academicSessions.csv", List.of(
                "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
                "sy-" + run + ",,,2026-2027,schoolYear,2026-09-01,2027-06-18,,2027"));
        files.put("courses.csv", List.of(
                "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes",
                "crs-" + run + ",,,sy-" + run + ",Grade 2 Homeroom,HR02,02,sch-" + run + ",homeroom,"));
        files.put("classes.csv", List.of(
                "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
                "hr-" + run + ",,,Room 2,02,crs-" + run + ",HR02,homeroom,Room 2,sch-" + run + ",sy-" + run + ",homeroom,,1"));
        List<String> users = new ArrayList<>(List.of(
                "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.discipline,metadata.credentials"));
        List<String> enrollments = new ArrayList<>(List.of(
                "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate"));
        users.add("tch-" + run + ",,,true,sch-" + run + ",teacher,tch-" + run + ",,Jordan,Reyes,,T" + run
                + ",jordan." + run + "@example.org,,,,,,TEACHER,");
        users.add("slp-" + run + ",,,true,sch-" + run + ",teacher,slp-" + run + ",,Dana,Whitfield,,P" + run
                + ",dana." + run + "@example.org,,,,,,SLP,CCC-SLP");
        enrollments.add("enr-tch-" + run + ",,,hr-" + run + ",sch-" + run + ",tch-" + run + ",teacher,true,,");
        for (String s : students) {
            String id = "stu-" + s + "-" + run;
            users.add(id + ",,,true,sch-" + run + ",student," + id + ",,Kid" + s.toUpperCase() + ",Case,," + id
                    + ",,,,,02,,,");
            enrollments.add("enr-" + id + ",,,hr-" + run + ",sch-" + run + "," + id + ",student,,,");
        }
        files.put("users.csv", users);
        files.put("enrollments.csv", enrollments);
        return zip(files, "District SIS");
    }

    /** The contract agency's bulk file: the same district and school, only its own SLP. */
    private byte[] agencyRoster() {
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("orgs.csv", List.of("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
                "dist-" + run + ",,,District " + run + ",district,D" + run + ",",
                "sch-" + run + ",,,School " + run + ",school,S" + run + ",dist-" + run));
        files.put("users.csv", List.of(
                "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.discipline,metadata.credentials",
                "slp-agency-" + run + ",,,true,sch-" + run + ",teacher,slp-agency-" + run + ",,Rafael,Ortiz,,A" + run
                        + ",rafael." + run + "@agency.example,,,,,,SLP,CCC-SLP"));
        return zip(files, "Therapy Agency");
    }

    private static byte[] zip(Map<String, List<String>> files, String system) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            StringBuilder manifest = new StringBuilder("propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n");
            for (String name : List.of("academicSessions", "categories", "classes", "classResources", "courses",
                    "courseResources", "demographics", "enrollments", "lineItems", "orgs", "resources", "results",
                    "users")) {
                manifest.append("file.").append(name).append(',')
                        .append(files.containsKey(name + ".csv") ? "bulk" : "absent").append("\r\n");
            }
            manifest.append("source.systemName,").append(system).append("\r\n");
            put(zip, "manifest.csv", manifest.toString());
            for (Map.Entry<String, List<String>> file : files.entrySet()) {
                put(zip, file.getKey(), String.join("\r\n", file.getValue()) + "\r\n");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
