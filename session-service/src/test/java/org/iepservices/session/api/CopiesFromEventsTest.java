package org.iepservices.session.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.IepEnded;
import org.iepservices.events.OccurrenceCancelled;
import org.iepservices.events.OccurrenceRescheduled;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionSeriesCancelled;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentDeactivated;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The copies session-service keeps from roster.events, iep.events and schedule.events, published to Kafka here. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class CopiesFromEventsTest {

    private TestWorld world;

    @BeforeEach
    void district() throws Exception {
        world = TestWorld.create();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    @Test
    void schoolsStudentsStaffMandatesGoalsAndServiceProfilesShowUp() throws Exception {
        TestWorld.Student s = world.student();
        eventually(() -> world.admin().get("/api/v1/students/" + s.id() + "/service-profile").then().statusCode(200));

        world.admin().get("/api/v1/schools/" + world.school).then().statusCode(200)
                .body("districtId", is(world.district.toString()))
                .body("name", is("Maple Elementary"));
        world.admin().get("/api/v1/students/" + s.id()).then().statusCode(200)
                .body("schoolId", is(world.school.toString()))
                .body("districtId", is(world.district.toString()))
                .body("status", is("active"))
                .body("givenName", is("Ava"));
        world.admin().get("/api/v1/providers/" + world.slp.id()).then().statusCode(200)
                .body("discipline", is("SLP"))
                .body("credentials", is("M.S., CCC-SLP"))
                .body("familyName", is("Whitfield"));
        world.admin().queryParam("on", "2026-09-15").get("/api/v1/students/" + s.id() + "/mandates").then()
                .body("find { it.mandateId == '" + s.speech() + "' }.serviceType", is("SPEECH_LANGUAGE"))
                .body("find { it.mandateId == '" + s.speech() + "' }.discipline", is("SLP"))
                .body("find { it.mandateId == '" + s.speech() + "' }.pushInSessions", is(1))
                .body("find { it.mandateId == '" + s.speech() + "' }.inForceFrom", is("2026-09-01"))
                .body("find { it.mandateId == '" + s.speech() + "' }.inForceTo", is("2027-06-30"))
                .body("find { it.mandateId == '" + s.speech() + "' }.inForce", is(true))
                .body("find { it.mandateId == '" + s.ot() + "' }.discipline", is("OT"));
        world.admin().queryParam("mandateId", s.speech()).get("/api/v1/students/" + s.id() + "/goals").then()
                .body("goalId", containsInAnyOrder(s.speechGoal().toString(), s.speechGoal2().toString(),
                        s.otGoal().toString()));
        world.admin().get("/api/v1/students/" + s.id() + "/service-profile").then()
                .body("medicaidId", is(s.medicaidId()))
                .body("diagnosisCodes", contains("F80.0", "F80.2"))
                .body("billingConsentOnFile", is(true));

        // Unknown ids: 404 saying nothing has been received.
        world.admin().get("/api/v1/students/" + UUID.randomUUID()).then().statusCode(404)
                .body("detail", containsString("has not been received"));
        // A student the caller cannot see (here: not received, so not known to be in the district) is a 404 too.
        world.admin().get("/api/v1/students/" + UUID.randomUUID() + "/mandates").then().statusCode(404);
        // A district admin of a single-district deployment (no district claim) sees every student: [] until the IEP arrives.
        Tokens.as(Tokens.districtAdminWithoutDistrict()).get("/api/v1/students/" + UUID.randomUUID() + "/mandates")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void anAmendmentArrivingBeforeTheVersionItAmendsStillEndsThatVersionTheDayBefore() throws Exception {
        UUID student = UUID.randomUUID();
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        UUID oldSpeech = UUID.randomUUID();
        UUID newSpeech = UUID.randomUUID();
        LocalDate amendedFrom = LocalDate.of(2026, 11, 2);
        IepActivated.Mandate continued = new IepActivated.Mandate(newSpeech, oldSpeech, "SPEECH_LANGUAGE", null,
                world.slp.id(), 3, 30, "WEEK", 1, 2, "GROUP", 3, IEP_START, IEP_END, null, null, List.of());
        // Out of order: the amendment first, then the version it amends, then the student's roster record.
        world.events.send(IepAmended.TYPE, student, new IepAmended(v2, student, v1, amendedFrom, IEP_END,
                List.of(continued), List.of(), "more pull-out"));
        world.events.send(IepActivated.TYPE, student, new IepActivated(v1, student, null, IEP_START, IEP_END,
                List.of(mandate(oldSpeech, "SPEECH_LANGUAGE", world.slp.id(), 2, 1, 1)), List.of()));
        world.events.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "s", "Liam", "Nguyen", "2",
                world.school, "active"));

        eventually(() -> world.admin().get("/api/v1/students/" + student + "/mandates").then()
                .body("mandateId", hasItems(oldSpeech.toString(), newSpeech.toString())));
        world.admin().get("/api/v1/students/" + student + "/mandates").then()
                .body("find { it.mandateId == '" + oldSpeech + "' }.inForceTo", is("2026-11-01"))
                .body("find { it.mandateId == '" + newSpeech + "' }.inForceFrom", is("2026-11-02"))
                .body("find { it.mandateId == '" + newSpeech + "' }.continuesMandateId", is(oldSpeech.toString()));
        world.admin().queryParam("on", "2026-11-02").queryParam("inForce", true)
                .get("/api/v1/students/" + student + "/mandates").then()
                .body("mandateId", contains(newSpeech.toString()));

        // An IEP ended early: nothing in force after the end day.
        world.events.send(IepEnded.TYPE, student, new IepEnded(v2, student, LocalDate.of(2026, 12, 18), "moved"));
        eventually(() -> world.admin().get("/api/v1/students/" + student + "/mandates").then()
                .body("find { it.mandateId == '" + newSpeech + "' }.inForceTo", is("2026-12-18")));
        world.admin().get("/api/v1/students/" + student).then().body("districtId", is(world.district.toString()));
    }

    @Test
    void scheduledOccurrencesFollowSeriesCancellationsAndMovesWhateverTheOrder() throws Exception {
        TestWorld.Student s = world.student();
        UUID series = UUID.randomUUID();
        UUID classId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        OffsetDateTime published = OffsetDateTime.now().minusMinutes(5);
        SessionSeriesScheduled state = new SessionSeriesScheduled(series, s.id(), s.speech(), world.slp.id(),
                "SPEECH_LANGUAGE", ServiceSetting.PUSH_IN, world.school, classId, List.of(world.teacher.id()),
                UUID.randomUUID(), "ELA_READING", null, DayOfWeek.THURSDAY, LocalTime.of(9, 0), 30,
                LocalDate.of(2026, 9, 17), LocalDate.of(2026, 10, 1), 1, List.of(
                new SessionSeriesScheduled.Occurrence(first, LocalDate.of(2026, 9, 17), LocalTime.of(9, 0), 30, List.of()),
                new SessionSeriesScheduled.Occurrence(second, LocalDate.of(2026, 9, 24), LocalTime.of(9, 0), 30, List.of()),
                new SessionSeriesScheduled.Occurrence(third, LocalDate.of(2026, 10, 1), LocalTime.of(9, 0), 30, List.of())));
        // The cancellation of the first occurrence happened after the series was published, but arrives first.
        world.events.send("schedule.events", world.events.envelope(OccurrenceCancelled.TYPE, s.id(),
                new OccurrenceCancelled(first, series, s.id(), s.speech(), world.slp.id(), ServiceSetting.PUSH_IN,
                        LocalDate.of(2026, 9, 17), 30, "PROVIDER_UNAVAILABLE", "training day"),
                published.plusMinutes(1)));
        world.events.send("schedule.events", world.events.envelope(SessionSeriesScheduled.TYPE, s.id(), state,
                published));

        eventually(() -> world.admin().get("/api/v1/occurrences/" + second).then().statusCode(200));
        world.admin().get("/api/v1/occurrences/" + second).then()
                .body("providerId", is(world.slp.id().toString()))
                .body("setting", is("PUSH_IN"))
                .body("classId", is(classId.toString()))
                .body("teacherIds", contains(world.teacher.id().toString()))
                .body("activitySubject", is("ELA_READING"))
                .body("startTime", is("09:00:00"))
                .body("endTime", is("09:30:00"))
                .body("students[0].studentId", is(s.id().toString()))
                .body("students[0].mandateId", is(s.speech().toString()))
                .body("students[0].status", is("SCHEDULED"));
        world.admin().get("/api/v1/occurrences/" + first).then()
                .body("students[0].status", is("CANCELLED"))
                .body("students[0].cancelReason", is("PROVIDER_UNAVAILABLE"));

        world.events.send(OccurrenceRescheduled.TYPE, s.id(), new OccurrenceRescheduled(second, series, s.id(),
                s.speech(), ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 24), LocalDate.of(2026, 9, 25),
                LocalTime.of(13, 0), 30, List.of()));
        world.events.send(SessionSeriesCancelled.TYPE, s.id(), new SessionSeriesCancelled(series, s.id(), s.speech(),
                LocalDate.of(2026, 10, 1), "moved to pull-out"));
        eventually(() -> world.admin().get("/api/v1/occurrences/" + third).then()
                .body("students[0].status", is("CANCELLED"))
                .body("students[0].cancelReason", is("SERIES_CANCELLED")));
        world.admin().get("/api/v1/occurrences/" + second).then()
                .body("date", is("2026-09-25"))
                .body("startTime", is("13:00:00"));
        world.admin().queryParam("from", "2026-09-14").queryParam("to", "2026-10-02")
                .get("/api/v1/providers/" + world.slp.id() + "/occurrences").then()
                .body("occurrenceId", contains(first.toString(), second.toString(), third.toString()));
    }

    @Test
    void aRedeliveredEventChangesNothingAndADeactivationDatesTheStudentsLastDay() throws Exception {
        UUID staff = UUID.randomUUID();
        EventEnvelope first = world.events.envelope(StaffUpserted.TYPE, staff, new StaffUpserted(staff, "x", "Rafael",
                "Ortiz", null, "SLP", "M.A., CCC-SLP", List.of(), "active"));
        world.events.send("roster.events", first);
        world.events.send(StaffUpserted.TYPE, staff, new StaffUpserted(staff, "x", "Rafael", "Ortiz", null, "SLP",
                "M.A., CCC-SLP, BCS-CL", List.of(), "active"));
        eventually(() -> world.admin().get("/api/v1/providers/" + staff).then()
                .body("credentials", is("M.A., CCC-SLP, BCS-CL")));
        world.events.send("roster.events", first); // Kafka redelivers the first one
        UUID student = UUID.randomUUID();
        world.events.send(StudentDeactivated.TYPE, student, new StudentDeactivated(student, "s", world.school,
                LocalDate.of(2026, 10, 5), "moved out of district"));
        eventually(() -> world.admin().get("/api/v1/students/" + student).then().statusCode(200)
                .body("deactivatedOn", is("2026-10-05")).body("status", is("tobedeleted")));
        world.admin().get("/api/v1/providers/" + staff).then().body("credentials", is("M.A., CCC-SLP, BCS-CL"));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String garbage = "{\"not\":\"a cloudevent\"," + UUID.randomUUID() + "}";
        UUID student = UUID.randomUUID();
        String broken = world.events.mapper.writeValueAsString(world.events.envelope(StudentUpserted.TYPE, student,
                new StudentUpserted(null, "s", "No", "Id", "1", world.school, "active")));
        try (SessionEventsProbe dlq = new SessionEventsProbe("session.dlq")) {
            world.events.sendRaw("roster.events", student.toString(), garbage);
            world.events.sendRaw("roster.events", student.toString(), broken);
            world.events.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "s", "Ok", "Now", "1",
                    world.school, "active"));
            eventually(() -> world.admin().get("/api/v1/students/" + student).then().statusCode(200));
            dlq.await(e -> false, 1, Duration.ofSeconds(0));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline
                    && dlq.seen.stream().map(ConsumerRecord::value).filter(v -> v.equals(garbage) || v.equals(broken))
                    .count() < 2) {
                dlq.await(e -> false, 1, Duration.ofMillis(500));
            }
            List<String> values = dlq.seen.stream().map(ConsumerRecord::value).toList();
            assertTrue(values.contains(garbage), "the unreadable record was kept on session.dlq");
            assertTrue(values.contains(broken), "the event without a student id was kept on session.dlq");
        }
    }
}
