package org.iepservices.reporting.progress.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.iepservices.events.ClassUpserted;
import org.iepservices.events.EnrollmentChanged;
import org.iepservices.events.OccurrenceCancelled;
import org.iepservices.events.OccurrenceRescheduled;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.iepservices.reporting.testing.Caller.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.reporting.progress.api.GoalProgressResourceTest.session;
import static org.iepservices.reporting.progress.api.GoalProgressResourceTest.trials;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class TeacherPushInResourceTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-09-01T08:00:00Z");

    private final EventPublisher events = new EventPublisher();
    private final UUID teacher = UUID.randomUUID();
    private final UUID otherTeacher = UUID.randomUUID();
    private final UUID room12 = UUID.randomUUID();
    private final UUID room14 = UUID.randomUUID();
    private final UUID ava = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();
    private final UUID series = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    private static SessionSeriesScheduled.Occurrence occurrence(UUID id, String date) {
        return new SessionSeriesScheduled.Occurrence(id, LocalDate.parse(date), LocalTime.of(10, 0), 30, List.of());
    }

    private SessionSeriesScheduled pushIn(UUID series, UUID student, UUID schoolClass, UUID teacherId,
                                          List<SessionSeriesScheduled.Occurrence> occurrences) {
        return new SessionSeriesScheduled(series, student, UUID.randomUUID(), provider, "SPEECH_LANGUAGE",
                ServiceSetting.PUSH_IN, UUID.randomUUID(), schoolClass, List.of(teacherId), UUID.randomUUID(),
                "ELA_READING", null, DayOfWeek.THURSDAY, LocalTime.of(10, 0), 30, LocalDate.parse("2026-09-01"),
                LocalDate.parse("2027-06-18"), 2, occurrences);
    }

    private String path(UUID teacherId) {
        return "/api/v1/teachers/" + teacherId + "/push-in";
    }

    @Test
    void upcomingPushInSessionsWithCancellationsAndMovesAndTheLastDebriefsWithoutClinicalData() throws Exception {
        events.send(StaffUpserted.TYPE, teacher, new StaffUpserted(teacher, "t", "Jordan", "Reyes", null, "TEACHER",
                null, List.of(), "active"));
        events.send(StaffUpserted.TYPE, provider, new StaffUpserted(provider, "p", "Dana", "Whitfield", null, "SLP",
                "CCC-SLP", List.of(), "active"));
        events.send(ClassUpserted.TYPE, room12, new ClassUpserted(room12, "c12", "Grade 3 - Room 12", "homeroom",
                UUID.randomUUID(), List.of("03"), List.of(), List.of(), "active"));
        events.send(EnrollmentChanged.TYPE, teacher, new EnrollmentChanged(UUID.randomUUID(), "e1", room12,
                UUID.randomUUID(), teacher, "teacher", true, null, null, "active"));
        events.send(StudentUpserted.TYPE, ava, new StudentUpserted(ava, "a", "Ava", "Brooks", "03", null, "active"));
        events.send(StudentUpserted.TYPE, ben, new StudentUpserted(ben, "b", "Ben", "Carter", "03", null, "active"));

        UUID ava1 = UUID.randomUUID(), ava8 = UUID.randomUUID(), ava15 = UUID.randomUUID();
        UUID ben1 = UUID.randomUUID(), ben8 = UUID.randomUUID(), ben15 = UUID.randomUUID();
        SessionSeriesScheduled avaSeries = pushIn(series, ava, room12, teacher, List.of(occurrence(ava1, "2026-10-01"),
                occurrence(ava8, "2026-10-08"), occurrence(ava15, "2026-10-15")));
        events.send(SessionSeriesScheduled.TYPE, ava, avaSeries, T0);
        events.send(SessionSeriesScheduled.TYPE, ben, pushIn(series, ben, room12, teacher,
                List.of(occurrence(ben1, "2026-10-01"), occurrence(ben8, "2026-10-08"), occurrence(ben15, "2026-10-15"))),
                T0);
        events.send(OccurrenceCancelled.TYPE, ava, new OccurrenceCancelled(ava8, series, ava, null, provider,
                ServiceSetting.PUSH_IN, LocalDate.parse("2026-10-08"), 30, "STUDENT_UNAVAILABLE", "field trip"),
                T0.plusDays(1));
        events.send(OccurrenceRescheduled.TYPE, ben, new OccurrenceRescheduled(ben15, series, ben, null,
                ServiceSetting.PUSH_IN, LocalDate.parse("2026-10-15"), LocalDate.parse("2026-10-16"),
                LocalTime.of(11, 0), 30, List.of()), T0.plusDays(1));
        // An older snapshot of Ava's series arriving late must not undo the cancellation.
        events.send(SessionSeriesScheduled.TYPE, ava, avaSeries, T0.minusDays(1));
        // Another class and a pull-out series: not this teacher's.
        events.send(SessionSeriesScheduled.TYPE, ava, pushIn(UUID.randomUUID(), ava, room14, otherTeacher,
                List.of(occurrence(UUID.randomUUID(), "2026-10-02"))), T0);

        // A push-in session in Room 12 (both students) and one in Room 14.
        UUID log = UUID.randomUUID();
        SessionCompleted.PushInContext context = new SessionCompleted.PushInContext(room12, teacher, "ELA_READING",
                "STATION", "HIGH", "Both used the story map at the reading station; keep it on the table.", false);
        for (UUID s : List.of(ava, ben)) {
            events.send(SessionCompleted.TYPE, s, session(log, s, UUID.randomUUID(), provider, ServiceSetting.PUSH_IN,
                    "2026-09-24", 30, List.of(trials(UUID.randomUUID(), 6, 10, "MINIMAL")), context,
                    "Clinical progress note for the family"));
        }
        events.send(SessionCompleted.TYPE, ava, session(UUID.randomUUID(), ava, UUID.randomUUID(), provider,
                ServiceSetting.PUSH_IN, "2026-09-25", 30, List.of(), new SessionCompleted.PushInContext(room14,
                        otherTeacher, "MATH", "CONSULT", "LOW", "Room 14 note", false), null));

        String view = path(teacher);
        // Roster, schedule and session events travel on three topics and two consumer groups: wait for all.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-28").queryParam("to", "2026-10-20").get(view).then().statusCode(200)
                .body("teacherName", is("Jordan Reyes"))
                .body("classes.title", contains("Grade 3 - Room 12"))
                .body("upcoming.date", contains("2026-10-01", "2026-10-08", "2026-10-15", "2026-10-16"))
                .body("upcoming.startTime", contains("10:00:00", "10:00:00", "10:00:00", "11:00:00"))
                .body("upcoming[0].students.name", contains("Ava Brooks", "Ben Carter"))
                .body("upcoming[1].students.name", contains("Ben Carter")) // Ava's was cancelled
                .body("upcoming[2].students.name", contains("Ava Brooks"))
                .body("upcoming[3].students.name", contains("Ben Carter")) // Ben's moved to Friday 11:00
                .body("upcoming[0].schoolClass.title", is("Grade 3 - Room 12"))
                .body("upcoming[0].provider.name", is("Dana Whitfield"))
                .body("upcoming[0].provider.discipline", is("SLP"))
                .body("upcoming[0].activitySubject", is("ELA_READING"))
                .body("debriefs", hasSize(1))
                .body("debriefs[0].sessionLogId", is(log.toString()))
                .body("debriefs[0].date", is("2026-09-24"))
                .body("debriefs[0].note", is("Both used the story map at the reading station; keep it on the table."))
                .body("debriefs[0].coTeachingModel", is("STATION"))
                .body("debriefs[0].students.name", contains("Ava Brooks", "Ben Carter")));

        Response r = given().queryParam("from", "2026-09-28").queryParam("to", "2026-10-20").get(view);
        String body = r.asString();
        for (String clinical : List.of("Clinical progress note", "clinical: needed", "goalData", "cueLevel",
                "progressNote", "percent", "medicaid", "Room 14 note")) {
            assertFalse(body.contains(clinical), clinical + " must not be in the teacher view: " + body);
        }
    }

    @Test
    void aTeacherNamedOnlyByASeriesSeesItAndUnknownOrBadRequestsAreRefused() throws Exception {
        UUID teacherOnlyInSeries = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        UUID occ = UUID.randomUUID();
        events.send(SessionSeriesScheduled.TYPE, student, pushIn(UUID.randomUUID(), student, room14,
                teacherOnlyInSeries, List.of(occurrence(occ, "2026-10-02"))), T0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-05").get(path(teacherOnlyInSeries))
                .then().statusCode(200)
                .body("teacherName", nullValue())
                .body("upcoming.date", contains("2026-10-02"))
                .body("upcoming[0].students[0].id", is(student.toString()))
                .body("upcoming[0].students[0].name", nullValue()));

        given().get(path(UUID.randomUUID())).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("from", "tomorrow").queryParam("to", "2026-13-01").get(path(teacherOnlyInSeries)).then()
                .statusCode(400).body("violations.field", containsInAnyOrder("from", "to"));
        given().queryParam("from", "2026-10-05").queryParam("to", "2026-10-01").get(path(teacherOnlyInSeries)).then()
                .statusCode(400).body("violations.field", contains("to"));
        // default range: from today for progress.teacher.days-ahead days
        given().get(path(teacherOnlyInSeries)).then().statusCode(200)
                .body("from", is(notNullValue())).body("to", is(notNullValue()));
    }
}
