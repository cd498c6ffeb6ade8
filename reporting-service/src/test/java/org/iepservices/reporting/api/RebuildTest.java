package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.iepservices.events.ClassUpserted;
import org.iepservices.events.EnrollmentChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepEnded;
import org.iepservices.events.MissResolved;
import org.iepservices.events.OccurrenceCancelled;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionAmended;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.events.SessionSeriesScheduled.SubjectMinutes;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.projection.Projection;
import org.iepservices.reporting.projection.ProjectionRegistry;
import org.iepservices.reporting.testing.ConsumerGroups;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.reporting.testing.Caller.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Build both projections live, rebuild them from the topics through the admin endpoint, compare:
 * every compliance and goal-progress answer of the students here, and every row of every table of
 * every registered projection (every test class's events are on the topics, so the whole read
 * model is compared). The progress scenario publishes late, duplicate and out-of-order events, so
 * the replay (which interleaves the topics and partitions differently) must not depend on order.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class RebuildTest {

    private static final LocalDate SEPT_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate JUNE_18 = LocalDate.of(2027, 6, 18);
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-08-26T12:00:00Z");

    @Inject
    ProjectionRegistry registry;

    private final ComplianceEvents events = new ComplianceEvents(LocalDate.of(2026, 8, 20));
    private final UUID district = UUID.randomUUID();
    private final UUID school = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    private List<UUID> buildCompliance() throws Exception {
        events.send(events.school(school, district, "Rebuild School"), events.bellSchedule(school, 330),
                events.staff(provider, "Rae", "Builder"));
        List<UUID> students = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID student = UUID.randomUUID();
            UUID mandate = UUID.randomUUID();
            UUID miss = UUID.randomUUID();
            UUID tuesday = UUID.randomUUID();
            students.add(student);
            events.on(LocalDate.of(2026, 8, 25));
            events.send(events.student(student, school, "Student" + i, "Rebuild"),
                    events.iep(UUID.randomUUID(), student, null, SEPT_1, ComplianceEvents.speech(mandate, null,
                            provider, 1, 1, 30, SEPT_1, JUNE_18)));
            events.on(LocalDate.of(2026, 9, 2));
            events.send(events.series(UUID.randomUUID(), student, mandate, provider, school, ServiceSetting.PULL_OUT,
                            List.of(ComplianceEvents.occurrence(tuesday, LocalDate.of(2026, 9, 15), 30,
                                            new SubjectMinutes("MATH", 30)),
                                    ComplianceEvents.occurrence(UUID.randomUUID(), LocalDate.of(2026, 9, 22), 30,
                                            new SubjectMinutes("WRITING", 30)))),
                    events.series(UUID.randomUUID(), student, mandate, provider, school, ServiceSetting.PUSH_IN,
                            ComplianceEvents.weekly(LocalDate.of(2026, 9, 17), LocalDate.of(2026, 10, 1), 30)));
            events.on(LocalDate.of(2026, 9, 15));
            events.send(events.completed(UUID.randomUUID(), student, mandate, provider, ServiceSetting.PULL_OUT,
                    LocalDate.of(2026, 9, 15), 30 - 5 * i, tuesday));
            events.on(LocalDate.of(2026, 9, 17));
            events.send(events.missed(miss, student, mandate, provider, ServiceSetting.PUSH_IN,
                    LocalDate.of(2026, 9, 17), 30, "PROVIDER_ABSENT", "OWED", null));
            if (i > 0) {
                events.on(LocalDate.of(2026, 9, 22));
                events.send(events.completed(UUID.randomUUID(), student, mandate, provider, ServiceSetting.PUSH_IN,
                        LocalDate.of(2026, 9, 22), 30, null, new SessionCompleted.Repayment(miss, 30)));
            }
        }
        events.on(LocalDate.of(2026, 9, 23));
        events.send(events.closed(school, LocalDate.of(2026, 9, 24)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-14").queryParam("to", "2026-09-27")
                .get("/api/v1/compliance/districts/" + district)
                .then().statusCode(200)
                .body("periods", is(6))
                .body("minutes.madeUp", is(60))
                .body("minutes.scheduled", is(270)));
        return students;
    }

    /**
     * A school with a calendar (two holidays on Thursday 17 and Friday 18 September) in a district
     * of its own under EXCUSE, and a student there whose Thursday push-in falls on the holiday:
     * mandated minutes, excused holiday sessions and the policy all go into the rebuilt numbers.
     */
    private UUID buildCalendar() throws Exception {
        UUID holidayDistrict = UUID.randomUUID();
        UUID holidaySchool = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        UUID mandate = UUID.randomUUID();
        events.on(LocalDate.of(2026, 8, 25));
        events.send(events.school(holidaySchool, holidayDistrict, "Holiday School"),
                events.student(student, holidaySchool, "Holly", "Day"),
                events.calendar(holidaySchool, SEPT_1, JUNE_18, Map.of(LocalDate.of(2026, 9, 17), "HOLIDAY",
                        LocalDate.of(2026, 9, 18), "HOLIDAY")),
                events.iep(UUID.randomUUID(), student, null, LocalDate.of(2026, 8, 24),
                        ComplianceEvents.speech(mandate, null, provider, 1, 1, 30, LocalDate.of(2026, 8, 24),
                                JUNE_18)));
        given().contentType("application/json").body(Map.of("holidayPolicy", "EXCUSE"))
                .put("/api/v1/districts/" + holidayDistrict + "/compliance-policy").then().statusCode(200);
        events.on(LocalDate.of(2026, 9, 2));
        events.send(events.series(UUID.randomUUID(), student, mandate, provider, holidaySchool,
                        ServiceSetting.PULL_OUT, ComplianceEvents.weekly(LocalDate.of(2026, 9, 8),
                                LocalDate.of(2026, 9, 29), 30)),
                events.series(UUID.randomUUID(), student, mandate, provider, holidaySchool, ServiceSetting.PUSH_IN,
                        ComplianceEvents.weekly(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 10, 1), 30)));
        events.on(LocalDate.of(2026, 9, 15));
        events.send(events.completed(UUID.randomUUID(), student, mandate, provider, ServiceSetting.PULL_OUT,
                LocalDate.of(2026, 9, 15), 30, null));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-14").queryParam("to", "2026-09-14")
                .get("/api/v1/compliance/students/" + student).then().statusCode(200)
                .body("mandates[0].periods[0].excused.pushIn", is(30))
                .body("mandates[0].periods[0].status", is("ON_TRACK")));
        return student;
    }

    /** The goal-progress side of one student, at a school of its own (the district numbers above stay put). */
    private record ProgressScenario(UUID student, UUID goal, UUID teacher, UUID therapist, UUID mandate) {
    }

    private ProgressScenario buildProgress() throws Exception {
        EventPublisher p = events.publisher;
        ProgressScenario s = new ProgressScenario(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());
        UUID ownSchool = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        UUID iep = UUID.randomUUID();
        UUID series = UUID.randomUUID();
        UUID firstThursday = UUID.randomUUID();
        UUID miss = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();

        // Roster: a newer name published before an older one; a class renamed, the older title arriving late.
        p.send(StudentUpserted.TYPE, s.student(), new StudentUpserted(s.student(), "s", "Late", "Name", "03",
                ownSchool, "active"), T0.plusDays(2));
        p.send(StudentUpserted.TYPE, s.student(), new StudentUpserted(s.student(), "s", "Early", "Name", "02",
                ownSchool, "active"), T0);
        p.send(StaffUpserted.TYPE, s.teacher(), new StaffUpserted(s.teacher(), "t", "Tess", "Teacher", null,
                "TEACHER", null, List.of(), "active"), T0);
        p.send(StaffUpserted.TYPE, s.therapist(), new StaffUpserted(s.therapist(), "p", "Theo", "Therapist", null,
                "SLP", "CCC-SLP", List.of(), "active"), T0);
        p.send(ClassUpserted.TYPE, room, new ClassUpserted(room, "c", "Room 7", "homeroom", ownSchool, List.of("03"),
                List.of(), List.of(), "active"), T0.plusDays(1));
        p.send(ClassUpserted.TYPE, room, new ClassUpserted(room, "c", "Old title", "homeroom", ownSchool,
                List.of("03"), List.of(), List.of(), "active"), T0);
        p.send(EnrollmentChanged.TYPE, s.teacher(), new EnrollmentChanged(UUID.randomUUID(), "e", room, ownSchool,
                s.teacher(), "teacher", true, null, null, "active"), T0);

        // IEP with one goal; its early end published twice.
        p.send(IepActivated.TYPE, s.student(), new IepActivated(iep, s.student(), null, SEPT_1, JUNE_18,
                List.of(new IepActivated.Mandate(s.mandate(), null, "SPEECH_LANGUAGE", "SLP", s.therapist(), 2, 30,
                        "WEEK", 1, 1, "GROUP", 3, SEPT_1, JUNE_18, "classroom", "speech room", List.of())),
                List.of(new IepActivated.Goal(s.goal(), "ARTICULATION", "Produce /s/ in words", "30%",
                        "80% of opportunities", 80, "PERCENT_ACCURACY", "GENERALIZATION", "SPEECH_LANGUAGE"))), T0);
        EventEnvelope ended = p.send(IepEnded.TYPE, s.student(), new IepEnded(iep, s.student(),
                LocalDate.of(2027, 3, 1), "moved"), T0.plusDays(3));
        p.send(IepEnded.TYPE.topic(), ended);

        // A push-in series in the teacher's class; its first occurrence cancelled, published before the series.
        p.send(OccurrenceCancelled.TYPE, s.student(), new OccurrenceCancelled(firstThursday, series, s.student(),
                s.mandate(), s.therapist(), ServiceSetting.PUSH_IN, LocalDate.of(2026, 10, 1), 30, "OTHER", null),
                T0.plusDays(2));
        p.send(SessionSeriesScheduled.TYPE, s.student(), new SessionSeriesScheduled(series, s.student(), s.mandate(),
                s.therapist(), "SPEECH_LANGUAGE", ServiceSetting.PUSH_IN, ownSchool, room, List.of(s.teacher()), null,
                "WRITING", null, DayOfWeek.THURSDAY, LocalTime.of(10, 0), 30, SEPT_1, JUNE_18, 1, List.of(
                new SessionSeriesScheduled.Occurrence(firstThursday, LocalDate.of(2026, 10, 1), LocalTime.of(10, 0),
                        30, List.of()),
                new SessionSeriesScheduled.Occurrence(UUID.randomUUID(), LocalDate.of(2026, 10, 8),
                        LocalTime.of(10, 0), 30, List.of()))), T0.plusDays(1));

        // The IEP team's verdict before the miss it decides.
        p.send(MissResolved.TYPE, s.student(), new MissResolved(miss, s.student(), s.mandate(), "OWED", "IEP team",
                LocalDate.of(2026, 9, 25), "decided"), T0.plusDays(30));
        p.send(SessionMissed.TYPE, s.student(), new SessionMissed(miss, s.student(), s.mandate(), s.therapist(),
                ServiceSetting.PULL_OUT, LocalDate.of(2026, 9, 23), 30, "SCHEDULING_ERROR", "REVIEW"),
                T0.plusDays(28));

        // Goal data: one session delivered twice, one withdrawn by an addendum seen before it.
        EventEnvelope first = p.send(SessionCompleted.TYPE, s.student(), session(UUID.randomUUID(), s, room,
                ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 17), 6), T0.plusDays(22));
        p.send(SessionCompleted.TYPE.topic(), first);
        p.send(SessionAmended.TYPE, s.student(), new SessionAmended(withdrawn, UUID.randomUUID(), s.student(),
                s.mandate(), s.therapist(), ServiceSetting.PULL_OUT, LocalDate.of(2026, 9, 21), 30, 0, List.of(),
                "absent after all"), T0.plusDays(27));
        p.send(SessionCompleted.TYPE, s.student(), session(withdrawn, s, null, ServiceSetting.PULL_OUT,
                LocalDate.of(2026, 9, 21), 10), T0.plusDays(26));
        p.send(SessionCompleted.TYPE, s.student(), session(UUID.randomUUID(), s, null, ServiceSetting.PULL_OUT,
                LocalDate.of(2026, 9, 22), 7), T0.plusDays(27));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get("/api/v1/students/" + s.student() + "/goals/" + s.goal() + "/progress").then()
                    .statusCode(200)
                    .body("pointCount", is(2))
                    .body("points.value", contains(60.0f, 70.0f))
                    .body("iepEndDate", is("2027-03-01"));
            given().queryParam("from", "2026-09-28").queryParam("to", "2026-10-20")
                    .get("/api/v1/teachers/" + s.teacher() + "/push-in").then().statusCode(200)
                    .body("classes.title", contains("Room 7"))
                    .body("upcoming.date", contains("2026-10-08"))
                    .body("upcoming[0].students.name", contains("Late Name"))
                    .body("debriefs", hasSize(1));
            given().queryParam("from", "2026-09-14").queryParam("to", "2026-09-27")
                    .get("/api/v1/providers/" + s.therapist() + "/caseload-report").then().statusCode(200)
                    .body("providerName", is("Theo Therapist"))
                    .body("mandated.total", is(120))
                    .body("delivered.total", is(60))
                    .body("missed.owedMinutes", is(30));
        });
        return s;
    }

    private SessionCompleted session(UUID log, ProgressScenario s, UUID room, ServiceSetting setting, LocalDate date,
                                     int correct) {
        return new SessionCompleted(log, s.student(), s.mandate(), s.therapist(), setting, date, 30, List.of(), null,
                "SPEECH_LANGUAGE", "INDIVIDUAL", LocalTime.of(9, 0), LocalTime.of(9, 30), "PRESENT",
                List.of(new SessionCompleted.GoalData(s.goal(), "TRIALS", correct, 10, null, null, null, null,
                        "MINIMAL", null, "clinical note")),
                room == null ? null : new SessionCompleted.PushInContext(room, s.teacher(), "WRITING", "STATION",
                        "HIGH", "Kept the word list on the desk.", false),
                "Worked on /s/ in words.");
    }

    private Map<String, String> answers(List<UUID> students, ProgressScenario progress) {
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        for (UUID s : students) {
            paths.add("/api/v1/compliance/students/" + s + "?from=2026-09-01&to=2026-10-31");
            paths.add("/api/v1/students/" + s + "/pull-out-cost?from=2026-09-14&to=2026-09-27");
            paths.add("/api/v1/students/" + s + "/makeup-ledger");
            paths.add("/api/v1/delivered-minutes/students/" + s);
        }
        for (String scope : List.of("districts/" + district, "schools/" + school, "providers/" + provider)) {
            paths.add("/api/v1/compliance/" + scope + "?from=2026-09-14&to=2026-09-27&status=AT_RISK,OUT_OF_COMPLIANCE,ON_TRACK");
        }
        UUID s = progress.student();
        paths.add("/api/v1/compliance/students/" + s + "?from=2026-09-01&to=2026-10-31");
        paths.add("/api/v1/students/" + s + "/goals/progress");
        paths.add("/api/v1/students/" + s + "/goals/" + progress.goal() + "/progress/chart.svg");
        paths.add("/api/v1/students/" + s + "/progress-summary?from=2026-09-14&to=2026-09-30");
        paths.add("/api/v1/teachers/" + progress.teacher() + "/push-in?from=2026-09-14&to=2026-10-20");
        paths.add("/api/v1/providers/" + progress.therapist() + "/caseload-report?from=2026-09-14&to=2026-09-27");
        for (String path : paths) {
            answers.put(path, given().get(path).then().statusCode(200).extract().asString());
        }
        answers.put("csv", given().accept("text/csv").get("/api/v1/compliance/districts/" + district
                + "?from=2026-09-01&to=2026-10-31").then().statusCode(200).extract().asString());
        answers.put("caseload csv", given().accept("text/csv").get("/api/v1/providers/" + progress.therapist()
                + "/caseload-report?from=2026-09-01&to=2026-10-31").then().statusCode(200).extract().asString());
        answers.put("summary html", given().accept("text/html").get("/api/v1/students/" + s
                + "/progress-summary?from=2026-09-01&to=2026-10-31").then().statusCode(200).extract().asString());
        return answers;
    }

    /**
     * The rollup aggregates' ordinals (V34): a student's bit position in a school's bitmaps is
     * allocated in arrival order, so a replay may number students differently; compliance_rollup
     * is compared with its bitmaps decoded into the students they stand for.
     */
    private static final java.util.Set<String> ORDINAL_LABELS = java.util.Set.of("rollup_student_ordinal",
            "rollup_school");

    /** Every row of every table of every registered projection, as text, in a stable order. */
    private Map<String, List<String>> tables() throws Exception {
        LocalInfrastructure infra = LocalInfrastructure.shared();
        Map<String, List<String>> result = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("reporting"), infra.username(),
                infra.password()); Statement st = c.createStatement()) {
            for (Projection projection : registry.projections()) {
                for (String table : projection.tables()) {
                    List<String> rows = new ArrayList<>();
                    if (ORDINAL_LABELS.contains(table)) {
                        continue; // which bit stands for which student depends on arrival order
                    }
                    String query = "compliance_rollup".equals(table)
                            ? "select r.*, (select string_agg(o.student_id::text, ',' order by o.student_id::text)"
                            + " from rollup_student_ordinal o where o.school_id = r.school_id"
                            + " and get_bit(rollup_pad(r.students, o.ordinal + 1), o.ordinal) = 1) as student_ids"
                            + " from compliance_rollup r"
                            : "select * from " + table;
                    try (ResultSet rs = st.executeQuery(query)) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                if ("students".equals(meta.getColumnName(i))) {
                                    continue; // compared as student_ids
                                }
                                row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                            }
                            rows.add(row.toString());
                        }
                    }
                    rows.sort(String::compareTo);
                    result.put(table, rows);
                }
            }
        }
        return result;
    }

    /** Starts a rebuild through the public endpoint and waits for it to be done; returns its status URL. */
    private String rebuild(String projections) {
        var request = given();
        if (projections != null) {
            request = request.queryParam("projections", projections);
        }
        String location = request.post("/api/v1/admin/rebuild").then().statusCode(202)
                .body("status", anyOf(is("QUEUED"), is("RUNNING"))).extract().header("Location");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get(location).then().statusCode(200).body("status", is("DONE")));
        return location;
    }

    private static void assertSameAnswers(Map<String, String> expected, Map<String, String> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String path : expected.keySet()) {
            assertEquals(expected.get(path), actual.get(path), path);
        }
    }

    private static void assertSameRows(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String table : expected.keySet()) {
            assertEquals(expected.get(table), actual.get(table), "table " + table);
        }
    }

    @Test
    void aRebuildFromTheTopicsEqualsTheLiveProjections() throws Exception {
        List<UUID> students = new ArrayList<>(buildCompliance());
        ProgressScenario progress = buildProgress();
        students.add(buildCalendar());
        ConsumerGroups.awaitCaughtUp(); // every test class's events: the tables compared must have settled
        Map<String, String> live = answers(students, progress);
        Map<String, List<String>> liveTables = tables();
        for (String table : List.of("compliance_period", "series_teacher", "school_calendar", "school_calendar_day", "progress_goal", "progress_session",
                "progress_goal_point", "progress_class", "progress_enrollment")) {
            assertFalse(liveTables.get(table).isEmpty(), table);
        }

        String location = rebuild(null);
        given().get(location).then()
                .body("eventsReplayed", greaterThanOrEqualTo(40)) // at least this class's events
                .body("swappedAt", notNullValue())
                .body("projections", containsInAnyOrder("compliance", "progress"));
        given().get("/api/v1/admin/rebuild").then().statusCode(200).body("[0].status", is("DONE"));
        ConsumerGroups.awaitCaughtUp();
        assertSameAnswers(live, answers(students, progress));
        assertSameRows(liveTables, tables());

        // One projection alone: its tables are replaced, the other's are left as they are.
        location = rebuild("progress");
        given().get(location).then().body("projections", contains("progress"));
        assertSameAnswers(live, answers(students, progress));
        assertSameRows(liveTables, tables());

        // Live consumption goes on, on the swapped-in tables, and skips what the rebuilds applied.
        UUID student = students.get(0);
        String mandate = given().get("/api/v1/compliance/students/" + student + "?from=2026-09-14&to=2026-09-14")
                .then().extract().path("mandates[0].mandateId");
        events.on(LocalDate.of(2026, 9, 24));
        events.send(events.completed(UUID.randomUUID(), student, UUID.fromString(mandate), provider,
                ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 21), 30, null));
        events.publisher.send(SessionCompleted.TYPE, progress.student(), session(UUID.randomUUID(), progress, null,
                ServiceSetting.PULL_OUT, LocalDate.of(2026, 9, 29), 8), T0.plusDays(34));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/api/v1/compliance/students/" + student + "?from=2026-09-21&to=2026-09-21")
                    .then().body("mandates[0].periods[0].delivered.pushIn", is(30));
            given().get("/api/v1/students/" + progress.student() + "/goals/" + progress.goal() + "/progress")
                    .then().body("points.value", contains(60.0f, 70.0f, 80.0f));
        });
    }
}
