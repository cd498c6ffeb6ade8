package org.iepservices.schedule.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.iepservices.events.StudentDeactivated;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.schedule.api.World.Kid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recurring series and their occurrences over the school calendar, through HTTP. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class SessionSeriesResourceTest {

    static final EventPublisher EVENTS = new EventPublisher();

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    static List<String> occurrenceDates(String series) {
        return As.admin().get("/api/v1/session-series/" + series + "/occurrences").then().statusCode(200).extract()
                .path("findAll { it.status == 'SCHEDULED' }.date");
    }

    static String occurrenceOn(String series, String originalDate) {
        return As.admin().get("/api/v1/session-series/" + series + "/occurrences").then().extract()
                .path("find { it.originalDate == '" + originalDate + "' }.id");
    }

    @Test
    void aPullOutSeriesFollowsTheSchoolCalendarAndShowsInEveryView() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        UUID cls = w.schoolClass("Room 12", ana.id());
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana);

        Map<String, Object> body = World.with(World.with(w.pullOut(provider, "MONDAY", "10:00:00", 30, ana),
                "effectiveFrom", "2026-10-05"), "effectiveTo", "2026-10-26");
        Response created = As.admin().contentType(ContentType.JSON).header("Idempotency-Key", "retry-" + provider)
                .body(body).post("/api/v1/session-series");
        created.then().statusCode(201).body("scheduledOccurrences", is(3)).body("conflicts", hasSize(0))
                .body("students[0].joinedFrom", is("2026-10-05")).body("room", is("Speech room 104"))
                .body("endTime", is("10:30:00"));
        String id = created.path("id");
        created.then().header("Location", endsWith("/api/v1/session-series/" + id));
        // Monday 2026-10-12 is a holiday: no occurrence that week.
        assertEquals(List.of("2026-10-05", "2026-10-19", "2026-10-26"), occurrenceDates(id));

        // A retry with the same key returns the first series; the key cannot be reused for another request.
        As.admin().contentType(ContentType.JSON).header("Idempotency-Key", "retry-" + provider).body(body)
                .post("/api/v1/session-series").then().statusCode(200).body("id", is(id));
        As.admin().contentType(ContentType.JSON).header("Idempotency-Key", "retry-" + provider)
                .body(World.with(body, "startTime", "11:00:00")).post("/api/v1/session-series").then().statusCode(422);
        assertEquals(1, World.seriesCount(provider));

        As.admin().queryParam("weekOf", "2026-10-14").get("/api/v1/providers/" + provider + "/schedule").then()
                .statusCode(200).body("from", is("2026-10-12")).body("sessions", hasSize(0));
        As.admin().queryParam("weekOf", "2026-10-21").get("/api/v1/providers/" + provider + "/schedule").then()
                .body("scheduled", is(1))
                .body("sessions[0].date", is("2026-10-19")).body("sessions[0].startTime", is("10:00:00"))
                .body("sessions[0].setting", is("PULL_OUT")).body("sessions[0].room", is("Speech room 104"))
                .body("sessions[0].students[0].studentId", is(ana.id().toString()))
                .body("sessions[0].students[0].name", is("Ana Test"));
        As.admin().queryParam("weekOf", "2026-10-19").get("/api/v1/students/" + ana.id() + "/schedule").then()
                .body("sessions.seriesId", contains(id));
        As.admin().queryParam("date", "2026-10-19").get("/api/v1/schools/" + w.school + "/schedule").then()
                .body("sessions.seriesId", contains(id));
        As.admin().queryParam("weekOf", "2026-10-19").get("/api/v1/classes/" + cls + "/schedule").then()
                .body("sessions[0].forClass", is("STUDENTS_LEAVE"))
                .body("sessions[0].students.studentId", contains(ana.id().toString()));
        As.admin().queryParam("providerId", provider.toString()).queryParam("activeOn", "2026-10-27")
                .get("/api/v1/session-series").then().body("", hasSize(0));

        // Without effectiveTo the series runs to the end of the school year.
        String yearLong = World.series(w.pullOut(provider, "WEDNESDAY", "10:00:00", 30, ana));
        As.admin().get("/api/v1/session-series/" + yearLong).then().body("effectiveTo", is("2027-06-18"));
        As.admin().queryParam("studentId", ana.id().toString()).queryParam("limit", 1)
                .get("/api/v1/session-series").then().statusCode(200)
                .header("X-Total-Count", is("2")).header("Link", containsString("rel=\"next\""))
                .body("", hasSize(1));
    }

    @Test
    void aPushInSeriesShowsTheTeacherWhoComesWhenForWhomDuringWhat() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid ben = w.kid("Ben");
        UUID cls = w.schoolClass("Room 14", ana.id(), ben.id());
        String reading = w.block(cls, "TUESDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH", "WELCOMES");
        UUID provider = w.provider();
        w.awaitClass(cls, 2);
        w.awaitMandates(ana, ben);
        String id = World.series(w.pushIn(provider, cls, reading, "TUESDAY", "09:15:00", 30, ana, ben));

        As.admin().queryParam("weekOf", World.WEEK.toString()).get("/api/v1/classes/" + cls + "/schedule").then()
                .body("sessions", hasSize(1))
                .body("sessions[0].seriesId", is(id))
                .body("sessions[0].forClass", is("PROVIDER_JOINS"))
                .body("sessions[0].date", is("2026-09-15"))
                .body("sessions[0].activitySubject", is("ELA_READING"))
                .body("sessions[0].classTitle", is("Room 14"))
                .body("sessions[0].providerId", is(provider.toString()))
                .body("sessions[0].students.name", containsInAnyOrder("Ana Test", "Ben Test"));
        // A student sees their own session; the group is counted, not named.
        As.admin().queryParam("weekOf", World.WEEK.toString()).get("/api/v1/students/" + ana.id() + "/schedule").then()
                .body("sessions[0].students.studentId", contains(ana.id().toString()))
                .body("sessions[0].groupSize", is(2));
    }

    @Test
    void oneOccurrenceCanBeCancelledOrMovedAndAMoveIsConflictChecked() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid ben = w.kid("Ben");
        UUID provider = w.provider();
        w.awaitMandates(ana, ben);
        String tuesdays = World.series(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana));
        World.series(w.pullOut(provider, "THURSDAY", "10:00:00", 30, ben));

        String first = occurrenceOn(tuesdays, "2026-09-15");
        World.post("/api/v1/occurrences/" + first + "/cancel", Map.of("reason", "PROVIDER_UNAVAILABLE", "note",
                "District training")).then().statusCode(200).body("status", is("CANCELLED"))
                .body("cancelReason", is("PROVIDER_UNAVAILABLE")).body("cancelNote", is("District training"));
        World.post("/api/v1/occurrences/" + first + "/cancel", Map.of("reason", "OTHER")).then().statusCode(409);
        World.post("/api/v1/occurrences/" + first + "/cancel", Map.of("reason", "MAYBE")).then().statusCode(400);

        // Thursday 10:00 is Ben's session: refused, and nothing moves.
        String second = occurrenceOn(tuesdays, "2026-09-22");
        World.post("/api/v1/occurrences/" + second + "/move", Map.of("date", "2026-09-24", "startTime", "10:00:00"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("conflicts.kind", hasItem("PROVIDER_DOUBLE_BOOKED"));
        As.admin().get("/api/v1/occurrences/" + second).then().body("date", is("2026-09-22")).body("moved", is(false));
        World.post("/api/v1/occurrences/" + second + "/move", Map.of("date", "2026-09-24", "startTime", "10:00:00",
                        "override", Map.of("reason", "Combined session this week"))).then().statusCode(200)
                .body("date", is("2026-09-24")).body("moved", is(true))
                .body("overrideReason", is("Combined session this week"))
                .body("conflicts.kind", hasItem("PROVIDER_DOUBLE_BOOKED"))
                .body("conflicts.overridden", hasItem(true));

        String third = occurrenceOn(tuesdays, "2026-09-29");
        World.post("/api/v1/occurrences/" + third + "/move", Map.of("date", World.HOLIDAY.toString(),
                "startTime", "10:00:00")).then().statusCode(422).body("violations[0].field", is("date"));
        World.post("/api/v1/occurrences/" + third + "/move", Map.of("date", "2026-09-30", "startTime", "13:00:00"))
                .then().statusCode(200).body("conflicts", hasSize(0));
        As.admin().queryParam("weekOf", "2026-09-28").get("/api/v1/providers/" + provider + "/schedule").then()
                .body("sessions.find { it.occurrenceId == '" + third + "' }.date", is("2026-09-30"))
                .body("sessions.find { it.occurrenceId == '" + third + "' }.originalDate", is("2026-09-29"))
                .body("sessions.find { it.occurrenceId == '" + third + "' }.startTime", is("13:00:00"));
        As.admin().queryParam("weekOf", World.WEEK.toString()).get("/api/v1/providers/" + provider + "/schedule").then()
                .body("cancelled", is(1))
                .body("sessions.find { it.occurrenceId == '" + first + "' }.cancelReason", is("PROVIDER_UNAVAILABLE"));
    }

    @Test
    void aClosureCancelsTheDaysOccurrencesAndTellsEachStudent() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid ben = w.kid("Ben");
        UUID provider = w.provider();
        w.awaitMandates(ana, ben);
        String id = World.series(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana, ben));
        String closedDay = occurrenceOn(id, "2026-09-22");
        try (TopicProbe probe = new TopicProbe("schedule.events")) {
            World.post("/api/v1/schools/" + w.school + "/closures", Map.of("date", "2026-09-22", "reason",
                    "Water main break")).then().statusCode(201);
            List<TopicProbe.Received> cancelled = probe.await(TopicProbe.event("OccurrenceCancelled", "occurrenceId",
                    closedDay), 2, Duration.ofSeconds(30));
            assertEquals(2, cancelled.size());
            assertEquals(List.of(ana.id().toString(), ben.id().toString()).stream().sorted().toList(),
                    cancelled.stream().map(TopicProbe.Received::key).sorted().toList());
            for (TopicProbe.Received r : cancelled) {
                assertEquals("SCHOOL_CLOSED", r.event().path("data").path("reason").asText());
                assertEquals("Water main break", r.event().path("data").path("note").asText());
                assertEquals("2026-09-22", r.event().path("data").path("date").asText());
                assertEquals(30, r.event().path("data").path("minutes").asInt());
                assertEquals(r.key(), r.event().path("data").path("studentId").asText());
                String mandate = r.key().equals(ana.id().toString()) ? ana.mandate().toString() : ben.mandate().toString();
                assertEquals(mandate, r.event().path("data").path("mandateId").asText());
            }
        }
        As.admin().get("/api/v1/occurrences/" + closedDay).then().body("status", is("CANCELLED"))
                .body("cancelReason", is("SCHOOL_CLOSED"));
        assertEquals(false, occurrenceDates(id).contains("2026-09-22"));
    }

    @Test
    void aChangeAppliesFromItsDateKeepingEarlierOccurrencesAndTheGroupChanges() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid ben = w.kid("Ben");
        Kid cal = w.kid("Cal");
        UUID provider = w.provider();
        w.awaitMandates(ana, ben, cal);
        Map<String, Object> body = w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana, ben);
        String id = World.series(body);
        String october13 = occurrenceOn(id, "2026-10-13");
        String etag = As.admin().get("/api/v1/session-series/" + id).then().extract().header("ETag");

        Map<String, Object> change = World.with(World.with(w.pullOut(provider, "TUESDAY", "13:00:00", 30, ana, cal),
                "changeFrom", "2026-10-06"), "room", "Speech room 106");
        As.admin().contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put("/api/v1/session-series/" + id).then().statusCode(200)
                .body("startTime", is("13:00:00")).body("room", is("Speech room 106"))
                .body("students.find { it.studentId == '" + ben.id() + "' }.leftFrom", is("2026-10-06"))
                .body("students.find { it.studentId == '" + cal.id() + "' }.joinedFrom", is("2026-10-06"))
                .body("students.find { it.studentId == '" + ana.id() + "' }.leftFrom", nullValue());
        As.admin().contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put("/api/v1/session-series/" + id).then().statusCode(412);

        List<Map<String, Object>> occurrences = As.admin().get("/api/v1/session-series/" + id + "/occurrences").then()
                .extract().path("");
        assertEquals("10:00:00", occurrences.stream().filter(o -> o.get("date").equals("2026-09-29")).findFirst()
                .orElseThrow().get("startTime"), "before the change: as it was");
        assertEquals("13:00:00", occurrences.stream().filter(o -> o.get("date").equals("2026-10-06")).findFirst()
                .orElseThrow().get("startTime"));
        assertEquals(october13, occurrenceOn(id, "2026-10-13"), "an occurrence keeps its id across a change");
        // Ben's week after the change has no session; Cal's has.
        As.admin().queryParam("weekOf", "2026-10-06").get("/api/v1/students/" + ben.id() + "/schedule").then()
                .body("sessions", hasSize(0));
        As.admin().queryParam("weekOf", "2026-09-29").get("/api/v1/students/" + ben.id() + "/schedule").then()
                .body("sessions", hasSize(1));
        As.admin().queryParam("weekOf", "2026-10-06").get("/api/v1/students/" + cal.id() + "/schedule").then()
                .body("sessions[0].startTime", is("13:00:00"));
    }

    @Test
    void cancellingASeriesDropsItsOccurrencesFromThatDate() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        UUID provider = w.provider();
        w.awaitMandates(ana);
        String id = World.series(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana));
        World.post("/api/v1/session-series/" + id + "/cancel", Map.of("effectiveFrom", "2026-10-06", "reason",
                "Moved to consult-only")).then().statusCode(200).body("cancelledFrom", is("2026-10-06"))
                .body("cancelReason", is("Moved to consult-only")).body("scheduledOccurrences", is(3));
        assertEquals(List.of("2026-09-15", "2026-09-22", "2026-09-29"), occurrenceDates(id));
        World.post("/api/v1/session-series/" + id + "/cancel", Map.of("reason", "again")).then().statusCode(409);
        // The provider's Tuesday is free again from then on.
        World.series(World.with(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana), "effectiveFrom", "2026-10-06"));
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid ben = w.kid("Ben");
        UUID cls = w.schoolClass("Room 18", ana.id());
        String reading = w.block(cls, "TUESDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH", "OPEN");
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana, ben);
        Map<String, Object> pullOut = w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana);
        Map<String, Object> pushIn = w.pushIn(provider, cls, reading, "TUESDAY", "09:15:00", 30, ana);

        World.post("/api/v1/session-series", World.with(World.with(pushIn, "classId", null), "activityBlockId", null))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("classId", "activityBlockId"));
        World.post("/api/v1/session-series", World.with(pullOut, "room", null)).then().statusCode(400)
                .body("violations.field", contains("room"));
        World.post("/api/v1/session-series", World.with(pullOut, "students", List.of())).then().statusCode(400)
                .body("violations.field", contains("students"));
        World.post("/api/v1/session-series", World.with(pullOut, "students", List.of(ana.ref(), ana.ref()))).then()
                .statusCode(400).body("violations.field", contains("students[1].studentId"));
        World.post("/api/v1/session-series", World.with(pullOut, "dayOfWeek", "FUNDAY")).then().statusCode(400)
                .body("violations[0].field", is("dayOfWeek"));

        World.post("/api/v1/session-series", World.with(pullOut, "students", List.of(Map.of("studentId",
                        ana.id().toString(), "mandateId", UUID.randomUUID().toString())))).then().statusCode(422)
                .body("violations.field", contains("students[0].mandateId"));
        World.post("/api/v1/session-series", World.with(pullOut, "students", List.of(Map.of("studentId",
                        ana.id().toString(), "mandateId", ben.mandate().toString())))).then().statusCode(422)
                .body("violations[0].message", is("is a mandate of another student"));
        World.post("/api/v1/session-series", World.with(pullOut, "serviceType", "OCCUPATIONAL_THERAPY")).then()
                .statusCode(422).body("violations[0].field", is("students[0].mandateId"));
        World.post("/api/v1/session-series", World.with(pullOut, "dayOfWeek", "SATURDAY")).then().statusCode(422)
                .body("violations[0].field", is("dayOfWeek"));
        World.post("/api/v1/session-series", World.with(pullOut, "effectiveFrom", "2026-08-03")).then()
                .statusCode(422).body("violations[0].field", is("effectiveFrom"));
        World.post("/api/v1/session-series", World.with(pushIn, "startTime", "09:45:00")).then().statusCode(422)
                .body("violations[0].field", is("startTime"));
        World.post("/api/v1/session-series", World.with(pushIn, "dayOfWeek", "WEDNESDAY")).then().statusCode(422)
                .body("violations[0].field", is("activityBlockId"));
        World.post("/api/v1/session-series", World.with(pushIn, "classId", UUID.randomUUID().toString())).then()
                .statusCode(422).body("violations.field", hasItem("classId"));

        assertEquals(0, World.seriesCount(provider));
        As.admin().get("/api/v1/session-series/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        As.admin().get("/api/v1/providers/" + provider + "/coverage").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("from", "to"));
    }

    @Test
    void aStudentLeavingTheRosterLeavesTheGroup() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid ben = w.kid("Ben");
        UUID provider = w.provider();
        w.awaitMandates(ana, ben);
        String id = World.series(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana, ben));
        try (TopicProbe probe = new TopicProbe("schedule.events")) {
            EVENTS.send(StudentDeactivated.TYPE, ben.id(), new StudentDeactivated(ben.id(), "s-" + ben.id(), w.school,
                    LocalDate.of(2026, 10, 5), "moved away"));
            List<TopicProbe.Received> cancelled = probe.await(TopicProbe.event("SessionSeriesCancelled", "seriesId", id),
                    1, Duration.ofSeconds(30));
            assertEquals(1, cancelled.size());
            assertEquals(ben.id().toString(), cancelled.get(0).key());
            assertEquals("2026-10-05", cancelled.get(0).event().path("data").path("effectiveFrom").asText());
            assertEquals("STUDENT_DEACTIVATED", cancelled.get(0).event().path("data").path("reason").asText());
            List<TopicProbe.Received> changed = probe.await(r -> TopicProbe.event("SessionSeriesChanged", "seriesId",
                    id).test(r) && r.key().equals(ana.id().toString()), 1, Duration.ofSeconds(30));
            assertEquals(1, changed.get(0).event().path("data").path("groupSize").asInt());
        }
        As.admin().get("/api/v1/session-series/" + id).then()
                .body("students.find { it.studentId == '" + ben.id() + "' }.leftFrom", is("2026-10-05"));
        As.admin().get("/api/v1/students/" + ben.id()).then().body("status", is("tobedeleted"));
    }

    @Test
    void aNewHolidayInTheCalendarDropsTheOccurrenceThatDay() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        UUID provider = w.provider();
        w.awaitMandates(ana);
        String id = World.series(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana));
        assertEquals(true, occurrenceDates(id).contains("2026-11-03"));
        As.admin().contentType(ContentType.JSON).body(Map.of("firstDay", World.FIRST_DAY.toString(), "lastDay",
                        World.LAST_DAY.toString(), "nonInstructionalDays", List.of(
                                Map.of("date", World.HOLIDAY.toString(), "kind", "HOLIDAY"),
                                Map.of("date", "2026-11-03", "kind", "PROFESSIONAL_DAY", "description", "Election day"))))
                .put("/api/v1/schools/" + w.school + "/calendars/2026-2027").then().statusCode(200);
        As.admin().get("/api/v1/session-series/" + id + "/occurrences").then()
                .body("date", not(hasItem("2026-11-03"))).body("date", hasItem("2026-11-10"));
    }
}
