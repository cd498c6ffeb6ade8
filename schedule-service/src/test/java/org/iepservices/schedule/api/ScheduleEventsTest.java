package org.iepservices.schedule.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.schedule.api.World.Kid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What schedule-service publishes on schedule.events, read back from the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class ScheduleEventsTest {

    static final EventPublisher EVENTS = new EventPublisher();
    static final Duration WAIT = Duration.ofSeconds(30);

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    static JsonNode forStudent(List<TopicProbe.Received> events, Kid kid) {
        return events.stream().filter(r -> r.key().equals(kid.id().toString())).findFirst().orElseThrow().event()
                .path("data");
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(field.isEmpty() ? n.asText() : n.path(field).asText()));
        return values;
    }

    @Test
    void aPullOutSeriesIsAnnouncedPerStudentWithItsOccurrencesAndTheCoreInstructionItCosts() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid ben = w.kid("Ben");
        UUID cls = w.schoolClass("Room 12", ana.id(), ben.id());
        w.block(cls, "TUESDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH", "OPEN");
        w.block(cls, "TUESDAY", "10:00:00", "11:00:00", "MATH", true, "HIGH", "OPEN");
        UUID provider = w.provider();
        w.awaitClass(cls, 2);
        w.awaitMandates(ana, ben);

        try (TopicProbe probe = new TopicProbe("schedule.events")) {
            Map<String, Object> body = World.with(w.pullOut(provider, "TUESDAY", "09:45:00", 30, ana, ben),
                    "effectiveTo", "2026-10-13");
            String id = World.post("/api/v1/session-series", World.overridden(body, "Only time both are free"))
                    .then().statusCode(201).extract().path("id");

            List<TopicProbe.Received> scheduled = probe.await(TopicProbe.event("SessionSeriesScheduled", "seriesId", id),
                    2, WAIT);
            assertEquals(2, scheduled.size(), "one SessionSeriesScheduled per student");
            JsonNode anas = forStudent(scheduled, ana);
            assertEquals(ana.mandate().toString(), anas.path("mandateId").asText());
            assertEquals("PULL_OUT", anas.path("setting").asText());
            assertEquals("Speech room 104", anas.path("room").asText());
            assertEquals(2, anas.path("groupSize").asInt());
            assertEquals("TUESDAY", anas.path("dayOfWeek").asText());
            assertEquals(List.of("2026-09-15", "2026-09-22", "2026-09-29", "2026-10-06", "2026-10-13"),
                    texts(anas.path("occurrences"), "date"));
            JsonNode overlap = anas.path("occurrences").get(0).path("coreOverlap");
            assertEquals(List.of("ELA_READING", "MATH"), texts(overlap, "subject"));
            assertEquals(List.of("15", "15"), texts(overlap, "minutes"));
            assertEquals(ben.mandate().toString(), forStudent(scheduled, ben).path("mandateId").asText());

            // A change from October: the later occurrences move to the afternoon, out of core instruction.
            As.admin().contentType(ContentType.JSON).body(World.with(World.with(body, "startTime", "13:00:00"),
                    "changeFrom", "2026-10-01")).put("/api/v1/session-series/" + id).then().statusCode(200);
            List<TopicProbe.Received> changed = probe.await(TopicProbe.event("SessionSeriesChanged", "seriesId", id),
                    2, WAIT);
            assertEquals(2, changed.size());
            JsonNode after = forStudent(changed, ana).path("occurrences");
            assertEquals("09:45:00", after.get(2).path("startTime").asText());
            assertEquals(2, after.get(2).path("coreOverlap").size());
            assertEquals("13:00:00", after.get(3).path("startTime").asText());
            assertEquals(0, after.get(3).path("coreOverlap").size());

            // One occurrence moved: each student hears where it went.
            String occurrence = As.admin().get("/api/v1/session-series/" + id + "/occurrences").then().extract()
                    .path("find { it.originalDate == '2026-09-22' }.id");
            World.post("/api/v1/occurrences/" + occurrence + "/move", Map.of("date", "2026-09-23", "startTime",
                    "10:15:00", "override", Map.of("reason", "assembly on Tuesday"))).then().statusCode(200);
            List<TopicProbe.Received> moved = probe.await(TopicProbe.event("OccurrenceRescheduled", "occurrenceId",
                    occurrence), 2, WAIT);
            assertEquals(2, moved.size());
            JsonNode anaMoved = forStudent(moved, ana);
            assertEquals("2026-09-22", anaMoved.path("originalDate").asText());
            assertEquals("2026-09-23", anaMoved.path("date").asText());
            assertEquals("10:15:00", anaMoved.path("startTime").asText());
            assertEquals(0, anaMoved.path("coreOverlap").size(), "no Wednesday blocks");

            // One occurrence cancelled, then the series from a date.
            String last = As.admin().get("/api/v1/session-series/" + id + "/occurrences").then().extract()
                    .path("find { it.originalDate == '2026-10-06' }.id");
            World.post("/api/v1/occurrences/" + last + "/cancel", Map.of("reason", "STUDENT_UNAVAILABLE",
                    "note", "field trip")).then().statusCode(200);
            List<TopicProbe.Received> cancelledOne = probe.await(TopicProbe.event("OccurrenceCancelled",
                    "occurrenceId", last), 2, WAIT);
            assertEquals(2, cancelledOne.size());
            assertEquals("STUDENT_UNAVAILABLE", forStudent(cancelledOne, ben).path("reason").asText());
            assertEquals(provider.toString(), forStudent(cancelledOne, ben).path("providerId").asText());

            World.post("/api/v1/session-series/" + id + "/cancel", Map.of("effectiveFrom", "2026-10-13", "reason",
                    "Group ends")).then().statusCode(200);
            List<TopicProbe.Received> cancelled = probe.await(TopicProbe.event("SessionSeriesCancelled", "seriesId",
                    id), 2, WAIT);
            assertEquals(2, cancelled.size());
            assertEquals("2026-10-13", forStudent(cancelled, ana).path("effectiveFrom").asText());
            assertEquals("Group ends", forStudent(cancelled, ana).path("reason").asText());
        }
    }

    @Test
    void aPushInSeriesNamesTheClassItsTeachersAndTheActivity() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        UUID cls = w.schoolClass("Room 14", ana.id());
        String writing = w.block(cls, "THURSDAY", "13:00:00", "14:00:00", "WRITING", true, "HIGH", "WELCOMES");
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana);
        try (TopicProbe probe = new TopicProbe("schedule.events")) {
            String id = World.series(w.pushIn(provider, cls, writing, "THURSDAY", "13:15:00", 30, ana));
            JsonNode data = probe.await(TopicProbe.event("SessionSeriesScheduled", "seriesId", id), 1, WAIT).get(0)
                    .event().path("data");
            assertEquals("PUSH_IN", data.path("setting").asText());
            assertEquals(cls.toString(), data.path("classId").asText());
            assertEquals(List.of(w.teacherOf.get(cls).toString()), texts(data.path("teacherIds"), ""));
            assertEquals(writing, data.path("activityBlockId").asText());
            assertEquals("WRITING", data.path("activitySubject").asText());
            assertEquals("2026-09-17", data.path("occurrences").get(0).path("date").asText());
            assertEquals(0, data.path("occurrences").get(0).path("coreOverlap").size(),
                    "a push-in takes no one out of class");
            assertEquals("2027-06-17", data.path("occurrences").get(data.path("occurrences").size() - 1)
                    .path("date").asText());
        }
    }

    @Test
    void bellScheduleChangesAreAnnouncedWithTheSchoolDaysInstructionalMinutes() {
        World w = new World(EVENTS);
        try (TopicProbe probe = new TopicProbe("schedule.events")) {
            JsonNode created = probe.await(TopicProbe.event("BellScheduleChanged", "bellScheduleId", w.bellSchedule),
                    1, WAIT).get(0).event();
            assertEquals(w.school.toString(), created.path("subject").asText());
            JsonNode data = created.path("data");
            assertEquals("08:00:00", data.path("dayStart").asText());
            assertEquals("15:00:00", data.path("dayEnd").asText());
            assertEquals(390, data.path("instructionalMinutes").asInt(), "seven hours minus lunch");
            assertTrue(data.path("isDefault").asBoolean());
            assertFalse(data.path("removed").asBoolean());

            // A new default: the old one is announced as no longer default.
            String early = World.post("/api/v1/schools/" + w.school + "/bell-schedules", Map.of("name",
                            "Early release", "isDefault", true, "periods", List.of(World.period("Morning", "08:00:00",
                                    "12:00:00", true))))
                    .then().statusCode(201).extract().path("id");
            List<TopicProbe.Received> regular = probe.await(TopicProbe.event("BellScheduleChanged", "bellScheduleId",
                    w.bellSchedule), 2, WAIT);
            assertEquals(2, regular.size());
            assertFalse(regular.get(1).event().path("data").path("isDefault").asBoolean());

            As.admin().delete("/api/v1/bell-schedules/" + early).then().statusCode(204);
            List<TopicProbe.Received> earlyEvents = probe.await(TopicProbe.event("BellScheduleChanged",
                    "bellScheduleId", early), 2, WAIT);
            assertEquals(2, earlyEvents.size());
            assertEquals(240, earlyEvents.get(0).event().path("data").path("instructionalMinutes").asInt());
            assertTrue(earlyEvents.get(1).event().path("data").path("removed").asBoolean());
        }
    }
}
