package org.iepservices.schedule.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.iepservices.events.CaseloadAssignmentChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.schedule.api.TopicProbe.Received;
import org.iepservices.schedule.api.World.Kid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access control and the FERPA access audit, through HTTP with tokens of the test identity provider.
 *
 * <p>Two schools of two districts. School A: Ana and Ben in Room A (teacher A); school B: Cal in
 * Room B (teacher B). Provider 1 has Ana on their caseload by a caseload assignment and runs a Monday
 * pull-out (S1) and a Wednesday push-in into Room A (S5) with her; provider 2 runs a Tuesday pull-out
 * group with Ana and Ben (S2); provider 3 a pull-out with Cal at school B (S4).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class AccessControlTest {

    static final EventPublisher EVENTS = new EventPublisher();
    static final String WEEK = World.WEEK.toString();
    private static Fixture fixture;

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    static final class Fixture {
        final World a = new World(EVENTS);
        final World b = new World(EVENTS);
        final UUID districtA = UUID.randomUUID();
        final UUID districtB = UUID.randomUUID();
        final Kid ana = a.kid("Ana");
        final Kid ben = a.kid("Ben");
        final Kid cal = b.kid("Cal");
        final UUID roomA = a.schoolClass("Room A", ana.id(), ben.id());
        final UUID roomB = b.schoolClass("Room B", cal.id());
        final UUID teacherA = a.teacherOf.get(roomA);
        final UUID teacherB = b.teacherOf.get(roomB);
        final UUID p1 = a.provider();
        final UUID p2 = a.provider();
        final UUID p3 = b.provider();
        final String blockA;
        final String s1;
        final String s2;
        final String s4;
        final String s5;

        Fixture() {
            EVENTS.send(SchoolUpserted.TYPE, a.school, new SchoolUpserted(a.school, "a", "School A", districtA,
                    "America/New_York", "active"));
            EVENTS.send(SchoolUpserted.TYPE, b.school, new SchoolUpserted(b.school, "b", "School B", districtB,
                    "America/New_York", "active"));
            assign(UUID.randomUUID(), ana.id(), p1, ana.mandate(), true, OffsetDateTime.now());
            a.awaitClass(roomA, 2);
            b.awaitClass(roomB, 1);
            a.awaitMandates(ana, ben);
            b.awaitMandates(cal);
            awaitStatus(As.provider(p1), "/api/v1/students/" + ana.id(), 200);
            awaitStatus(As.districtAdmin(districtA), "/api/v1/students/" + ana.id(), 200);
            blockA = a.block(roomA, "WEDNESDAY", "08:30:00", "10:00:00", "ELA_READING", true, "HIGH", "WELCOMES");
            s1 = As.provider(p1).contentType(ContentType.JSON).body(a.pullOut(p1, "MONDAY", "10:00:00", 30, ana))
                    .post("/api/v1/session-series").then().statusCode(201).extract().path("id");
            s2 = World.series(a.pullOut(p2, "TUESDAY", "10:00:00", 30, ana, ben));
            s4 = World.series(b.pullOut(p3, "MONDAY", "10:00:00", 30, cal));
            s5 = As.provider(p1).contentType(ContentType.JSON)
                    .body(a.pushIn(p1, roomA, blockA, "WEDNESDAY", "09:00:00", 30, ana))
                    .post("/api/v1/session-series").then().statusCode(201).extract().path("id");
        }
    }

    static synchronized Fixture f() {
        if (fixture == null) {
            fixture = new Fixture();
        }
        return fixture;
    }

    static EventEnvelope assign(UUID assignment, UUID student, UUID provider, UUID mandate, boolean active,
                                OffsetDateTime at) {
        EventEnvelope event = EventEnvelope.wrap("/test", CaseloadAssignmentChanged.TYPE, student.toString(),
                new CaseloadAssignmentChanged(assignment, student, provider, "SPEECH_LANGUAGE", mandate,
                        LocalDate.of(2026, 9, 1), null, active), at, EVENTS.mapper);
        EVENTS.send(CaseloadAssignmentChanged.TYPE.topic(), event);
        return event;
    }

    static void awaitStatus(RequestSpecification as, String path, int status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> as.get(path).statusCode() == status);
    }

    static void problem(Response r, int status) {
        r.then().statusCode(status).contentType("application/problem+json").body("status", is(status));
    }

    // ---- 401 -------------------------------------------------------------------------------------------

    @Test
    void withoutAValidTokenEveryApiCallIs401AndChangesNothing() {
        Fixture f = f();
        String student = "/api/v1/students/" + f.ana.id();
        for (RequestSpecification anonymous : List.of(given(), As.bearer(As.expired()), As.bearer(As.foreign()),
                As.bearer("not-a-token"))) {
            Response r = anonymous.get(student);
            problem(r, 401);
            r.then().header("WWW-Authenticate", startsWith("Bearer")).body("title", is("Unauthorized"))
                    .body(not(containsString("Ana")));
        }
        int before = World.seriesCount(f.p1);
        problem(given().contentType(ContentType.JSON).body(f.a.pullOut(f.p1, "FRIDAY", "13:00:00", 30, f.ana))
                .post("/api/v1/session-series"), 401);
        problem(As.bearer(As.expired()).contentType(ContentType.JSON)
                .body(f.a.pullOut(f.p1, "FRIDAY", "13:00:00", 30, f.ana)).post("/api/v1/session-series"), 401);
        assertEquals(before, World.seriesCount(f.p1));

        // health, metrics and the API description stay open; the description asks for a bearer token
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", is("bearer"));
    }

    // ---- 403: roles per endpoint ---------------------------------------------------------------------

    @Test
    void theSisIntegrationReadsNothingHere() {
        Fixture f = f();
        for (String path : List.of("/api/v1/students/" + f.ana.id(), "/api/v1/session-series",
                "/api/v1/schools/" + f.a.school + "/bell-schedules", "/api/v1/classes/" + f.roomA,
                "/api/v1/scheduler/jobs", "/api/v1/providers/" + f.p1 + "/availability",
                "/api/v1/staff/" + f.teacherA)) {
            Response r = As.sis().get(path);
            problem(r, 403);
            r.then().body("title", is("Forbidden"));
        }
    }

    @Test
    void eachRoleIsRefusedWhatItsRoleMayNotDo() {
        Fixture f = f();
        RequestSpecification teacher = As.teacher(f.teacherA);
        String ana = "/api/v1/students/" + f.ana.id();
        // teachers: no IEP detail, no clinical aid, no provider, school or conflict views, no scheduling
        for (String path : List.of(ana + "/mandates", ana + "/goals", ana + "/coverage?from=2026-09-14&to=2026-09-18",
                ana + "/mandates/" + f.ana.mandate() + "/setting-recommendation",
                "/api/v1/providers/" + f.p1 + "/schedule", "/api/v1/providers/" + f.p1 + "/caseload?from=2026-09-14&to=2026-09-18",
                "/api/v1/schools/" + f.a.school + "/schedule?date=2026-09-14", "/api/v1/conflicts?schoolId=" + f.a.school,
                "/api/v1/scheduler/jobs")) {
            problem(As.teacher(f.teacherA).get(path), 403);
        }
        problem(teacher.contentType(ContentType.JSON).body(f.a.pullOut(f.p1, "FRIDAY", "13:00:00", 30, f.ana))
                .post("/api/v1/session-series"), 403);
        problem(As.teacher(f.teacherA).contentType(ContentType.JSON).body(Map.of()).post(
                "/api/v1/recommendations/setting-mix"), 403);
        // providers: no school reference data, no district travel times
        problem(As.provider(f.p1).contentType(ContentType.JSON).body(Map.of("name", "Early release",
                        "periods", List.of(World.period("All", "08:00:00", "12:00:00", true))))
                .post("/api/v1/schools/" + f.a.school + "/bell-schedules"), 403);
        problem(As.provider(f.p1).contentType(ContentType.JSON).body(Map.of("date", "2026-09-15", "reason", "x"))
                .post("/api/v1/schools/" + f.a.school + "/closures"), 403);
        problem(As.provider(f.p1).contentType(ContentType.JSON).body(Map.of("fromSchoolId", f.a.school.toString(),
                "toSchoolId", f.b.school.toString(), "minutes", 20)).put("/api/v1/travel-times"), 403);
        // school admins: travel times join schools, they are the district's
        problem(As.schoolAdmin(f.a.school).contentType(ContentType.JSON).body(Map.of("fromSchoolId",
                f.a.school.toString(), "toSchoolId", f.b.school.toString(), "minutes", 20)).put("/api/v1/travel-times"), 403);
        // the closure was refused: the day is still a school day
        As.admin().queryParam("date", "2026-09-15").get("/api/v1/schools/" + f.a.school + "/day-schedule").then()
                .statusCode(200).body("instructional", is(true));
    }

    // ---- allowed reads per role ----------------------------------------------------------------------

    @Test
    void eachRoleReadsTheStudentsItServes() {
        Fixture f = f();
        String ana = "/api/v1/students/" + f.ana.id();
        // the provider with Ana on their caseload: her record, IEP copy, week and coverage
        As.provider(f.p1).get(ana).then().statusCode(200).body("id", is(f.ana.id().toString()))
                .body("classes.title", contains("Room A"));
        As.provider(f.p1).get(ana + "/mandates").then().statusCode(200).body("id", contains(f.ana.mandate().toString()));
        As.provider(f.p1).get(ana + "/goals").then().statusCode(200);
        As.provider(f.p1).queryParam("weekOf", WEEK).get(ana + "/schedule").then().statusCode(200)
                .body("sessions.seriesId", containsInAnyOrder(f.s1, f.s2, f.s5));
        As.provider(f.p1).queryParams("from", "2026-09-14", "to", "2026-09-18").get(ana + "/coverage").then()
                .statusCode(200).body("mandates[0].mandateId", is(f.ana.mandate().toString()));
        // provider 2 serves Ana and Ben in their series
        As.provider(f.p2).get("/api/v1/students/" + f.ben.id()).then().statusCode(200);
        // the teacher of their class: who they are and when they leave, not the IEP
        As.teacher(f.teacherA).get(ana).then().statusCode(200).body("serviceProfile", nullValue());
        As.teacher(f.teacherA).get("/api/v1/students/" + f.ben.id()).then().statusCode(200);
        As.teacher(f.teacherA).queryParam("weekOf", WEEK).get(ana + "/schedule").then().statusCode(200)
                .body("scheduled", is(3));
        // school and district admins
        As.schoolAdmin(f.a.school).get(ana + "/mandates").then().statusCode(200);
        As.schoolAdmin(f.b.school).get("/api/v1/students/" + f.cal.id()).then().statusCode(200);
        As.districtAdmin(f.districtA).get(ana + "/goals").then().statusCode(200);
        // reference data: any staff role
        for (RequestSpecification who : List.of(As.provider(f.p1), As.teacher(f.teacherB), As.schoolAdmin(f.b.school),
                As.districtAdmin(f.districtB))) {
            who.get("/api/v1/schools/" + f.a.school + "/bell-schedules").then().statusCode(200).body("$", hasSize(1));
        }
        As.teacher(f.teacherA).get("/api/v1/classes/" + f.roomA + "/activity-blocks").then().statusCode(200)
                .body("id", contains(f.blockA));
        As.teacher(f.teacherA).get("/api/v1/providers/" + f.p1 + "/availability").then().statusCode(200)
                .body("$", hasSize(5));
        As.provider(f.p1).get("/api/v1/staff/" + f.teacherA).then().statusCode(200);
    }

    // ---- 404 outside the scope -----------------------------------------------------------------------

    @Test
    void aStudentRecordOutsideTheScopeIsNotFoundAsIfUnknown() {
        Fixture f = f();
        String cal = "/api/v1/students/" + f.cal.id();
        Response outside = As.provider(f.p1).get(cal);
        problem(outside, 404);
        Response unknown = As.provider(f.p1).get("/api/v1/students/" + UUID.randomUUID());
        assertEquals(unknown.<String>path("title"), outside.<String>path("title"));
        assertEquals(unknown.<String>path("detail").replaceAll("[0-9a-f-]{36}", "ID"),
                outside.<String>path("detail").replaceAll("[0-9a-f-]{36}", "ID"));
        for (String path : List.of(cal + "/mandates", cal + "/goals", cal + "/schedule",
                cal + "/coverage?from=2026-09-14&to=2026-09-18",
                cal + "/mandates/" + f.cal.mandate() + "/setting-recommendation")) {
            problem(As.provider(f.p1).get(path), 404);
        }
        problem(As.provider(f.p2).get(cal), 404);
        problem(As.teacher(f.teacherB).get("/api/v1/students/" + f.ana.id()), 404);
        problem(As.teacher(f.teacherA).get(cal), 404);
        problem(As.schoolAdmin(f.b.school).get("/api/v1/students/" + f.ana.id()), 404);
        problem(As.districtAdmin(f.districtB).get("/api/v1/students/" + f.ana.id()), 404);

        // provider 3's series with Cal does not exist for provider 1, not even to change it
        problem(As.provider(f.p1).get("/api/v1/session-series/" + f.s4), 404);
        problem(As.provider(f.p1).get("/api/v1/session-series/" + f.s4 + "/occurrences"), 404);
        String occurrence = As.admin().get("/api/v1/session-series/" + f.s4 + "/occurrences").then().extract()
                .path("[0].id");
        problem(As.provider(f.p1).get("/api/v1/occurrences/" + occurrence), 404);
        problem(As.provider(f.p1).contentType(ContentType.JSON).body(Map.of("reason", "OTHER"))
                .post("/api/v1/occurrences/" + occurrence + "/cancel"), 404);
        problem(As.provider(f.p1).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/session-series/" + f.s4 + "/cancel"), 404);
        As.admin().get("/api/v1/session-series/" + f.s4).then().statusCode(200).body("cancelledFrom", nullValue());
        As.admin().get("/api/v1/occurrences/" + occurrence).then().body("status", is("SCHEDULED"));
    }

    // ---- lists filtered by scope ---------------------------------------------------------------------

    static Response series(RequestSpecification as, Object... query) {
        RequestSpecification r = as;
        for (int i = 0; i < query.length; i += 2) {
            r = r.queryParam((String) query[i], query[i + 1]);
        }
        return r.get("/api/v1/session-series");
    }

    @Test
    void listsShowAndCountOnlyWhatTheCallerMaySee() {
        Fixture f = f();
        // provider 1: their own two series and provider 2's group with Ana, where only Ana is named
        Response mine = series(As.provider(f.p1));
        mine.then().statusCode(200).header("X-Total-Count", "3").body("id", containsInAnyOrder(f.s1, f.s2, f.s5))
                .body("find { it.id == '" + f.s2 + "' }.students.studentId", contains(f.ana.id().toString()));
        series(As.provider(f.p1), "limit", 2).then().header("X-Total-Count", "3").body("$", hasSize(2));
        // provider 2 runs the group, so Ana and Ben are theirs: their group and provider 1's series with Ana
        series(As.provider(f.p2)).then().header("X-Total-Count", "3").body("id", containsInAnyOrder(f.s1, f.s2, f.s5))
                .body("find { it.id == '" + f.s2 + "' }.students.studentId",
                        containsInAnyOrder(f.ana.id().toString(), f.ben.id().toString()));
        series(As.provider(f.p2), "providerId", f.p2).then().header("X-Total-Count", "1").body("[0].id", is(f.s2));
        series(As.provider(f.p3), "schoolId", f.a.school).then().header("X-Total-Count", "0").body("$", empty());
        series(As.teacher(f.teacherA), "schoolId", f.a.school).then().header("X-Total-Count", "3");
        series(As.teacher(f.teacherB), "schoolId", f.a.school).then().header("X-Total-Count", "0");
        series(As.schoolAdmin(f.a.school), "schoolId", f.a.school).then().header("X-Total-Count", "3");
        series(As.schoolAdmin(f.b.school), "schoolId", f.a.school).then().header("X-Total-Count", "0");
        series(As.schoolAdmin(f.b.school), "schoolId", f.b.school).then().header("X-Total-Count", "1")
                .body("[0].id", is(f.s4));
        series(As.districtAdmin(f.districtB), "studentId", f.ana.id()).then().header("X-Total-Count", "0");
        series(As.districtAdmin(f.districtA), "studentId", f.ana.id()).then().header("X-Total-Count", "3");

        // the class's week: its teacher sees who comes in and which of their students leave when
        As.teacher(f.teacherA).queryParam("weekOf", WEEK).get("/api/v1/classes/" + f.roomA + "/schedule").then()
                .statusCode(200).body("sessions", hasSize(3))
                .body("sessions.find { it.seriesId == '" + f.s5 + "' }.forClass", is("PROVIDER_JOINS"))
                .body("sessions.find { it.seriesId == '" + f.s2 + "' }.forClass", is("STUDENTS_LEAVE"))
                .body("sessions.find { it.seriesId == '" + f.s2 + "' }.students.studentId",
                        containsInAnyOrder(f.ana.id().toString(), f.ben.id().toString()));
        As.teacher(f.teacherB).queryParam("weekOf", WEEK).get("/api/v1/classes/" + f.roomA + "/schedule").then()
                .statusCode(200).body("sessions", empty()).body("scheduled", is(0));
        As.provider(f.p1).queryParam("weekOf", WEEK).get("/api/v1/classes/" + f.roomA + "/schedule").then()
                .body("sessions", hasSize(3))
                .body("sessions.find { it.seriesId == '" + f.s2 + "' }.students.studentId",
                        contains(f.ana.id().toString()))
                .body("sessions.find { it.seriesId == '" + f.s2 + "' }.groupSize", is(2));
        // the class roster: the students the caller may see
        As.provider(f.p1).get("/api/v1/classes/" + f.roomA).then().body("studentIds",
                contains(f.ana.id().toString()));
        As.teacher(f.teacherA).get("/api/v1/classes/" + f.roomA).then().body("studentIds", hasSize(2));
        // provider 2's week seen by provider 1: the group, naming Ana only
        As.provider(f.p1).queryParam("weekOf", WEEK).get("/api/v1/providers/" + f.p2 + "/schedule").then()
                .statusCode(200).body("sessions", hasSize(1)).body("sessions[0].groupSize", is(2))
                .body("sessions[0].students.studentId", contains(f.ana.id().toString()));
        // the school's days
        As.schoolAdmin(f.b.school).queryParams("date", "2026-09-14", "to", "2026-09-18")
                .get("/api/v1/schools/" + f.a.school + "/schedule").then().statusCode(200).body("sessions", empty());
        As.schoolAdmin(f.a.school).queryParams("date", "2026-09-14", "to", "2026-09-18")
                .get("/api/v1/schools/" + f.a.school + "/schedule").then().body("sessions", hasSize(3));
        // coverage of provider 2's caseload as provider 1 sees it: Ana only
        As.provider(f.p1).queryParams("from", "2026-09-14", "to", "2026-09-18")
                .get("/api/v1/providers/" + f.p2 + "/coverage").then().statusCode(200).body("students", is(1))
                .body("caseload.studentId", contains(f.ana.id().toString()));
        As.provider(f.p2).queryParams("from", "2026-09-14", "to", "2026-09-18")
                .get("/api/v1/providers/" + f.p2 + "/caseload").then().statusCode(200)
                .body("students.studentId", containsInAnyOrder(f.ana.id().toString(), f.ben.id().toString()));
        As.provider(f.p1).queryParams("from", "2026-09-14", "to", "2026-09-18")
                .get("/api/v1/providers/" + f.p2 + "/caseload").then().statusCode(200)
                .body("students.studentId", contains(f.ana.id().toString()))
                .body("series.find { it.seriesId == '" + f.s2 + "' }.students.keySet()",
                        contains(f.ana.id().toString()));
    }

    // ---- writes ----------------------------------------------------------------------------------------

    @Test
    void providersScheduleTheirOwnCaseloadOnly() {
        Fixture f = f();
        int mine = World.seriesCount(f.p1);
        Response notMine = As.provider(f.p1).contentType(ContentType.JSON)
                .body(f.a.pullOut(f.p1, "FRIDAY", "13:00:00", 30, f.ben)).post("/api/v1/session-series");
        problem(notMine, 403);
        notMine.then().body("violations.field", contains("students[0].studentId"));
        problem(As.provider(f.p1).contentType(ContentType.JSON)
                .body(f.a.pullOut(f.p1, "FRIDAY", "13:00:00", 30, f.ben)).post("/api/v1/session-series/check"), 403);
        problem(As.provider(f.p1).contentType(ContentType.JSON)
                .body(f.a.pullOut(f.p2, "FRIDAY", "13:00:00", 30, f.ana)).post("/api/v1/session-series"), 403);
        assertEquals(mine, World.seriesCount(f.p1));
        assertEquals(1, World.seriesCount(f.p2));
        // provider 2's series is visible to provider 1 (Ana is in it) but not theirs to change
        problem(As.provider(f.p1).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/session-series/" + f.s2 + "/cancel"), 403);
        As.admin().get("/api/v1/session-series/" + f.s2).then().body("cancelledFrom", nullValue());
        // a school admin schedules at their school only
        problem(As.schoolAdmin(f.b.school).contentType(ContentType.JSON)
                .body(f.a.pullOut(f.p2, "FRIDAY", "13:00:00", 30, f.ben)).post("/api/v1/session-series"), 403);
        assertEquals(1, World.seriesCount(f.p2));
        // their own series: a provider checks and changes it
        As.provider(f.p1).contentType(ContentType.JSON).body(f.a.pullOut(f.p1, "FRIDAY", "13:00:00", 30, f.ana))
                .post("/api/v1/session-series/check").then().statusCode(200).body("refused", is(false));
    }

    @Test
    void availabilityLimitsTravelAndBlocksBelongToTheirOwners() {
        Fixture f = f();
        UUID px = UUID.randomUUID();
        Map<String, Object> monday = Map.of("schoolId", f.a.school.toString(), "dayOfWeek", "MONDAY",
                "startTime", "08:00:00", "endTime", "10:00:00");
        As.provider(px).contentType(ContentType.JSON).body(monday).post("/api/v1/providers/" + px + "/availability")
                .then().statusCode(201);
        Map<String, Object> tuesday = World.with(monday, "dayOfWeek", "TUESDAY");
        problem(As.provider(f.p1).contentType(ContentType.JSON).body(tuesday)
                .post("/api/v1/providers/" + px + "/availability"), 403);
        problem(As.teacher(f.teacherA).contentType(ContentType.JSON).body(tuesday)
                .post("/api/v1/providers/" + px + "/availability"), 403);
        problem(As.schoolAdmin(f.a.school).contentType(ContentType.JSON)
                .body(World.with(tuesday, "schoolId", f.b.school.toString()))
                .post("/api/v1/providers/" + px + "/availability"), 403);
        As.schoolAdmin(f.a.school).contentType(ContentType.JSON).body(tuesday)
                .post("/api/v1/providers/" + px + "/availability").then().statusCode(201);
        As.admin().get("/api/v1/providers/" + px + "/availability").then().body("dayOfWeek",
                contains("MONDAY", "TUESDAY"));

        As.provider(px).contentType(ContentType.JSON).body(Map.of("maxSessionsPerDay", 6))
                .put("/api/v1/providers/" + px + "/limits").then().statusCode(200);
        // provider px has no staff record placing them at school A
        problem(As.schoolAdmin(f.a.school).contentType(ContentType.JSON).body(Map.of("maxSessionsPerDay", 2))
                .put("/api/v1/providers/" + px + "/limits"), 403);
        As.admin().get("/api/v1/providers/" + px + "/limits").then().body("maxSessionsPerDay", is(6));
        Map<String, Object> trip = Map.of("fromSchoolId", f.a.school.toString(), "toSchoolId", f.b.school.toString(),
                "minutes", 25, "providerId", px.toString());
        As.provider(px).contentType(ContentType.JSON).body(trip).put("/api/v1/travel-times").then().statusCode(201);
        problem(As.provider(f.p1).contentType(ContentType.JSON).body(trip).put("/api/v1/travel-times"), 403);

        // a teacher says how welcome push-in is in their class, and nothing else
        String block = "/api/v1/activity-blocks/" + f.blockA;
        Map<String, Object> same = World.blockBody("WEDNESDAY", "08:30:00", "10:00:00", "ELA_READING", true, "HIGH",
                "WELCOMES");
        Response moved = As.teacher(f.teacherA).contentType(ContentType.JSON)
                .body(World.with(World.with(same, "subject", "MATH"), "startTime", "08:00:00")).put(block);
        problem(moved, 403);
        moved.then().body("violations.field", containsInAnyOrder("subject", "startTime"));
        problem(As.teacher(f.teacherB).contentType(ContentType.JSON).body(World.with(same, "pushInOpenness", "OPEN"))
                .put(block), 403);
        problem(As.teacher(f.teacherA).delete(block), 403);
        problem(As.teacher(f.teacherA).contentType(ContentType.JSON).body(World.blockBody("FRIDAY", "09:00:00",
                "10:00:00", "MATH", true, "HIGH", "OPEN")).post("/api/v1/classes/" + f.roomA + "/activity-blocks"), 403);
        problem(As.schoolAdmin(f.b.school).contentType(ContentType.JSON).body(World.with(same, "note", "x")).put(block),
                403);
        As.admin().get(block).then().body("subject", is("ELA_READING")).body("pushInOpenness", is("WELCOMES"));
        As.teacher(f.teacherA).contentType(ContentType.JSON)
                .body(World.with(World.with(same, "pushInOpenness", "OPEN"), "note", "Reading groups at tables"))
                .put(block).then().statusCode(200).body("pushInOpenness", is("OPEN"));
        As.teacher(f.teacherA).contentType(ContentType.JSON).body(same).put(block).then().statusCode(200)
                .body("pushInOpenness", is("WELCOMES"));
    }

    // ---- the caseload copy ---------------------------------------------------------------------------

    @Test
    void caseloadAssignmentsDecideWhichStudentsAProviderSees() {
        Fixture f = f();
        Kid dan = f.a.kidAwaited("Dan");
        UUID p4 = UUID.randomUUID();
        UUID p5 = UUID.randomUUID();
        String path = "/api/v1/students/" + dan.id();
        problem(As.provider(p4).get(path), 404);

        UUID assignment = UUID.randomUUID();
        OffsetDateTime t0 = OffsetDateTime.now();
        EventEnvelope first = assign(assignment, dan.id(), p4, dan.mandate(), true, t0);
        awaitStatus(As.provider(p4), path, 200);
        EVENTS.send(CaseloadAssignmentChanged.TYPE.topic(), first); // redelivered: nothing changes
        assign(assignment, dan.id(), p4, dan.mandate(), false, t0.plusMinutes(1));
        awaitStatus(As.provider(p4), path, 404);
        // an older state arriving late does not undo the end; another assignment of Dan (same key, so
        // consumed after it) shows when it has been applied
        assign(assignment, dan.id(), p4, dan.mandate(), true, t0.minusHours(1));
        assign(UUID.randomUUID(), dan.id(), p5, dan.mandate(), true, OffsetDateTime.now());
        awaitStatus(As.provider(p5), path, 200);
        problem(As.provider(p4).get(path), 404);

        // a mandate naming a provider puts the student on their caseload until an assignment for that
        // mandate and provider ends (a reassignment without an IEP change)
        UUID fay = f.a.student("Fay");
        UUID mandate = UUID.randomUUID();
        UUID p6 = UUID.randomUUID();
        EVENTS.send(IepActivated.TYPE, fay, new IepActivated(UUID.randomUUID(), fay, null, LocalDate.of(2026, 9, 1),
                World.LAST_DAY, List.of(new IepActivated.Mandate(mandate, null, "SPEECH_LANGUAGE", "SLP", p6, 2, 30,
                "WEEK", 1, 1, "INDIVIDUAL", 1, LocalDate.of(2026, 9, 1), World.LAST_DAY, null, null, List.of())),
                List.of()));
        awaitStatus(As.provider(p6), "/api/v1/students/" + fay, 200);
        assign(UUID.randomUUID(), fay, p6, mandate, false, OffsetDateTime.now());
        awaitStatus(As.provider(p6), "/api/v1/students/" + fay, 404);
    }

    // ---- the access audit ----------------------------------------------------------------------------

    static Predicate<Received> audited(String purpose) {
        return r -> "RecordAccessed".equals(r.event().path("type").asText())
                && purpose.equals(r.event().path("data").path("purpose").asText());
    }

    static Set<String> ids(Received r) {
        Set<String> ids = new HashSet<>();
        r.event().path("data").path("studentIds").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    @Test
    void everyReadAndWriteOfAStudentRecordIsAuditedWithWhoWhatAndWhy() {
        Fixture f = f();
        String run = UUID.randomUUID().toString();
        String p1 = "provider-" + f.p1;
        problem(As.provider(f.p1).header("X-Access-Purpose", "outside " + run)
                .get("/api/v1/students/" + f.cal.id()), 404);
        problem(As.teacher(f.teacherA).header("X-Access-Purpose", "forbidden " + run)
                .get("/api/v1/students/" + f.ana.id() + "/goals"), 403);
        As.provider(f.p1).header("X-Access-Purpose", "annual review " + run).get("/api/v1/students/" + f.ana.id())
                .then().statusCode(200);
        series(As.provider(f.p1).header("X-Access-Purpose", "list " + run)).then().statusCode(200);
        As.teacher(f.teacherA).header("X-Access-Purpose", "class " + run).queryParam("weekOf", WEEK)
                .get("/api/v1/classes/" + f.roomA + "/schedule").then().statusCode(200);
        // a write, in a school of its own so the shared fixture's lists stay as they are
        World c = new World(EVENTS);
        Kid gus = c.kidAwaited("Gus");
        UUID p7 = c.provider();
        assign(UUID.randomUUID(), gus.id(), p7, gus.mandate(), true, OffsetDateTime.now());
        awaitStatus(As.provider(p7), "/api/v1/students/" + gus.id(), 200);
        String created = As.provider(p7).header("X-Access-Purpose", "write " + run).contentType(ContentType.JSON)
                .body(c.pullOut(p7, "THURSDAY", "13:00:00", 30, gus)).post("/api/v1/session-series").then()
                .statusCode(201).extract().path("id");

        try (TopicProbe probe = new TopicProbe("audit.events")) {
            Received read = probe.await(audited("annual review " + run), 1, Duration.ofSeconds(30)).get(0);
            assertEquals(p1, read.key());
            var data = read.event().path("data");
            assertEquals(p1, data.path("actor").asText());
            assertEquals("provider", data.path("actorRole").asText());
            assertEquals("READ", data.path("action").asText());
            assertEquals("schedule-service", data.path("service").asText());
            assertEquals("student", data.path("resourceType").asText());
            assertEquals(f.ana.id().toString(), data.path("resourceId").asText());
            assertEquals(Set.of(f.ana.id().toString()), ids(read));
            assertEquals("GET", data.path("method").asText());
            assertEquals("/api/v1/students/" + f.ana.id(), data.path("path").asText());

            // a list names every student it showed, and only those (Ben is in S2 but not provider 1's)
            Received list = probe.await(audited("list " + run), 1, Duration.ofSeconds(30)).get(0);
            assertEquals("session-series", list.event().path("data").path("resourceType").asText());
            assertEquals(Set.of(f.ana.id().toString()), ids(list));

            Received week = probe.await(audited("class " + run), 1, Duration.ofSeconds(30)).get(0);
            assertEquals("teacher-" + f.teacherA, week.event().path("data").path("actor").asText());
            assertEquals("teacher", week.event().path("data").path("actorRole").asText());
            assertEquals("class-schedule", week.event().path("data").path("resourceType").asText());
            assertEquals(f.roomA.toString(), week.event().path("data").path("resourceId").asText());
            assertEquals(Set.of(f.ana.id().toString(), f.ben.id().toString()), ids(week));

            Received write = probe.await(audited("write " + run), 1, Duration.ofSeconds(30)).get(0);
            assertEquals("provider-" + p7, write.event().path("data").path("actor").asText());
            assertEquals("WRITE", write.event().path("data").path("action").asText());
            assertEquals("session-series", write.event().path("data").path("resourceType").asText());
            assertEquals(created, write.event().path("data").path("resourceId").asText());
            assertEquals(Set.of(gus.id().toString()), ids(write));
            assertEquals("POST", write.event().path("data").path("method").asText());

            // refused reads leave no record: the actor's later events (same key, same partition) are in
            assertTrue(probe.await(audited("outside " + run), 1, Duration.ofMillis(500)).isEmpty());
            assertTrue(probe.await(audited("forbidden " + run), 1, Duration.ofMillis(500)).isEmpty());
        }
    }

    // ---- scheduler jobs ------------------------------------------------------------------------------

    @Test
    void schedulerJobsAreTheirProvidersAndTheirSchoolsBusiness() {
        Fixture f = f();
        Map<String, Object> p2Week = Map.of("providerId", f.p2.toString(), "weekOf", WEEK);
        problem(As.provider(f.p1).contentType(ContentType.JSON).body(p2Week).post("/api/v1/scheduler/jobs"), 403);
        problem(As.schoolAdmin(f.a.school).contentType(ContentType.JSON).body(p2Week).post("/api/v1/scheduler/jobs"),
                403);
        problem(As.schoolAdmin(f.b.school).contentType(ContentType.JSON)
                .body(World.with(p2Week, "schoolId", f.a.school.toString())).post("/api/v1/scheduler/jobs"), 403);
        String job = As.schoolAdmin(f.a.school).contentType(ContentType.JSON)
                .body(World.with(p2Week, "schoolId", f.a.school.toString())).post("/api/v1/scheduler/jobs").then()
                .statusCode(202).extract().path("jobId");

        problem(As.provider(f.p1).get("/api/v1/scheduler/jobs/" + job), 404);
        problem(As.provider(f.p1).get("/api/v1/scheduler/jobs/" + job + "/result"), 404);
        problem(As.provider(f.p1).post("/api/v1/scheduler/jobs/" + job + "/accept"), 404);
        problem(As.schoolAdmin(f.b.school).get("/api/v1/scheduler/jobs/" + job), 404);
        As.provider(f.p1).get("/api/v1/scheduler/jobs").then().statusCode(200).body("jobId", not(hasItem(job)));
        As.schoolAdmin(f.a.school).get("/api/v1/scheduler/jobs").then().statusCode(200).body("jobId", hasItem(job));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                As.provider(f.p2).get("/api/v1/scheduler/jobs/" + job).then().statusCode(200)
                        .body("state", equalTo("DONE")));
        // the existing group S2 is in provider 2's week, with both students
        As.provider(f.p2).get("/api/v1/scheduler/jobs/" + job + "/result").then().statusCode(200)
                .body("sessions.findAll { it.sessionId == '" + f.s2 + "' }.students.flatten().studentId",
                        containsInAnyOrder(f.ana.id().toString(), f.ben.id().toString()));
    }
}
