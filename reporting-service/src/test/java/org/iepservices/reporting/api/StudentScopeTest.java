package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.iepservices.access.Role;
import org.iepservices.events.CaseloadAssignmentChanged;
import org.iepservices.events.ClassUpserted;
import org.iepservices.events.EnrollmentChanged;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.iepservices.reporting.testing.Caller.given;

/**
 * Student scope (README "Access"): every student-level view answers only for the students the
 * caller may see, computed in SQL from reporting's event copies; a student outside scope is a 404
 * like an unknown one, and rollups, counts and sums cover the visible students only. Every read
 * that shows students is audited: RecordAccessed goes through reporting's outbox to audit.events
 * and comes back into the access trail, with actor, role, resource, student ids and purpose.
 *
 * <p>The scenario: a district with Lincoln and Washington, and a school of another district. Every
 * student has a speech mandate naming the SLP and an owed miss (30 minutes) in the week of Sep 14,
 * so every one of them is out of compliance there. Ava (Lincoln) is on the SLP's caseload (an
 * active assignment); Ben (Lincoln) was assigned and released (the assignment ended); Cy
 * (Washington) has no assignment but is in a pull-out series the SLP runs; Dee goes to the other
 * district's school. Ava is enrolled in the teacher's class; Ben gets push-in (from the OT) in that
 * class without being enrolled in it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class StudentScopeTest {

    private static final LocalDate SEPT_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate TUE = LocalDate.of(2026, 9, 15);
    private static final LocalDate NEXT_TUE = LocalDate.of(2026, 9, 29);
    private static final String RANGE = "?from=2026-09-14&to=2026-09-20";

    private final ComplianceEvents events = new ComplianceEvents(LocalDate.of(2026, 8, 20));
    private final UUID district = UUID.randomUUID();
    private final UUID otherDistrict = UUID.randomUUID();
    private final UUID lincoln = UUID.randomUUID();
    private final UUID washington = UUID.randomUUID();
    private final UUID elsewhere = UUID.randomUUID();
    private final UUID slp = UUID.randomUUID();
    private final UUID ot = UUID.randomUUID();
    private final UUID teacher = UUID.randomUUID();
    private final UUID otherTeacher = UUID.randomUUID();
    private final UUID schoolClass = UUID.randomUUID();
    private final UUID ava = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID cy = UUID.randomUUID();
    private final UUID dee = UUID.randomUUID();
    /** Unique per run: the broker and the trail are shared with the other test classes. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    @AfterEach
    void close() {
        events.close();
    }

    private RequestSpecification provider() {
        return provider("slp-" + run);
    }

    private RequestSpecification provider(String subject) {
        return as(TokenIssuer.shared().token(subject, Role.PROVIDER_NAME).staffId(slp));
    }

    private RequestSpecification schoolAdmin() {
        return as(TokenIssuer.shared()
                .token("principal-" + run, Role.SCHOOL_ADMIN_NAME).schoolIds(List.of(lincoln)));
    }

    private RequestSpecification districtAdmin() {
        return as(TokenIssuer.shared()
                .token("director-" + run, Role.DISTRICT_ADMIN_NAME).districtId(district));
    }

    private RequestSpecification teacher() {
        return as(TokenIssuer.shared().token("teacher-" + run, Role.TEACHER_NAME)
                .staffId(teacher));
    }

    private static RequestSpecification as(TokenIssuer.Builder token) {
        return RestAssured.given().auth().oauth2(token.sign());
    }

    private void setUp() throws Exception {
        events.send(events.school(lincoln, district, "Lincoln"), events.school(washington, district, "Washington"),
                events.school(elsewhere, otherDistrict, "Elsewhere"), events.staff(slp, "Sam", "Speech"),
                events.staff(ot, "Olga", "Therapy"), events.staff(teacher, "Tess", "Teacher"));
        UUID[] students = {ava, ben, cy, dee};
        UUID[] schools = {lincoln, lincoln, washington, elsewhere};
        String[] names = {"Ava", "Ben", "Cy", "Dee"};
        UUID[] mandates = new UUID[4];
        events.on(LocalDate.of(2026, 8, 25));
        for (int i = 0; i < 4; i++) {
            mandates[i] = UUID.randomUUID();
            events.send(events.student(students[i], schools[i], names[i], "Scope"),
                    events.iep(UUID.randomUUID(), students[i], null, SEPT_1, ComplianceEvents.speech(mandates[i], null,
                            slp, 1, 1, 30, SEPT_1, LocalDate.of(2027, 6, 18))));
        }
        var publisher = events.publisher;
        publisher.send(CaseloadAssignmentChanged.TYPE, ava, new CaseloadAssignmentChanged(UUID.randomUUID(), ava, slp,
                "SPEECH_LANGUAGE", mandates[0], SEPT_1, null, true));
        UUID released = UUID.randomUUID();
        publisher.send(CaseloadAssignmentChanged.TYPE, ben, new CaseloadAssignmentChanged(released, ben, slp,
                "SPEECH_LANGUAGE", mandates[1], SEPT_1, null, true));
        publisher.send(CaseloadAssignmentChanged.TYPE, ben, new CaseloadAssignmentChanged(released, ben, slp,
                "SPEECH_LANGUAGE", mandates[1], SEPT_1, LocalDate.of(2026, 9, 10), false));
        // Cy: in the SLP's pull-out series (no assignment).
        events.send(events.series(UUID.randomUUID(), cy, mandates[2], slp, washington, ServiceSetting.PULL_OUT,
                List.of(ComplianceEvents.occurrence(UUID.randomUUID(), NEXT_TUE, 30))));
        // The teacher's class: Ava enrolled; Ben and Ava get push-in there on Sep 29 (from the OT, so
        // that Ben is in no series of the SLP).
        publisher.send(ClassUpserted.TYPE, schoolClass, new ClassUpserted(schoolClass, "cls-" + run, "Grade 3",
                "homeroom", lincoln, List.of("03"), List.of(), List.of(), "active"));
        publisher.send(EnrollmentChanged.TYPE, teacher, new EnrollmentChanged(UUID.randomUUID(), "e1-" + run,
                schoolClass, lincoln, teacher, "teacher", true, SEPT_1, null, "active"));
        publisher.send(EnrollmentChanged.TYPE, ava, new EnrollmentChanged(UUID.randomUUID(), "e2-" + run,
                schoolClass, lincoln, ava, "student", false, SEPT_1, null, "active"));
        for (int i = 0; i < 2; i++) {
            publisher.send(SessionSeriesScheduled.TYPE, students[i], new SessionSeriesScheduled(UUID.randomUUID(),
                    students[i], mandates[i], ot, "SPEECH_LANGUAGE", ServiceSetting.PUSH_IN, lincoln, schoolClass,
                    List.of(teacher), null, "ELA_READING", null, DayOfWeek.TUESDAY, LocalTime.of(10, 0), 30,
                    NEXT_TUE, NEXT_TUE, 2, List.of(ComplianceEvents.occurrence(UUID.randomUUID(), NEXT_TUE, 30))));
        }
        // Every student: one owed miss in the week of Sep 14.
        events.on(TUE);
        for (int i = 0; i < 4; i++) {
            events.send(events.missed(UUID.randomUUID(), students[i], mandates[i], slp, ServiceSetting.PULL_OUT, TUE,
                    30, "PROVIDER_ABSENT", "OWED", null));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get("/api/v1/compliance/providers/" + slp + RANGE).then().statusCode(200)
                    .header("X-Total-Count", "4").body("minutes.owedBalance", is(120));
            given().get("/api/v1/teachers/" + teacher + "/push-in?from=2026-09-28&to=2026-09-30").then()
                    .statusCode(200).body("upcoming", org.hamcrest.Matchers.hasSize(2));
            // (another subject than the tests': these reads are audited too)
            provider("ready-" + run).get("/api/v1/compliance/students/" + ava + RANGE).then().statusCode(200);
            provider("ready-" + run).get("/api/v1/compliance/students/" + cy + RANGE).then().statusCode(200);
            try (var c = db.getConnection(); var st = c.prepareStatement(
                    "select active from caseload_assignment where assignment_id = ?")) {
                st.setObject(1, released);
                try (var rs = st.executeQuery()) {
                    org.junit.jupiter.api.Assertions.assertTrue(rs.next() && !rs.getBoolean(1), "release applied");
                }
            }
        });
    }

    private static final List<String> STUDENT_VIEWS = List.of("/api/v1/compliance/students/%s" + RANGE,
            "/api/v1/students/%s/makeup-ledger", "/api/v1/students/%s/pull-out-cost",
            "/api/v1/delivered-minutes/students/%s", "/api/v1/students/%s/goals/progress",
            "/api/v1/students/%s/goals/" + UUID.randomUUID() + "/progress",
            "/api/v1/students/%s/progress-summary" + RANGE);

    private static void visible(RequestSpecification caller, UUID student) {
        for (String view : STUDENT_VIEWS) {
            if (view.contains("/goals/") && !view.endsWith("/goals/progress")) {
                continue; // no goal: a 404 for everyone
            }
            caller.get(view.formatted(student)).then().statusCode(200);
        }
        caller.accept("text/csv").get(STUDENT_VIEWS.get(0).formatted(student)).then().statusCode(200);
    }

    private static void invisible(RequestSpecification caller, UUID student) {
        for (String view : STUDENT_VIEWS) {
            caller.get(view.formatted(student)).then().statusCode(404)
                    .contentType("application/problem+json").body("status", is(404));
        }
        caller.accept("text/csv").get(STUDENT_VIEWS.get(0).formatted(student)).then().statusCode(404);
    }

    @Test
    void aProviderSeesTheirCaseloadAndTheStudentsOfTheirSeriesOnly() throws Exception {
        setUp();
        visible(provider(), ava);
        visible(provider(), cy);
        invisible(provider(), ben); // the assignment ended
        invisible(provider(), dee);

        // Their rollup: the visible students only, in counts, sums and the list.
        provider().get("/api/v1/compliance/providers/" + slp + RANGE).then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("students.total", is(2)).body("students.outOfCompliance", is(2))
                .body("periods", is(2)).body("minutes.owedBalance", is(60))
                .body("studentsAtRisk.studentId", containsInAnyOrder(ava.toString(), cy.toString()))
                .body("breakdown.students", containsInAnyOrder(1, 1));
        String csv = provider().accept("text/csv").get("/api/v1/compliance/providers/" + slp + RANGE).then()
                .statusCode(200).header("X-Total-Count", "2").extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(3, csv.lines().count(), csv);
        provider().get("/api/v1/providers/" + slp + "/caseload-report" + RANGE).then().statusCode(200)
                .body("caseloadSize", is(2))
                .body("students.studentId", containsInAnyOrder(ava.toString(), cy.toString()))
                .body("missed.minutes", is(60));

        // Another provider's views are not theirs to see.
        provider().get("/api/v1/compliance/providers/" + ot + RANGE).then().statusCode(404);
        provider().get("/api/v1/providers/" + ot + "/caseload-report" + RANGE).then().statusCode(404);
        // A district administrator without a district sees all four.
        given().get("/api/v1/providers/" + slp + "/caseload-report" + RANGE).then().statusCode(200)
                .body("caseloadSize", is(4)).body("missed.minutes", is(120));
    }

    @Test
    void aSchoolAdminSeesTheirSchoolsAndADistrictAdminTheirDistrict() throws Exception {
        setUp();
        visible(schoolAdmin(), ava);
        visible(schoolAdmin(), ben);
        invisible(schoolAdmin(), cy);
        invisible(schoolAdmin(), dee);
        schoolAdmin().get("/api/v1/compliance/schools/" + lincoln + RANGE).then().statusCode(200)
                .header("X-Total-Count", "2").body("students.total", is(2))
                .body("studentsAtRisk.studentId", containsInAnyOrder(ava.toString(), ben.toString()));
        schoolAdmin().get("/api/v1/compliance/schools/" + washington + RANGE).then().statusCode(404);
        schoolAdmin().accept("text/csv").get("/api/v1/compliance/schools/" + washington + RANGE).then()
                .statusCode(404);
        schoolAdmin().get("/api/v1/compliance/providers/" + slp + RANGE).then().statusCode(200)
                .header("X-Total-Count", "2").body("minutes.owedBalance", is(60))
                .body("breakdown.id", contains(lincoln.toString()));
        schoolAdmin().get("/api/v1/providers/" + slp + "/caseload-report" + RANGE).then().statusCode(200)
                .body("students.studentId", containsInAnyOrder(ava.toString(), ben.toString()));

        visible(districtAdmin(), cy);
        invisible(districtAdmin(), dee);
        districtAdmin().get("/api/v1/compliance/districts/" + district + RANGE).then().statusCode(200)
                .header("X-Total-Count", "3").body("students.total", is(3)).body("minutes.owedBalance", is(90));
        districtAdmin().get("/api/v1/compliance/districts/" + otherDistrict + RANGE).then().statusCode(404);
        districtAdmin().get("/api/v1/compliance/schools/" + elsewhere + RANGE).then().statusCode(404);
        districtAdmin().get("/api/v1/compliance/providers/" + slp + RANGE).then().statusCode(200)
                .header("X-Total-Count", "3").body("studentsAtRisk.studentId", not(hasItem(dee.toString())));
        // Without a district in the token: every student (one district per deployment).
        given().get("/api/v1/compliance/students/" + dee + RANGE).then().statusCode(200);
    }

    @Test
    void aTeacherSeesTheStudentsOfTheirClassesInTheirOwnViewOnly() throws Exception {
        setUp();
        String week = "?from=2026-09-28&to=2026-09-30";
        teacher().get("/api/v1/teachers/" + teacher + "/push-in" + week).then().statusCode(200)
                .body("upcoming", org.hamcrest.Matchers.hasSize(1))
                .body("upcoming[0].students.id", contains(ava.toString()));
        // An administrator sees both push-in students of the class.
        given().get("/api/v1/teachers/" + teacher + "/push-in" + week).then().statusCode(200)
                .body("upcoming.students.id.flatten()", containsInAnyOrder(ava.toString(), ben.toString()));
        teacher().get("/api/v1/teachers/" + otherTeacher + "/push-in" + week).then().statusCode(404);
        // Clinical and compliance views stay closed to teachers (403 by role, before any scope).
        teacher().get("/api/v1/compliance/students/" + ava + RANGE).then().statusCode(403);
        teacher().get("/api/v1/students/" + ava + "/goals/progress").then().statusCode(403);
    }

    @Test
    void readsAndExportsAreAuditedWithEveryStudentShownAndOutOfScopeReadsAreNot() throws Exception {
        setUp();
        String subject = "slp-" + run;
        provider().header("X-Access-Purpose", "caseload review")
                .get("/api/v1/compliance/providers/" + slp + RANGE).then().statusCode(200);
        provider().get("/api/v1/compliance/students/" + ben + RANGE).then().statusCode(404);
        provider().accept("text/csv").get("/api/v1/providers/" + slp + "/caseload-report" + RANGE).then()
                .statusCode(200);
        provider().header("X-Access-Purpose", "annual review")
                .get("/api/v1/students/" + ava + "/makeup-ledger").then().statusCode(200);

        // Through the outbox to audit.events and back into the trail (one partition per actor: in order).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("actor", subject)
                .get("/api/v1/audit/access").then().statusCode(200).header("X-Total-Count", "3"));
        given().queryParam("actor", subject).get("/api/v1/audit/access").then().statusCode(200)
                .body("action", contains("READ", "EXPORT", "READ"))
                .body("service", contains("reporting-service", "reporting-service", "reporting-service"))
                .body("actorRole", contains("provider", "provider", "provider"))
                .body("resourceType", contains("makeup-ledger", "caseload-report", "compliance-provider"))
                .body("resourceId", contains(ava.toString(), slp.toString(), slp.toString()))
                .body("[0].studentIds", contains(ava.toString()))
                .body("[0].purpose", is("annual review"))
                .body("[0].path", is("/api/v1/students/" + ava + "/makeup-ledger"))
                .body("[1].studentIds", containsInAnyOrder(ava.toString(), cy.toString()))
                .body("[1].purpose", nullValue())
                .body("[2].studentIds", containsInAnyOrder(ava.toString(), cy.toString()))
                .body("[2].purpose", is("caseload review"))
                .body("[2].method", is("GET"));
        // The 404 for Ben left no trace.
        given().queryParam("actor", subject).queryParam("studentId", ben.toString()).get("/api/v1/audit/access")
                .then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void everyStudentViewIsAuditedWithItsStudent() throws Exception {
        setUp();
        String subject = "views-" + run;
        RequestSpecification admin = as(TokenIssuer.shared().token(subject, Role.SCHOOL_ADMIN_NAME)
                .schoolIds(List.of(lincoln)));
        visible(admin, ava); // six JSON views and the compliance CSV
        admin.accept("text/html").get("/api/v1/students/" + ava + "/progress-summary" + RANGE).then().statusCode(200);
        as(TokenIssuer.shared().token(subject, Role.SCHOOL_ADMIN_NAME).schoolIds(List.of(lincoln)))
                .get("/api/v1/teachers/" + teacher + "/push-in?from=2026-09-28&to=2026-09-30").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("actor", subject)
                .get("/api/v1/audit/access").then().statusCode(200).header("X-Total-Count", "9"));
        given().queryParam("actor", subject).get("/api/v1/audit/access").then().statusCode(200)
                .body("resourceType", containsInAnyOrder("compliance", "makeup-ledger", "pull-out-cost",
                        "delivered-minutes", "goal-progress", "progress-summary", "compliance", "progress-summary",
                        "teacher-push-in"))
                .body("action", containsInAnyOrder("READ", "READ", "READ", "READ", "READ", "READ", "EXPORT", "READ",
                        "READ"))
                .body("actorRole.unique()", contains("school-admin"))
                // Every record names Ava; the teacher view shows Ben too (both in Lincoln).
                .body("findAll { it.resourceType != 'teacher-push-in' }.studentIds.flatten().unique()",
                        contains(ava.toString()))
                .body("find { it.resourceType == 'teacher-push-in' }.studentIds",
                        containsInAnyOrder(ava.toString(), ben.toString()));
    }
}
