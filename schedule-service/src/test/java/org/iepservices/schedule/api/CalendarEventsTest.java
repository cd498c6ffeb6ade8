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

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The school year reaches downstream services (CalendarChanged on schedule.events, read back from
 * the real broker) and early-release days shorten the day the conflict checks see.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class CalendarEventsTest {

    static final EventPublisher EVENTS = new EventPublisher();
    static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26);
    static final LocalDate DAY_AFTER = LocalDate.of(2026, 11, 27);
    static final LocalDate EARLY_RELEASE = LocalDate.of(2026, 11, 25); // the Wednesday before

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    @Test
    void theCalendarAndEveryClosureGoOutAsTheWholeYear() {
        World world = new World(EVENTS);
        As.admin().contentType(ContentType.JSON).body(Map.of("firstDay", World.FIRST_DAY.toString(),
                        "lastDay", World.LAST_DAY.toString(), "nonInstructionalDays", List.of(
                                Map.of("date", World.HOLIDAY.toString(), "kind", "HOLIDAY"),
                                Map.of("date", THANKSGIVING.toString(), "kind", "HOLIDAY", "description", "Thanksgiving"),
                                Map.of("date", DAY_AFTER.toString(), "kind", "BREAK"))))
                .put("/api/v1/schools/" + world.school + "/calendars/2026-2027").then().statusCode(200);

        try (TopicProbe probe = new TopicProbe("schedule.events")) {
            JsonNode year = latest(probe, world.school, d -> has(d.path("nonInstructionalDays"), THANKSGIVING));
            assertEquals("2026-2027", year.path("schoolYear").asText());
            assertEquals(world.school.toString(), year.path("schoolId").asText());
            List<String> days = dates(year.path("instructionalDays"));
            assertFalse(days.contains(THANKSGIVING.toString()));
            assertFalse(days.contains(DAY_AFTER.toString()));
            assertTrue(days.contains("2026-11-23") && days.contains("2026-11-25"));
            assertEquals(weekdays(World.FIRST_DAY, World.LAST_DAY) - 3, days.size());
            assertEquals("HOLIDAY", kindOf(year, THANKSGIVING));
            assertEquals("BREAK", kindOf(year, DAY_AFTER));

            LocalDate snowDay = LocalDate.of(2027, 1, 14);
            As.admin().contentType(ContentType.JSON).body(Map.of("date", snowDay.toString(), "reason", "Snow"))
                    .post("/api/v1/schools/" + world.school + "/closures").then().statusCode(201);
            JsonNode closed = latest(probe, world.school, d -> has(d.path("nonInstructionalDays"), snowDay));
            assertEquals("CLOSURE", kindOf(closed, snowDay));
            assertEquals(days.size() - 1, closed.path("instructionalDays").size());
            assertFalse(dates(closed.path("instructionalDays")).contains(snowDay.toString()));
            assertFalse(probe.await(TopicProbe.event("SchoolClosed", "date", snowDay), 1, Duration.ofSeconds(20))
                    .isEmpty(), "SchoolClosed is still published");
        }
    }

    @Test
    void anEarlyReleaseDayShortensTheYearAndFlagsSessionsAfterDismissal() {
        World world = new World(EVENTS);
        String early = World.post("/api/v1/schools/" + world.school + "/bell-schedules", Map.of("name", "Early release",
                        "isDefault", false, "periods", List.of(World.period("Homeroom", "08:00:00", "08:30:00", true),
                                World.period("Morning", "08:30:00", "12:00:00", true))))
                .then().statusCode(201).extract().path("id");
        As.admin().contentType(ContentType.JSON).body(Map.of("bellScheduleId", early))
                .put("/api/v1/schools/" + world.school + "/bell-schedule-days/" + EARLY_RELEASE).then().statusCode(204);

        try (TopicProbe probe = new TopicProbe("schedule.events")) {
            JsonNode year = latest(probe, world.school, d -> d.path("earlyReleaseDays").size() == 1);
            JsonNode shortDay = year.path("earlyReleaseDays").get(0);
            assertEquals(EARLY_RELEASE.toString(), shortDay.path("date").asText());
            assertEquals(early, shortDay.path("bellScheduleId").asText());
            assertEquals(240, shortDay.path("instructionalMinutes").asInt());
            assertTrue(dates(year.path("instructionalDays")).contains(EARLY_RELEASE.toString()),
                    "an early-release day is still a school day");
        }

        Kid kid = world.kidAwaited("Ella");
        UUID provider = world.provider();
        // Wednesdays 13:00: past the 12:00 dismissal on the early-release day only (a warning, not a refusal).
        String afternoon = World.series(world.pullOut(provider, "WEDNESDAY", "13:00:00", 30, kid));
        String morning = World.series(world.pullOut(provider, "TUESDAY", "10:00:00", 30, kid));
        As.admin().queryParam("providerId", provider.toString()).get("/api/v1/conflicts").then().statusCode(200)
                .body("find { it.seriesId == '" + afternoon + "' && it.kind == 'AFTER_EARLY_DISMISSAL' }.severity",
                        is("SOFT"))
                .body("find { it.seriesId == '" + afternoon + "' && it.kind == 'AFTER_EARLY_DISMISSAL' }.date",
                        is(EARLY_RELEASE.toString()))
                .body("findAll { it.seriesId == '" + morning + "' }.kind", not(hasItem("AFTER_EARLY_DISMISSAL")));

        // The school's day shows which session runs past the early dismissal.
        As.admin().queryParam("date", EARLY_RELEASE.toString()).get("/api/v1/schools/" + world.school + "/schedule")
                .then().statusCode(200)
                .body("sessions.find { it.seriesId == '" + afternoon + "' }.afterEarlyDismissal", is("12:00:00"));
        As.admin().queryParam("date", EARLY_RELEASE.minusDays(7).toString())
                .get("/api/v1/schools/" + world.school + "/schedule").then().statusCode(200)
                .body("sessions.find { it.seriesId == '" + afternoon + "' }.afterEarlyDismissal", nullValue());

        // Moving that date's occurrence earlier clears it; moving another one into the early afternoon is refused.
        String wednesday = occurrenceOn(afternoon, EARLY_RELEASE);
        World.post("/api/v1/occurrences/" + wednesday + "/move", Map.of("date", EARLY_RELEASE.toString(),
                "startTime", "11:00:00")).then().statusCode(200);
        As.admin().get("/api/v1/session-series/" + afternoon).then().statusCode(200)
                .body("conflicts.kind", not(hasItem("AFTER_EARLY_DISMISSAL")));
        String tuesday = occurrenceOn(morning, EARLY_RELEASE.minusDays(1));
        World.post("/api/v1/occurrences/" + tuesday + "/move", Map.of("date", EARLY_RELEASE.toString(),
                        "startTime", "13:30:00")).then().statusCode(409)
                .body("conflicts.find { it.kind == 'AFTER_EARLY_DISMISSAL' }.severity", is("HARD"));
    }

    static String occurrenceOn(String seriesId, LocalDate date) {
        return As.admin().queryParam("from", date.toString()).queryParam("to", date.toString())
                .get("/api/v1/session-series/" + seriesId + "/occurrences").then().statusCode(200)
                .extract().path("[0].id");
    }

    /** The newest CalendarChanged of the school matching {@code filter}, keyed by the school id. */
    static JsonNode latest(TopicProbe probe, UUID school, Predicate<JsonNode> filter) {
        List<TopicProbe.Received> found = probe.await(r -> "CalendarChanged".equals(r.event().path("type").asText())
                && school.toString().equals(r.key()) && filter.test(r.event().path("data")), 1, Duration.ofSeconds(30));
        assertFalse(found.isEmpty(), "CalendarChanged for school " + school);
        assertEquals(school.toString(), found.get(found.size() - 1).event().path("subject").asText());
        return found.get(found.size() - 1).event().path("data");
    }

    static boolean has(JsonNode daysOff, LocalDate date) {
        for (JsonNode d : daysOff) {
            if (date.toString().equals(d.path("date").asText())) {
                return true;
            }
        }
        return false;
    }

    static String kindOf(JsonNode year, LocalDate date) {
        for (JsonNode d : year.path("nonInstructionalDays")) {
            if (date.toString().equals(d.path("date").asText())) {
                return d.path("kind").asText();
            }
        }
        return null;
    }

    static List<String> dates(JsonNode array) {
        List<String> dates = new ArrayList<>();
        array.forEach(d -> dates.add(d.asText()));
        return dates;
    }

    static int weekdays(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }
}
