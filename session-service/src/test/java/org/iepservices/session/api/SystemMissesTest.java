package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.iepservices.events.CalendarChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.OccurrenceCancelled;
import org.iepservices.events.SchoolClosed;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.session.service.UndocumentedSweep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.post;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13, "misses the system knows": closures, cancelled occurrences, ABSENT lines of signed group
 * logs and occurrences left undocumented become misses with origin SYSTEM, classified by the
 * district's makeup policy, one per student and occurrence whatever the order or redelivery of the
 * events; the worklist shows each occurrence DOCUMENTED, MISSED or UNDOCUMENTED. Events go to the
 * real broker; misses are read back over HTTP and SessionMissed/MissResolved from session.events.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class SystemMissesTest {

    @Inject
    UndocumentedSweep sweep;

    private TestWorld world;
    private TestWorld.Student ava;
    private TestWorld.Student ben;

    @BeforeEach
    void district() throws Exception {
        world = TestWorld.create();
        ava = world.student();
        ben = world.student();
        world.awaitKnown(ava, ben);
    }

    @AfterEach
    void close() {
        world.close();
    }

    /** A group pull-out of Ava and Ben on {@code date} at the world's school; returns the occurrence id. */
    private UUID groupOccurrence(String date) throws Exception {
        UUID occurrence = UUID.randomUUID();
        UUID series = UUID.randomUUID();
        for (TestWorld.Student s : List.of(ava, ben)) {
            scheduled(series, s, occurrence, date, 2);
        }
        return occurrence;
    }

    private void scheduled(UUID series, TestWorld.Student s, UUID occurrence, String date, int groupSize)
            throws Exception {
        LocalDate day = LocalDate.parse(date);
        world.events.send(SessionSeriesScheduled.TYPE, s.id(), new SessionSeriesScheduled(series, s.id(),
                s.speech(), world.slp.id(), "SPEECH_LANGUAGE", ServiceSetting.PULL_OUT, world.school, null,
                List.of(), null, null, "Room 12", day.getDayOfWeek(), LocalTime.of(10, 0), 30, day, day, groupSize,
                List.of(new SessionSeriesScheduled.Occurrence(occurrence, day, LocalTime.of(10, 0), 30, List.of()))));
    }

    private void awaitOccurrence(UUID occurrence, int students) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> world.slp()
                .get("/api/v1/occurrences/" + occurrence).then().statusCode(200).body("students", hasSize(students)));
    }

    private ValidatableResponse misses(TestWorld.Student s, String date) {
        return world.admin().queryParam("studentId", s.id()).queryParam("from", date).queryParam("to", date)
                .get("/api/v1/misses").then().statusCode(200);
    }

    private void awaitMisses(TestWorld.Student s, String date, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> misses(s, date).body("$", hasSize(count)));
    }

    private static List<JsonNode> missedEvents(SessionEventsProbe probe, UUID student, int atLeast) throws Exception {
        return probe.await(e -> e.path("type").asText().equals("SessionMissed")
                && e.path("data").path("studentId").asText().equals(student.toString()), atLeast, Duration.ofSeconds(10));
    }

    // --- a. closures ---------------------------------------------------------------------------------

    @Test
    void aClosureMakesOneNotOwedMissPerStudentWhateverIsRedelivered() throws Exception {
        UUID occurrence = groupOccurrence("2026-10-07");
        awaitOccurrence(occurrence, 2);
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            EventEnvelope closure = world.events.envelope(SchoolClosed.TYPE, world.school,
                    new SchoolClosed(world.school, LocalDate.of(2026, 10, 7), "snow"));
            world.events.send("schedule.events", closure);
            awaitMisses(ava, "2026-10-07", 1);
            awaitMisses(ben, "2026-10-07", 1);
            misses(ava, "2026-10-07")
                    .body("[0].reason", is("SCHOOL_CLOSED"))
                    .body("[0].origin", is("SYSTEM"))
                    .body("[0].owed", is("NOT_OWED"))
                    .body("[0].occurrenceId", is(occurrence.toString()))
                    .body("[0].minutes", is(30))
                    .body("[0].recordedBy", nullValue());
            world.slp().get("/api/v1/occurrences/" + occurrence).then()
                    .body("documentationStatus", is("MISSED"))
                    .body("students.status", everyItem(is("CANCELLED")));

            // Redelivered as is, announced again, and the cancellations schedule-service publishes too.
            world.events.send("schedule.events", closure);
            world.events.send(SchoolClosed.TYPE, world.school,
                    new SchoolClosed(world.school, LocalDate.of(2026, 10, 7), "snow"));
            for (TestWorld.Student s : List.of(ava, ben)) {
                world.events.send(OccurrenceCancelled.TYPE, s.id(), new OccurrenceCancelled(occurrence, null, s.id(),
                        s.speech(), world.slp.id(), ServiceSetting.PULL_OUT, LocalDate.of(2026, 10, 7), 30,
                        "SCHOOL_CLOSED", "snow"));
            }
            // A later closure on the same partitions shows that everything before it was consumed.
            UUID marker = groupOccurrence("2026-10-08");
            awaitOccurrence(marker, 2);
            world.events.send(SchoolClosed.TYPE, world.school,
                    new SchoolClosed(world.school, LocalDate.of(2026, 10, 8), "snow"));
            awaitMisses(ava, "2026-10-08", 1);
            awaitMisses(ben, "2026-10-08", 1);
            misses(ava, "2026-10-07").body("$", hasSize(1));
            misses(ben, "2026-10-07").body("$", hasSize(1));
            List<JsonNode> events = missedEvents(probe, ava.id(), 3);
            assertEquals(2, events.size(), "one SessionMissed per day for Ava: " + events);
            JsonNode data = events.get(0).get("data");
            assertEquals("SYSTEM", data.get("origin").asText());
            assertEquals("SCHOOL_CLOSED", data.get("reason").asText());
            assertEquals("NOT_OWED", data.get("owed").asText());
        }
    }

    @Test
    void aClosureBeforeTheOccurrenceArrivesStillMakesTheMiss() throws Exception {
        world.events.send(SchoolClosed.TYPE, world.school,
                new SchoolClosed(world.school, LocalDate.of(2026, 10, 14), "water main break"));
        UUID occurrence = groupOccurrence("2026-10-14");
        awaitMisses(ava, "2026-10-14", 1);
        awaitMisses(ben, "2026-10-14", 1);
        misses(ben, "2026-10-14").body("[0].reason", is("SCHOOL_CLOSED")).body("[0].origin", is("SYSTEM"))
                .body("[0].occurrenceId", is(occurrence.toString()));
        world.admin().queryParam("from", "2026-10-14").queryParam("to", "2026-10-14")
                .get("/api/v1/students/" + ava.id() + "/occurrences").then().statusCode(200)
                .body("[0].documentationStatus", is("MISSED"))
                .body("[0].students.missId", everyItem(notNullValue()));
        // The day is closed: the occurrence cannot be documented as held.
        post(world.slp(), "/api/v1/session-logs", Map.of("occurrenceId", occurrence.toString())).statusCode(422)
                .body("violations[0].message", containsString("SCHOOL_CLOSED"));
    }

    @Test
    void aDistrictThatOwesClosuresGetsOwedClosureMisses() throws Exception {
        Map<String, String> verdicts = new java.util.HashMap<>(Map.of("STUDENT_ABSENT", "NOT_OWED",
                "STUDENT_UNAVAILABLE", "REVIEW", "PROVIDER_ABSENT", "OWED", "PROVIDER_REASSIGNED", "OWED",
                "SCHOOL_CLOSED", "OWED", "SCHEDULING_ERROR", "OWED", "OTHER", "REVIEW"));
        world.admin().contentType("application/json").body(Map.of("verdicts", verdicts, "updatedBy", "SPED director",
                        "undocumentedAfterSchoolDays", 3))
                .put("/api/v1/districts/" + world.district + "/makeup-policy").then().statusCode(200)
                .body("verdicts.SCHOOL_CLOSED", is("OWED"))
                .body("verdicts.UNDOCUMENTED", is("REVIEW"))
                .body("undocumentedAfterSchoolDays", is(3));
        UUID occurrence = groupOccurrence("2026-10-21");
        awaitOccurrence(occurrence, 2);
        world.events.send(SchoolClosed.TYPE, world.school,
                new SchoolClosed(world.school, LocalDate.of(2026, 10, 21), "storm"));
        awaitMisses(ava, "2026-10-21", 1);
        misses(ava, "2026-10-21").body("[0].owed", is("OWED")).body("[0].districtId", is(world.district.toString()));
    }

    @Test
    void theDefaultPolicyDoesNotOweClosures() {
        world.admin().get("/api/v1/districts/" + world.district + "/makeup-policy").then().statusCode(200)
                .body("verdicts.SCHOOL_CLOSED", is("NOT_OWED"))
                .body("verdicts.UNDOCUMENTED", is("REVIEW"))
                .body("undocumentedAfterSchoolDays", is(5));
    }

    // --- b. cancelled occurrences ---------------------------------------------------------------------

    @Test
    void aCancelledOccurrenceIsAMissWithItsReasonAndAPersonTakesItOver() throws Exception {
        UUID occurrence = UUID.randomUUID();
        UUID series = UUID.randomUUID();
        scheduled(series, ava, occurrence, "2026-10-13", 1);
        awaitOccurrence(occurrence, 1);
        EventEnvelope cancelled = world.events.envelope(OccurrenceCancelled.TYPE, ava.id(),
                new OccurrenceCancelled(occurrence, series, ava.id(), ava.speech(), world.slp.id(),
                        ServiceSetting.PULL_OUT, LocalDate.of(2026, 10, 13), 30, "PROVIDER_UNAVAILABLE", "sick"));
        world.events.send("schedule.events", cancelled);
        world.events.send("schedule.events", cancelled); // redelivery
        awaitMisses(ava, "2026-10-13", 1);
        String missId = misses(ava, "2026-10-13")
                .body("[0].reason", is("PROVIDER_ABSENT"))
                .body("[0].owed", is("OWED"))
                .body("[0].origin", is("SYSTEM"))
                .extract().path("[0].id");

        // A school event cancelled another one (order: the cancellation before the series copy).
        UUID assembly = UUID.randomUUID();
        UUID assemblySeries = UUID.randomUUID();
        world.events.send(OccurrenceCancelled.TYPE, ava.id(), new OccurrenceCancelled(assembly, assemblySeries, ava.id(),
                ava.speech(), world.slp.id(), ServiceSetting.PULL_OUT, LocalDate.of(2026, 10, 20), 30, "SCHOOL_EVENT",
                "assembly"));
        scheduled(assemblySeries, ava, assembly, "2026-10-20", 1);
        awaitMisses(ava, "2026-10-20", 1);
        misses(ava, "2026-10-20").body("[0].reason", is("SCHOOL_EVENT")).body("[0].owed", is("REVIEW"));
        misses(ava, "2026-10-13").body("$", hasSize(1));

        // The provider records what happened: the same miss, now hers.
        post(world.slp(), "/api/v1/misses", Map.of("studentId", ava.id().toString(),
                "occurrenceId", occurrence.toString(), "reason", "PROVIDER_REASSIGNED", "circumstance", "IEP_MEETING"))
                .statusCode(201)
                .body("id", is(missId))
                .body("origin", is("PERSON"))
                .body("recordedBy", is(world.slp.id().toString()))
                .body("reason", is("PROVIDER_REASSIGNED"));
        misses(ava, "2026-10-13").body("$", hasSize(1));
        // A second person's entry for the occurrence is the conflict it always was.
        post(world.slp(), "/api/v1/misses", Map.of("studentId", ava.id().toString(),
                "occurrenceId", occurrence.toString(), "reason", "PROVIDER_ABSENT")).statusCode(409);
    }

    // --- c. ABSENT lines in signed group logs ---------------------------------------------------------

    @Test
    void anAbsentMemberOfASignedGroupLogIsMissedOnceSigned() throws Exception {
        UUID occurrence = groupOccurrence("2026-10-01");
        awaitOccurrence(occurrence, 2);
        Map<String, Object> body = Map.of("occurrenceId", occurrence.toString(), "students", List.of(
                TestWorld.line(ava.id(), null, "PRESENT", null), TestWorld.line(ben.id(), null, "ABSENT", null)));
        String log = TestWorld.createLog(world.slp(), body);
        misses(ben, "2026-10-01").body("$", hasSize(0)); // a draft says nothing yet
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            world.complete(log, world.slp).statusCode(200);
            misses(ben, "2026-10-01").body("$", hasSize(1))
                    .body("[0].reason", is("STUDENT_ABSENT"))
                    .body("[0].origin", is("SYSTEM"))
                    .body("[0].owed", is("NOT_OWED"))
                    .body("[0].sessionLogId", is(log))
                    .body("[0].occurrenceId", is(occurrence.toString()))
                    .body("[0].minutes", is(30));
            misses(ava, "2026-10-01").body("$", hasSize(0));
            JsonNode data = missedEvents(probe, ben.id(), 1).get(0).get("data");
            assertEquals("SYSTEM", data.get("origin").asText());
            assertEquals("STUDENT_ABSENT", data.get("reason").asText());
        }
        world.slp().queryParam("from", "2026-10-01").queryParam("to", "2026-10-01")
                .get("/api/v1/providers/" + world.slp.id() + "/occurrences").then().statusCode(200)
                .body("find { it.occurrenceId == '" + occurrence + "' }.documentationStatus", is("DOCUMENTED"))
                .body("find { it.occurrenceId == '" + occurrence + "' }.students.find { it.studentId == '" + ben.id()
                        + "' }.documentationStatus", is("MISSED"));

        // Ben came after all (the provider corrects the signed log): the miss is withdrawn, not owed.
        String missId = misses(ben, "2026-10-01").extract().path("[0].id");
        post(world.slp(), "/api/v1/session-logs/" + log + "/addenda", Map.of("reason", "Ben arrived late",
                "students", List.of(Map.of("studentId", ben.id().toString(), "attendance", "PARTIAL",
                        "minutes", 20)))).statusCode(201);
        world.admin().get("/api/v1/misses/" + missId).then().statusCode(200)
                .body("owed", is("NOT_OWED"))
                .body("withdrawn.note", containsString("PARTIAL"));
    }

    // --- d. undocumented occurrences, and the worklist -----------------------------------------------

    @Test
    void anOccurrenceLeftUndocumentedFiveSchoolDaysIsMissedAndDocumentingItWithdrawsTheMiss() throws Exception {
        // The school's calendar: Wed 2026-09-16 is a holiday, so the 5th school day after Mon 09-14 is Tue 09-22.
        List<LocalDate> instructional = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 9, 1); !d.isAfter(LocalDate.of(2027, 6, 18)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !d.equals(LocalDate.of(2026, 9, 16))) {
                instructional.add(d);
            }
        }
        world.events.send(CalendarChanged.TYPE, world.school, new CalendarChanged(world.school, "2026-2027",
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18), instructional,
                List.of(new CalendarChanged.DayOff(LocalDate.of(2026, 9, 16), "HOLIDAY", "Staff day")), List.of()));
        UUID occurrence = UUID.randomUUID();
        scheduled(UUID.randomUUID(), ava, occurrence, "2026-09-14", 1);
        UUID documented = UUID.randomUUID();
        scheduled(UUID.randomUUID(), ava, documented, "2026-09-15", 1);
        awaitOccurrence(occurrence, 1);
        awaitOccurrence(documented, 1);
        String log = TestWorld.createLog(world.slp(), Map.of("occurrenceId", documented.toString()));
        world.complete(log, world.slp).statusCode(200);

        ValidatableResponse worklist = world.slp().queryParam("from", "2026-09-14").queryParam("to", "2026-09-15")
                .queryParam("status", "UNDOCUMENTED").get("/api/v1/providers/" + world.slp.id() + "/occurrences")
                .then().statusCode(200).header("X-Total-Count", "1")
                .body("[0].occurrenceId", is(occurrence.toString()))
                .body("[0].documentationStatus", is("UNDOCUMENTED"));
        assertNotNull(worklist);
        world.admin().queryParam("from", "2026-09-14").queryParam("to", "2026-09-15").queryParam("status", "DOCUMENTED")
                .get("/api/v1/schools/" + world.school + "/occurrences").then().statusCode(200)
                .header("X-Total-Count", "1").body("[0].occurrenceId", is(documented.toString()));

        // The calendar has arrived once the holiday stops counting.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            sweep.sweep(LocalDate.of(2026, 9, 21));
            misses(ava, "2026-09-14").body("$", hasSize(0));
        });
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            sweep.sweep(LocalDate.of(2026, 9, 22));
            sweep.sweep(LocalDate.of(2026, 9, 23)); // again: still one miss
            String missId = misses(ava, "2026-09-14").body("$", hasSize(1))
                    .body("[0].reason", is("UNDOCUMENTED"))
                    .body("[0].origin", is("SYSTEM"))
                    .body("[0].owed", is("REVIEW"))
                    .body("[0].occurrenceId", is(occurrence.toString()))
                    .extract().path("[0].id");
            misses(ava, "2026-09-15").body("$", hasSize(0)); // documented in time
            world.slp().queryParam("from", "2026-09-14").queryParam("to", "2026-09-15").queryParam("status", "MISSED")
                    .get("/api/v1/providers/" + world.slp.id() + "/occurrences").then().statusCode(200)
                    .header("X-Total-Count", "1").body("[0].students[0].missId", is(missId));
            assertEquals("UNDOCUMENTED", missedEvents(probe, ava.id(), 1).get(0).path("data").path("reason").asText());

            // The provider documents it after all: the log is accepted and the miss withdrawn, not counted twice.
            String late = TestWorld.createLog(world.slp(), Map.of("occurrenceId", occurrence.toString()));
            world.complete(late, world.slp).statusCode(200);
            world.admin().get("/api/v1/misses/" + missId).then().statusCode(200)
                    .body("owed", is("NOT_OWED"))
                    .body("withdrawn.note", containsString(late));
            List<JsonNode> resolved = probe.await(e -> e.path("type").asText().equals("MissResolved")
                    && e.path("data").path("missId").asText().equals(missId), 1, Duration.ofSeconds(20));
            assertEquals(1, resolved.size());
            assertEquals("NOT_OWED", resolved.get(0).path("data").path("owed").asText());
            world.slp().queryParam("from", "2026-09-14").queryParam("to", "2026-09-15")
                    .get("/api/v1/providers/" + world.slp.id() + "/occurrences").then().statusCode(200)
                    .header("X-Total-Count", "2")
                    .body("documentationStatus", everyItem(is("DOCUMENTED")));
        }
        sweep.sweep(LocalDate.of(2026, 9, 30));
        misses(ava, "2026-09-14").body("$", hasSize(1));
    }
}
