package org.iepservices.session.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.iepservices.access.Role;
import org.iepservices.events.CaseloadAssignmentChanged;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may read and write what, through HTTP with real tokens: authentication, roles per endpoint,
 * and the scope every query applies (a provider's caseload and own logs, a school admin's schools,
 * a district admin's district).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class AccessControlTest {

    private TestWorld world;
    /** A second SLP of the district, with their own caseload. */
    private TestWorld.Provider slp2;
    private UUID north;
    /** On the SLP's (and the OT's) caseload, at the world's school. */
    private TestWorld.Student ava;
    /** On the second SLP's (and the OT's) caseload, at the world's school. */
    private TestWorld.Student ben;
    /** On the SLP's (and the OT's) caseload, at North Elementary. */
    private TestWorld.Student cara;

    @BeforeEach
    void district() throws Exception {
        world = TestWorld.create();
        slp2 = world.staff("SLP", "CCC-SLP", "Rafael", "Ortiz");
        north = world.school("North Elementary");
        ava = world.student();
        ben = world.student(world.school, slp2, true);
        cara = world.student(north, world.slp, true);
        world.awaitKnown(ava, ben, cara);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                world.admin().get("/api/v1/providers/" + slp2.id()).then().statusCode(200));
    }

    @AfterEach
    void close() {
        world.close();
    }

    private RequestSpecification slp2() {
        return world.as(slp2);
    }

    private Map<String, Object> speechLog(TestWorld.Provider provider, TestWorld.Student s, String date) {
        return log(provider, date, "10:00:00", "10:30:00", "PULL_OUT", "INDIVIDUAL",
                line(s.id(), s.speech(), "PRESENT", null));
    }

    private Map<String, Object> reviewMiss(TestWorld.Student s) {
        return new HashMap<>(Map.of("studentId", s.id().toString(), "mandateId", s.speech().toString(),
                "providerId", s.speechProvider().toString(), "setting", "PULL_OUT", "sessionDate", "2026-09-16",
                "minutes", 30, "reason", "OTHER", "note", "assembly ran over"));
    }

    private static void problem(io.restassured.response.ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json").body("status", is(status));
    }

    // --- authentication --------------------------------------------------------------------------

    @Test
    void everyApiCallNeedsAValidBearerTokenWhileHealthAndOpenApiStayOpen() {
        String path = "/api/v1/session-logs";
        given().get(path).then().log().all().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        String expired = TokenIssuer.shared().token("provider-" + world.slp.id(), Role.PROVIDER_NAME)
                .staffId(world.slp.id())
                .issuedAt(Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1)).sign();
        Tokens.as(expired).get(path).then().log().all().statusCode(401);
        String otherKey = TokenIssuer.generate().token("provider-" + world.slp.id(), Role.PROVIDER_NAME)
                .staffId(world.slp.id()).sign();
        Tokens.as(otherKey).get(path).then().statusCode(401);
        String otherIssuer = TokenIssuer.shared().token("provider-" + world.slp.id(), Role.PROVIDER_NAME)
                .claim("iss", "https://someone-else.example/issuer").staffId(world.slp.id())
                .sign();
        Tokens.as(otherIssuer).get(path).then().statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/students/" + ava.id()).then()
                .statusCode(401).body(not(containsString("Johnson")));

        // A write without a token changes nothing.
        given().contentType(ContentType.JSON).body(speechLog(world.slp, ava, "2026-09-15")).post(path).then()
                .statusCode(401);
        assertEquals(0, world.logsOf(world.slp));

        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalToIgnoringCase("bearer"));
    }

    // --- roles -----------------------------------------------------------------------------------

    @Test
    void theSisIntegrationGetsNothingHere() {
        String token = Tokens.sis();
        for (String path : List.of("/api/v1/session-logs", "/api/v1/misses", "/api/v1/students/" + ava.id(),
                "/api/v1/students/" + ava.id() + "/makeup-ledger", "/api/v1/schools/" + world.school,
                "/api/v1/providers/" + world.slp.id(), "/api/v1/medicaid/service-codes",
                "/api/v1/medicaid/claims?from=2026-09-14&to=2026-09-18",
                "/api/v1/districts/" + world.district + "/makeup-policy")) {
            problem(Tokens.as(token).get(path).then(), 403);
        }
        problem(post(Tokens.as(token), "/api/v1/session-logs", speechLog(world.slp, ava, "2026-09-15")), 403);
        assertEquals(0, world.logsOf(world.slp), "the refused write changed nothing");
    }

    @Test
    void teachersGetTheDirectoryButNoClinicalRecord() {
        String log = createLog(world.slp(), speechLog(world.slp, ava, "2026-09-15"));
        RequestSpecification teacher = world.as(world.teacher);
        teacher.get("/api/v1/schools/" + world.school).then().statusCode(200).body("name", is("Maple Elementary"));
        world.as(world.teacher).get("/api/v1/providers/" + world.slp.id()).then().statusCode(200)
                .body("discipline", is("SLP"));
        for (String path : List.of("/api/v1/session-logs", "/api/v1/session-logs/" + log, "/api/v1/misses",
                "/api/v1/students/" + ava.id(), "/api/v1/students/" + ava.id() + "/goals",
                "/api/v1/students/" + ava.id() + "/makeup-ledger", "/api/v1/students/" + ava.id() + "/occurrences",
                "/api/v1/providers/" + world.slp.id() + "/occurrences",
                "/api/v1/medicaid/claims?from=2026-09-14&to=2026-09-18",
                "/api/v1/districts/" + world.district + "/makeup-policy")) {
            problem(world.as(world.teacher).get(path).then(), 403);
        }
        problem(post(world.as(world.teacher), "/api/v1/misses", reviewMiss(ava)), 403);
    }

    @Test
    void eachRoleIsRefusedTheWritesThatAreNotItsOwn() {
        RequestSpecification schoolAdmin = Tokens.as(Tokens.schoolAdmin(world.school));
        problem(post(schoolAdmin, "/api/v1/session-logs", speechLog(world.slp, ava, "2026-09-15")), 403);
        problem(post(Tokens.as(Tokens.schoolAdmin(world.school)), "/api/v1/misses", reviewMiss(ava)), 403);
        problem(Tokens.as(Tokens.schoolAdmin(world.school)).get("/api/v1/students/" + ava.id() + "/service-profile")
                .then(), 403);
        problem(Tokens.as(Tokens.schoolAdmin(world.school))
                .get("/api/v1/medicaid/claims?from=2026-09-14&to=2026-09-18").then(), 403);

        Map<String, Object> policy = Map.of("verdicts", Map.of("STUDENT_ABSENT", "OWED", "STUDENT_UNAVAILABLE", "OWED",
                "PROVIDER_ABSENT", "OWED", "PROVIDER_REASSIGNED", "OWED", "SCHOOL_CLOSED", "OWED",
                "SCHEDULING_ERROR", "OWED", "OTHER", "OWED"));
        String policyPath = "/api/v1/districts/" + world.district + "/makeup-policy";
        problem(world.slp().contentType(ContentType.JSON).body(policy).put(policyPath).then(), 403);
        problem(Tokens.as(Tokens.schoolAdmin(world.school)).contentType(ContentType.JSON).body(policy)
                .put(policyPath).then(), 403);
        problem(world.slp().contentType(ContentType.JSON).body(Map.of("codes", List.of()))
                .put("/api/v1/medicaid/service-codes").then(), 403);
        world.slp().get(policyPath).then().statusCode(200).body("isDefault", is(true));
        world.slp().get("/api/v1/medicaid/service-codes").then().statusCode(200);

        String miss = post(world.slp(), "/api/v1/misses", reviewMiss(ava)).statusCode(201).extract().path("id");
        problem(post(world.slp(), "/api/v1/misses/" + miss + "/resolution",
                Map.of("owed", "OWED", "decidedBy", "me")), 403);
        world.slp().get("/api/v1/misses/" + miss).then().statusCode(200).body("owed", is("REVIEW"));
    }

    // --- provider scope --------------------------------------------------------------------------

    @Test
    void aProviderReadsAndWritesOnlyTheirOwnLogsForTheirCaseload() {
        String avaLog = createLog(world.slp(), speechLog(world.slp, ava, "2026-09-15"));
        String benLog = createLog(slp2(), speechLog(slp2, ben, "2026-09-15"));

        // Lists count only what the caller may see.
        world.slp().get("/api/v1/session-logs").then().statusCode(200)
                .header("X-Total-Count", "1").body("id", contains(avaLog));
        world.slp().queryParam("studentId", ben.id()).get("/api/v1/session-logs").then()
                .header("X-Total-Count", "0").body("$", empty());
        world.admin().get("/api/v1/session-logs").then().header("X-Total-Count", "2")
                .body("id", containsInAnyOrder(avaLog, benLog));

        // Another provider's log does not exist for this one: read, edit, sign, amend.
        problem(world.slp().get("/api/v1/session-logs/" + benLog).then(), 404);
        problem(world.slp().contentType(ContentType.JSON).body(speechLog(world.slp, ava, "2026-09-15"))
                .put("/api/v1/session-logs/" + benLog).then(), 404);
        problem(world.complete(benLog, world.slp), 404);
        problem(post(world.slp(), "/api/v1/session-logs/" + benLog + "/addenda", Map.of("reason", "x",
                "students", List.of(Map.of("studentId", ben.id().toString(), "minutes", 10)))), 404);
        slp2().get("/api/v1/session-logs/" + benLog).then().statusCode(200).body("status", is("DRAFT"))
                .body("students[0].minutes", is(30));

        // A student off the caseload: 404 for every record, 403 for every write naming them.
        for (String path : List.of("", "/mandates", "/goals", "/service-profile", "/occurrences", "/makeup-ledger")) {
            problem(world.slp().get("/api/v1/students/" + ben.id() + path).then(), 404);
        }
        problem(post(world.slp(), "/api/v1/session-logs", speechLog(world.slp, ben, "2026-09-16")), 403);
        problem(post(world.slp(), "/api/v1/misses", reviewMiss(ben)), 403);
        // Their own student, but another provider's session.
        problem(post(world.slp(), "/api/v1/session-logs", speechLog(slp2, ava, "2026-09-16")), 403);
        Map<String, Object> othersMiss = reviewMiss(ava);
        othersMiss.put("providerId", slp2.id().toString());
        problem(post(world.slp(), "/api/v1/misses", othersMiss), 403);
        assertEquals(1, world.logsOf(world.slp), "nothing refused was written");
        world.admin().get("/api/v1/misses").then().header("X-Total-Count", "0");

        // A shared student (both have the OT): the OT sees the student, not the SLP's clinical notes.
        world.as(world.ot).get("/api/v1/students/" + ava.id()).then().statusCode(200);
        world.as(world.ot).get("/api/v1/students/" + ava.id() + "/makeup-ledger").then().statusCode(200);
        problem(world.as(world.ot).get("/api/v1/session-logs/" + avaLog).then(), 404);
        world.as(world.ot).get("/api/v1/session-logs").then().header("X-Total-Count", "0");

        // Misses: the caseload's and their own; the admin records one for ben, the SLP does not see it.
        post(world.slp(), "/api/v1/misses", reviewMiss(ava)).statusCode(201);
        post(world.admin(), "/api/v1/misses", reviewMiss(ben)).statusCode(201);
        world.slp().get("/api/v1/misses").then().header("X-Total-Count", "1")
                .body("studentId", contains(ava.id().toString()));
        world.as(world.ot).get("/api/v1/misses").then().header("X-Total-Count", "2");
        world.admin().get("/api/v1/misses").then().header("X-Total-Count", "2");

        // Claims: their own; another provider's are refused.
        world.complete(avaLog, world.slp).statusCode(200);
        problem(world.slp().queryParam("from", "2026-09-14").queryParam("to", "2026-09-18")
                .queryParam("providerId", slp2.id()).get("/api/v1/medicaid/claims").then(), 403);
        world.slp().queryParam("from", "2026-09-14").queryParam("to", "2026-09-18").accept(ContentType.JSON)
                .get("/api/v1/medicaid/claims").then().statusCode(200)
                .body("providerId", is(world.slp.id().toString()))
                .body("lines.studentId", contains(ava.id().toString()));
    }

    @Test
    void onlyTheLogsProviderSignsItAndAdminsCorrectOnlyAttendanceAndMinutes() {
        // The district admin prepares a draft for the SLP, the SLP signs it.
        String id = createLog(world.admin(), speechLog(world.slp, ava, "2026-09-15"));
        problem(post(world.admin(), "/api/v1/session-logs/" + id + "/complete", Map.of()), 403);
        String lead = Tokens.withRoles("lead-slp", slp2.id(), world.district, Role.PROVIDER_NAME,
                Role.DISTRICT_ADMIN_NAME);
        problem(post(Tokens.as(lead), "/api/v1/session-logs/" + id + "/complete", Map.of()), 403);
        problem(post(slp2(), "/api/v1/session-logs/" + id + "/complete", Map.of()), 404);
        world.slp().get("/api/v1/session-logs/" + id).then().body("status", is("DRAFT"));

        post(world.slp(), "/api/v1/session-logs/" + id + "/complete", Map.of()).statusCode(200)
                .body("status", is("COMPLETED"))
                .body("signature.signerId", is(world.slp.id().toString()))
                .body("signature.signedBy", is("Dana Whitfield"))
                .body("signature.credentials", is("M.S., CCC-SLP"));

        // Corrections: the admin may fix minutes; goal data and notes are the clinician's.
        problem(post(world.admin(), "/api/v1/session-logs/" + id + "/addenda", Map.of("reason", "audit",
                "students", List.of(Map.of("studentId", ava.id().toString(), "progressNote", "changed")))), 403);
        post(world.admin(), "/api/v1/session-logs/" + id + "/addenda", Map.of("reason", "attendance audit",
                "students", List.of(Map.of("studentId", ava.id().toString(), "attendance", "PARTIAL", "minutes", 20))))
                .statusCode(201)
                .body("students[0].minutes", is(20))
                .body("addenda[0].authorRole", is("district-admin"))
                .body("addenda[0].authorSubject", is("district-admin-" + world.district))
                .body("addenda[0].author", is("District admin"));
        post(world.slp(), "/api/v1/session-logs/" + id + "/addenda", Map.of("reason", "note",
                "students", List.of(Map.of("studentId", ava.id().toString(), "progressNote", "left for the nurse"))))
                .statusCode(201)
                .body("addenda[1].authorRole", is("provider"))
                .body("addenda[1].author", is("Dana Whitfield"));
    }

    @Test
    void theProvidersOwnOccurrencesPutAStudentOnTheirCaseloadAndAnEndedAssignmentTakesThemOff() throws Exception {
        TestWorld.Student dan = world.student(world.school, slp2, false);
        world.awaitKnown(dan);
        problem(world.slp().get("/api/v1/students/" + dan.id()).then(), 404);

        UUID occurrence = UUID.randomUUID();
        world.events.send(SessionSeriesScheduled.TYPE, dan.id(), new SessionSeriesScheduled(UUID.randomUUID(),
                dan.id(), dan.speech(), world.slp.id(), "SPEECH_LANGUAGE", ServiceSetting.PULL_OUT, world.school,
                null, List.of(), null, null, "Room 12", DayOfWeek.TUESDAY, LocalTime.of(13, 0), 30,
                LocalDate.of(2026, 9, 15), LocalDate.of(2026, 9, 15), 1,
                List.of(new SessionSeriesScheduled.Occurrence(occurrence, LocalDate.of(2026, 9, 15),
                        LocalTime.of(13, 0), 30, List.of()))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                world.slp().get("/api/v1/students/" + dan.id()).then().statusCode(200));
        world.slp().get("/api/v1/occurrences/" + occurrence).then().statusCode(200)
                .body("students.studentId", contains(dan.id().toString()));
        post(world.slp(), "/api/v1/session-logs", Map.of("occurrenceId", occurrence.toString())).statusCode(201);

        // An assignment that ends takes the student off; an older event arriving late does not bring them back.
        TestWorld.Student eve = world.student(world.school, slp2, false);
        world.awaitKnown(eve); // her IEP too, or the log below is a retryable 422
        UUID assignment = UUID.randomUUID();
        OffsetDateTime assigned = OffsetDateTime.now().minusMinutes(10);
        CaseloadAssignmentChanged active = new CaseloadAssignmentChanged(assignment, eve.id(), world.slp.id(),
                "SPEECH_LANGUAGE", eve.speech(), IEP_START, IEP_END, true);
        world.events.send("roster.events", world.events.envelope(CaseloadAssignmentChanged.TYPE, eve.id(), active,
                assigned));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                world.slp().get("/api/v1/students/" + eve.id()).then().statusCode(200));
        String evesLog = createLog(world.slp(), speechLog(world.slp, eve, "2026-09-16"));

        CaseloadAssignmentChanged ended = new CaseloadAssignmentChanged(assignment, eve.id(), world.slp.id(),
                "SPEECH_LANGUAGE", eve.speech(), IEP_START, LocalDate.now().minusDays(2), true);
        world.events.send("roster.events", world.events.envelope(CaseloadAssignmentChanged.TYPE, eve.id(), ended,
                assigned.plusMinutes(5)));
        world.events.send("roster.events", world.events.envelope(CaseloadAssignmentChanged.TYPE, eve.id(), active,
                assigned.plusMinutes(1)));
        // A marker on the same key: once it shows, the late event before it has been consumed too.
        world.events.send(StudentUpserted.TYPE, eve.id(), new StudentUpserted(eve.id(), "stu-" + eve.id(), "Eve",
                "Marker", "3", world.school, "active"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                world.admin().get("/api/v1/students/" + eve.id()).then().body("familyName", is("Marker")));
        problem(world.slp().get("/api/v1/students/" + eve.id()).then(), 404);
        problem(post(world.slp(), "/api/v1/session-logs", speechLog(world.slp, eve, "2026-09-17")), 403);
        // What they wrote stays theirs to read.
        world.slp().get("/api/v1/session-logs/" + evesLog).then().statusCode(200)
                .body("students[0].studentId", is(eve.id().toString()));
    }

    // --- school and district scope ---------------------------------------------------------------

    @Test
    void aSchoolAdminSeesTheirSchoolsStudentsOnlyAndResolvesReviewsThere() {
        String avaLog = createLog(world.slp(), speechLog(world.slp, ava, "2026-09-15"));
        String caraLog = createLog(world.slp(), speechLog(world.slp, cara, "2026-09-15"));
        String group = createLog(world.slp(), log(world.slp, "2026-09-16", "09:00:00", "09:30:00", "PULL_OUT",
                "SMALL_GROUP", line(ava.id(), ava.speech(), "PRESENT", null),
                line(cara.id(), cara.speech(), "PRESENT", null)));
        RequestSpecification northAdmin = Tokens.as(Tokens.schoolAdmin(north));
        northAdmin.get("/api/v1/session-logs").then().statusCode(200).header("X-Total-Count", "2")
                .body("id", containsInAnyOrder(caraLog, group));
        Tokens.as(Tokens.schoolAdmin(north)).get("/api/v1/session-logs/" + group).then().statusCode(200)
                .body("students.studentId", contains(cara.id().toString()));
        problem(Tokens.as(Tokens.schoolAdmin(north)).get("/api/v1/session-logs/" + avaLog).then(), 404);
        Tokens.as(Tokens.schoolAdmin(world.school, north)).get("/api/v1/session-logs").then()
                .header("X-Total-Count", "3");
        Tokens.as(Tokens.schoolAdmin(world.school, north)).get("/api/v1/session-logs/" + group).then()
                .body("students", hasSize(2));

        String avaMiss = post(world.slp(), "/api/v1/misses", reviewMiss(ava)).statusCode(201).extract().path("id");
        String caraMiss = post(world.slp(), "/api/v1/misses", reviewMiss(cara)).statusCode(201).extract().path("id");
        Tokens.as(Tokens.schoolAdmin(north)).queryParam("owed", "REVIEW").get("/api/v1/misses").then()
                .header("X-Total-Count", "1").body("id", contains(caraMiss));
        problem(Tokens.as(Tokens.schoolAdmin(north)).get("/api/v1/misses/" + avaMiss).then(), 404);
        problem(post(Tokens.as(Tokens.schoolAdmin(north)), "/api/v1/misses/" + avaMiss + "/resolution",
                Map.of("owed", "OWED", "decidedBy", "North IEP team")), 404);
        post(Tokens.as(Tokens.schoolAdmin(north)), "/api/v1/misses/" + caraMiss + "/resolution",
                Map.of("owed", "OWED", "decidedBy", "North IEP team")).statusCode(200).body("owed", is("OWED"));
        world.admin().get("/api/v1/misses/" + avaMiss).then().body("owed", is("REVIEW"));

        problem(Tokens.as(Tokens.schoolAdmin(north)).get("/api/v1/students/" + ava.id()).then(), 404);
        problem(Tokens.as(Tokens.schoolAdmin(north)).get("/api/v1/students/" + ava.id() + "/makeup-ledger").then(),
                404);
        Tokens.as(Tokens.schoolAdmin(north)).get("/api/v1/students/" + cara.id() + "/makeup-ledger").then()
                .statusCode(200).body("mandates[0].owedMinutes", is(30));
        // A school admin token without schools sees nobody.
        Tokens.as(Tokens.schoolAdmin()).get("/api/v1/session-logs").then().statusCode(200)
                .header("X-Total-Count", "0");
    }

    @Test
    void aDistrictAdminSeesTheirDistrictOnly() throws Exception {
        String avaLog = createLog(world.slp(), speechLog(world.slp, ava, "2026-09-15"));
        world.complete(avaLog, world.slp).statusCode(200);
        try (TestWorld other = TestWorld.create()) {
            TestWorld.Student elsewhere = other.student();
            other.awaitKnown(elsewhere);
            String theirs = createLog(other.slp(), other.speechLog(elsewhere, "PRESENT", null));
            other.complete(theirs, other.slp).statusCode(200);

            problem(world.admin().get("/api/v1/session-logs/" + theirs).then(), 404);
            world.admin().queryParam("providerId", other.slp.id()).get("/api/v1/session-logs").then()
                    .header("X-Total-Count", "0");
            problem(world.admin().get("/api/v1/students/" + elsewhere.id()).then(), 404);
            problem(post(world.admin(), "/api/v1/misses", MissResourceTest.miss(other, elsewhere, "PROVIDER_ABSENT",
                    null)), 403);
            problem(world.admin().contentType(ContentType.JSON).body(Map.of("verdicts", Map.of()))
                    .put("/api/v1/districts/" + other.district + "/makeup-policy").then(), 403);
            world.admin().queryParam("from", "2026-09-14").queryParam("to", "2026-09-18").accept(ContentType.JSON)
                    .get("/api/v1/medicaid/claims").then().statusCode(200)
                    .body("lines.studentId", hasItem(ava.id().toString()))
                    .body("lines.studentId", not(hasItem(elsewhere.id().toString())));
            other.admin().get("/api/v1/session-logs/" + theirs).then().statusCode(200);
            // A single-district deployment's admin (no district claim) sees both.
            Tokens.as(Tokens.districtAdminWithoutDistrict()).get("/api/v1/session-logs/" + theirs).then()
                    .statusCode(200);
        }
    }

    // --- teachers: the push-in schedule and debriefs of their class ------------------------------

    @Test
    void aTeacherSeesThePushInScheduleAndDebriefOfTheirClassButNoClinicalNote() throws Exception {
        TestWorld.Provider otherTeacher = world.staff("TEACHER", null, "Sam", "Lee");
        UUID classId = UUID.randomUUID();
        UUID occurrence = UUID.randomUUID();
        world.events.send(SessionSeriesScheduled.TYPE, ava.id(), new SessionSeriesScheduled(UUID.randomUUID(),
                ava.id(), ava.speech(), world.slp.id(), "SPEECH_LANGUAGE", ServiceSetting.PUSH_IN, world.school,
                classId, List.of(world.teacher.id()), UUID.randomUUID(), "CENTERS", null, DayOfWeek.THURSDAY,
                LocalTime.of(10, 15), 30, LocalDate.of(2026, 9, 17), LocalDate.of(2026, 9, 17), 1,
                List.of(new SessionSeriesScheduled.Occurrence(occurrence, LocalDate.of(2026, 9, 17),
                        LocalTime.of(10, 15), 30, List.of()))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                world.slp().get("/api/v1/occurrences/" + occurrence).then().statusCode(200));
        String pushIns = "/api/v1/teachers/" + world.teacher.id() + "/push-in-occurrences?from=2026-09-14&to=2026-09-18";
        String debriefs = "/api/v1/teachers/" + world.teacher.id() + "/push-in-debriefs?from=2026-09-14&to=2026-09-18";
        world.as(world.teacher).get(pushIns).then().statusCode(200)
                .body("occurrenceId", contains(occurrence.toString()))
                .body("[0].providerName", is("Dana Whitfield"))
                .body("[0].activitySubject", is("CENTERS"))
                .body("[0].students.studentId", contains(ava.id().toString()))
                .body("[0]", not(hasKey("mandateId")));

        Map<String, Object> withNotes = new HashMap<>(Map.of("occurrenceId", occurrence.toString(),
                "note", "clinical: frustrated with /r/ today",
                "pushIn", Map.of("coTeachingModel", "STATION", "teacherDebriefNote", "Ava used the sentence frames"),
                "students", List.of(Map.of("studentId", ava.id().toString(), "mandateId", ava.speech().toString(),
                        "attendance", "PRESENT", "progressNote", "clinical: 4/10 /r/ in words",
                        "goalData", List.of(trials(ava.speechGoal(), 4, 10))))));
        String log = createLog(world.slp(), withNotes);

        try (SessionEventsProbe audit = new SessionEventsProbe("audit.events")) {
            String teacherSubject = "teacher-" + world.teacher.id();
            world.as(world.teacher).header("X-Access-Purpose", "plan Thursday centers").get(debriefs).then()
                    .statusCode(200)
                    .body("sessionLogId", contains(log))
                    .body("[0].teacherDebriefNote", is("Ava used the sentence frames"))
                    .body("[0].coTeachingModel", is("STATION"))
                    .body("[0].students.studentId", contains(ava.id().toString()))
                    .body("[0].students[0].status", is("PRESENT"))
                    .body("[0]", not(hasKey("note")))
                    .body("[0].students[0]", not(hasKey("goalData")))
                    .body("[0].students[0]", not(hasKey("progressNote")))
                    .body("[0].students[0]", not(hasKey("minutes")))
                    .body(not(containsString("clinical")));
            var read = audit.await(e -> teacherSubject.equals(e.path("data").path("actor").asText())
                    && "push-in-debriefs".equals(e.path("data").path("resourceType").asText()), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, read.size(), "the teacher's read is audited");
            var data = read.get(0).path("data");
            assertEquals("teacher", data.path("actorRole").asText());
            assertEquals("READ", data.path("action").asText());
            assertEquals(world.teacher.id().toString(), data.path("resourceId").asText());
            assertEquals(List.of(ava.id().toString()), strings(data.path("studentIds")));
            assertEquals("plan Thursday centers", data.path("purpose").asText());
        }

        // Another teacher's class is nobody's business; clinical records stay closed.
        problem(world.as(world.teacher).get("/api/v1/teachers/" + otherTeacher.id()
                + "/push-in-debriefs?from=2026-09-14&to=2026-09-18").then(), 404);
        world.as(otherTeacher).get("/api/v1/teachers/" + otherTeacher.id()
                + "/push-in-debriefs?from=2026-09-14&to=2026-09-18").then().statusCode(200).body("$", empty());
        problem(world.as(world.teacher).get("/api/v1/session-logs/" + log).then(), 403);
        problem(world.as(world.teacher).get("/api/v1/students/" + ava.id() + "/service-profile").then(), 403);
        problem(world.slp().get(debriefs).then(), 403);
        problem(Tokens.as(Tokens.sis()).get(debriefs).then(), 403);
        problem(world.as(world.teacher).get(debriefs.replace("to=2026-09-18", "to=2027-09-18")).then(), 400);
        // Admins see the debriefs of their students only.
        world.admin().get(debriefs).then().statusCode(200).body("sessionLogId", contains(log));
        Tokens.as(Tokens.schoolAdmin(north)).get(debriefs).then().statusCode(200).body("$", empty());
        Tokens.as(Tokens.schoolAdmin(north)).get(pushIns).then().statusCode(200).body("$", empty());
    }

    // --- the access audit ------------------------------------------------------------------------

    @Test
    void everyReadAndWriteOfAStudentRecordIsOnAuditEventsAndARefusalIsNot() throws Exception {
        String slpSubject = "provider-" + world.slp.id();
        // The world's setup polled with these tokens too (audited like any read): count from here on.
        OffsetDateTime since = OffsetDateTime.now();
        java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> recent = e ->
                !OffsetDateTime.parse(e.path("data").path("at").asText()).isBefore(since);
        try (SessionEventsProbe audit = new SessionEventsProbe("audit.events")) {
            // Refused (outside the caseload): no trace of ben. Then allowed reads and a write.
            problem(world.slp().get("/api/v1/students/" + ben.id()).then(), 404);
            world.slp().header("X-Access-Purpose", "session prep").get("/api/v1/students/" + ava.id()).then()
                    .statusCode(200);
            String log = createLog(world.slp(), speechLog(world.slp, ava, "2026-09-15"));
            world.slp().get("/api/v1/session-logs/" + log).then().statusCode(200);
            world.slp().get("/api/v1/session-logs").then().statusCode(200).header("X-Total-Count", "1");

            var mine = audit.await(e -> recent.test(e) && slpSubject.equals(e.path("data").path("actor").asText()), 4,
                    Duration.ofSeconds(20));
            assertEquals(4, mine.size(), "one record per allowed access: " + mine);
            var student = mine.get(0).path("data");
            assertEquals("RecordAccessed", mine.get(0).path("type").asText());
            assertEquals("READ", student.path("action").asText());
            assertEquals("provider", student.path("actorRole").asText());
            assertEquals("session-service", student.path("service").asText());
            assertEquals("student", student.path("resourceType").asText());
            assertEquals(ava.id().toString(), student.path("resourceId").asText());
            assertEquals(List.of(ava.id().toString()), strings(student.path("studentIds")));
            assertEquals("session prep", student.path("purpose").asText());
            assertEquals("GET", student.path("method").asText());
            assertEquals("/api/v1/students/" + ava.id(), student.path("path").asText());

            var write = mine.get(1).path("data");
            assertEquals("WRITE", write.path("action").asText());
            assertEquals("session-log", write.path("resourceType").asText());
            assertEquals(log, write.path("resourceId").asText());
            assertEquals(List.of(ava.id().toString()), strings(write.path("studentIds")));
            var read = mine.get(2).path("data");
            assertEquals("READ", read.path("action").asText());
            assertEquals(log, read.path("resourceId").asText());
            var list = mine.get(3).path("data");
            assertEquals("session-log", list.path("resourceType").asText());
            assertEquals("", list.path("resourceId").asText(""));
            assertEquals(List.of(ava.id().toString()), strings(list.path("studentIds")));
            // Every record of one actor shares a partition (key = actor): the refused read would sit before these.
            assertEquals(0, audit.seen.stream().filter(r -> r.value().contains(ben.id().toString())
                    && r.value().contains(slpSubject)).count(), "the 404 left no audit record");

            // A list names every student it showed; a claim export is an EXPORT of all its students.
            String benLog = createLog(slp2(), speechLog(slp2, ben, "2026-09-15"));
            world.complete(benLog, slp2).statusCode(200);
            String adminSubject = "district-admin-" + world.district;
            world.admin().get("/api/v1/session-logs").then().header("X-Total-Count", "2");
            world.admin().queryParam("from", "2026-09-14").queryParam("to", "2026-09-18").accept(ContentType.JSON)
                    .get("/api/v1/medicaid/claims").then().statusCode(200);
            var admin = audit.await(e -> recent.test(e) && adminSubject.equals(e.path("data").path("actor").asText()), 2,
                    Duration.ofSeconds(20));
            assertEquals(2, admin.size());
            assertEquals("district-admin", admin.get(0).path("data").path("actorRole").asText());
            assertEquals(java.util.Set.of(ava.id().toString(), ben.id().toString()),
                    java.util.Set.copyOf(strings(admin.get(0).path("data").path("studentIds"))));
            assertEquals("EXPORT", admin.get(1).path("data").path("action").asText());
            assertEquals("medicaid-claims", admin.get(1).path("data").path("resourceType").asText());
            // Unsigned lines stay in the export (reason UNSIGNED): both students were in it.
            assertEquals(java.util.Set.of(ava.id().toString(), ben.id().toString()),
                    java.util.Set.copyOf(strings(admin.get(1).path("data").path("studentIds"))));
        }
    }

    private static List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
