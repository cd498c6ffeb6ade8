package org.iepservices.schedule.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.iepservices.events.ClassUpserted;
import org.iepservices.events.EnrollmentChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.IepEnded;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.events.ServiceProfileUpdated;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;
import org.iepservices.events.Topics;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The copies schedule-service keeps of rosters and mandates, built from events published to the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class CopiesFromEventsTest {

    static final EventPublisher EVENTS = new EventPublisher();
    static final LocalDate START = LocalDate.of(2026, 9, 1);
    static final LocalDate END = LocalDate.of(2027, 6, 18);

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    static void awaitStatus(String path, int status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> As.admin().get(path).statusCode() == status);
    }

    static IepActivated.Mandate speech(UUID id, UUID continues, LocalDate start, LocalDate end, int pushIn,
                                       int pullOut, List<IepActivated.Constraint> constraints) {
        return new IepActivated.Mandate(id, continues, "SPEECH_LANGUAGE", "SLP", null, pushIn + pullOut, 30, "WEEK",
                pushIn, pullOut, "GROUP", 3, start, end, "Grade 2 classroom", "Speech room", constraints);
    }

    @Test
    void rosterRecordsJoinUpWhateverOrderTheyArriveIn() {
        UUID school = UUID.randomUUID();
        UUID classId = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        UUID enrollment = UUID.randomUUID();
        // Enrollments first (keyed by the user), then the class, the people and the school.
        EVENTS.send(EnrollmentChanged.TYPE, student, new EnrollmentChanged(enrollment, "e1", classId, school,
                student, "student", false, null, null, "active"));
        EVENTS.send(EnrollmentChanged.TYPE, teacher, new EnrollmentChanged(UUID.randomUUID(), "e2", classId, school,
                teacher, "teacher", true, null, null, "active"));
        EVENTS.send(ClassUpserted.TYPE, classId, new ClassUpserted(classId, "c1", "Grade 2 Room 12", "homeroom", school,
                List.of("2"), List.of("ELA"), List.of("1"), "active"));
        EVENTS.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "s1", "Maya", "Lopez", "2", school,
                "active"));
        EVENTS.send(StaffUpserted.TYPE, teacher, new StaffUpserted(teacher, "t1", "Tess", "Teacher", "tess@x.test",
                "TEACHER", null, List.of(school), "active"));
        EVENTS.send(SchoolUpserted.TYPE, school, new SchoolUpserted(school, "org1", "Lincoln Elementary",
                UUID.randomUUID(), "America/New_York", "active"));

        awaitStatus("/api/v1/schools/" + school, 200);
        As.admin().get("/api/v1/schools/" + school).then().body("name", is("Lincoln Elementary"));
        awaitStatus("/api/v1/staff/" + teacher, 200);
        As.admin().get("/api/v1/staff/" + teacher).then().body("discipline", is("TEACHER"))
                .body("schoolIds", contains(school.toString()));
        awaitStatus("/api/v1/students/" + student, 200);
        As.admin().get("/api/v1/classes/" + classId).then().statusCode(200)
                .body("title", is("Grade 2 Room 12"))
                .body("schoolId", is(school.toString()))
                .body("teacherIds", contains(teacher.toString()))
                .body("studentIds", contains(student.toString()));
        As.admin().get("/api/v1/students/" + student).then()
                .body("grade", is("2")).body("schoolId", is(school.toString())).body("status", is("active"))
                .body("classes.classId", contains(classId.toString()))
                .body("classes.title", contains("Grade 2 Room 12"));
        As.admin().get("/api/v1/schools/" + school + "/classes").then().body("id", contains(classId.toString()));

        // An enrollment that ended leaves the class.
        EVENTS.send(EnrollmentChanged.TYPE, student, new EnrollmentChanged(enrollment, "e1", classId, school, student,
                "student", false, null, null, "tobedeleted"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                As.admin().get("/api/v1/classes/" + classId).then().extract().<List<String>>path("studentIds").isEmpty());
        As.admin().get("/api/v1/students/" + student).then().body("classes", hasSize(0));
        As.admin().get("/api/v1/students/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void amendmentsEndTheSupersededMandatesTheDayBeforeAndAnEndClipsTheRest() {
        UUID student = UUID.randomUUID();
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        EVENTS.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "s2", "Noah", "Kim", "3",
                UUID.randomUUID(), "active"));
        EVENTS.send(IepActivated.TYPE, student, new IepActivated(v1, student, null, START, END,
                List.of(speech(m1, null, START, END, 1, 1, List.of(new IepActivated.Constraint("NOT_DURING_SUBJECT",
                        "ELA_READING", "keep him in reading")))),
                List.of(new IepActivated.Goal(goal, "EXPRESSIVE_LANGUAGE", "Retell a story in sequence", "40%",
                        "80%", 80, "PERCENT_ACCURACY", "GENERALIZATION", "SPEECH_LANGUAGE"))));
        EVENTS.send(IepAmended.TYPE, student, new IepAmended(v2, student, v1, LocalDate.of(2027, 1, 4), END,
                List.of(speech(m2, m1, LocalDate.of(2027, 1, 4), END, 2, 0, List.of())), List.of(), "more push-in"));
        EVENTS.send(ServiceProfileUpdated.TYPE, student, new ServiceProfileUpdated(student, "HIGH", true, "MCD-1",
                List.of("F80.0"), true, START));

        String path = "/api/v1/students/" + student + "/mandates";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> As.admin().get(path).then().extract().<List<String>>path("id").size() == 2);
        Response mandates = As.admin().get(path);
        mandates.then().body("id", containsInAnyOrder(m1.toString(), m2.toString()));
        assertEquals("2027-01-03", mandates.path("find { it.id == '" + m1 + "' }.endsInForce"));
        assertEquals(END.toString(), mandates.path("find { it.id == '" + m1 + "' }.endDate"), "the IEP's own date is kept");
        assertEquals("ELA_READING", mandates.path("find { it.id == '" + m1 + "' }.constraints[0].subject"));
        assertEquals(m1.toString(), mandates.path("find { it.id == '" + m2 + "' }.continuesMandateId"));
        As.admin().queryParam("on", "2026-10-01").get(path).then().body("id", contains(m1.toString()));
        As.admin().queryParam("on", "2027-02-01").get(path).then().body("id", contains(m2.toString()));
        As.admin().get("/api/v1/students/" + student + "/goals").then()
                .body("id", contains(goal.toString())).body("skillStage", contains("GENERALIZATION"));
        awaitStatus("/api/v1/students/" + student, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "HIGH".equals(As.admin().get("/api/v1/students/" + student)
                .path("serviceProfile.regulationSupport")));
        As.admin().get("/api/v1/students/" + student).then().body("serviceProfile.needsQuietSetting", is(true));

        EVENTS.send(IepEnded.TYPE, student, new IepEnded(v2, student, LocalDate.of(2027, 3, 1), "exited services"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "2027-03-01".equals(As.admin().get(path)
                .path("find { it.id == '" + m2 + "' }.endsInForce")));
        As.admin().queryParam("on", "2027-04-01").get(path).then().body("", hasSize(0));
    }

    @Test
    void anAmendmentArrivingBeforeTheVersionItAmendsStillClipsIt() {
        UUID student = UUID.randomUUID();
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        EVENTS.send(IepAmended.TYPE, student, new IepAmended(v2, student, v1, LocalDate.of(2026, 11, 2), END,
                List.of(speech(m2, m1, LocalDate.of(2026, 11, 2), END, 1, 1, List.of())), List.of(), "correction"));
        EVENTS.send(IepActivated.TYPE, student, new IepActivated(v1, student, null, START, END,
                List.of(speech(m1, null, START, END, 1, 1, List.of())), List.of()));
        String path = "/api/v1/students/" + student + "/mandates";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> As.admin().get(path).then().extract().<List<String>>path("id").size() == 2);
        assertEquals("2026-11-01", As.admin().get(path).path("find { it.id == '" + m1 + "' }.endsInForce"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID student = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        EventEnvelope grade2 = EVENTS.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "s3", "Ivy",
                "Chen", "2", school, "active"));
        EVENTS.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "s3", "Ivy", "Chen", "3", school,
                "active"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "3".equals(As.admin().get("/api/v1/students/" + student).path("grade")));
        EVENTS.send(Topics.ROSTER, grade2); // the same event id again: Kafka and the outbox are at-least-once
        // A marker behind it on the same partition (same key): once it shows, the redelivery was handled.
        UUID marker = UUID.randomUUID();
        EVENTS.send(StudentUpserted.TYPE, student, new StudentUpserted(marker, "m", "After", "Redelivery", "1", school,
                "active"));
        awaitStatus("/api/v1/students/" + marker, 200);
        assertEquals("3", As.admin().get("/api/v1/students/" + student).path("grade"));
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheConsumerMovesOn() {
        UUID key = UUID.randomUUID();
        try (TopicProbe dlq = new TopicProbe("schedule.dlq")) {
            EVENTS.sendRaw(Topics.ROSTER, key.toString(), "{not json");
            // A known type without the ids it needs cannot be applied either.
            EVENTS.sendRaw(Topics.IEP, key.toString(), "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"IepEnded\","
                    + "\"specversion\":\"1.0\",\"subject\":\"" + key + "\",\"data\":{\"reason\":\"no ids\"}}");
            // An event type this service does not handle is recorded and skipped, not dead-lettered.
            EVENTS.sendRaw(Topics.ROSTER, key.toString(), "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"Future"
                    + "Thing\",\"specversion\":\"1.0\",\"subject\":\"" + key + "\",\"data\":{\"x\":1}}");
            List<TopicProbe.Received> dead = dlq.await(r -> key.toString().equals(r.key()), 2, Duration.ofSeconds(30));
            assertEquals(2, dead.size(), "both unreadable records are kept on schedule.dlq");
            assertEquals(2, dlq.await(r -> key.toString().equals(r.key()), 3, Duration.ofSeconds(2)).size(),
                    "the unknown type is not dead-lettered");
        }
        UUID after = UUID.randomUUID();
        EVENTS.send(StudentUpserted.TYPE, key, new StudentUpserted(after, "a", "Still", "Consuming", "1",
                UUID.randomUUID(), "active"));
        awaitStatus("/api/v1/students/" + after, 200);
    }
}
