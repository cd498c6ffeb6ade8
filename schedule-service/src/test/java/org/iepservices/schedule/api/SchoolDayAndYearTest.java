package org.iepservices.schedule.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class SchoolDayAndYearTest {

    private final UUID school = UUID.randomUUID();

    private static Map<String, Object> period(String name, String start, String end) {
        return Map.of("name", name, "startTime", start, "endTime", end);
    }

    private String bellSchedule(String name, boolean isDefault, List<Map<String, Object>> periods) {
        return As.admin().contentType(ContentType.JSON).body(Map.of("name", name, "isDefault", isDefault,
                        "periods", periods))
                .post("/api/v1/schools/" + school + "/bell-schedules").then().statusCode(201)
                .extract().path("id");
    }

    private void calendar() {
        As.admin().contentType(ContentType.JSON).body(Map.of("firstDay", "2026-09-02", "lastDay", "2027-06-18",
                        "nonInstructionalDays", List.of(
                                Map.of("date", "2026-10-12", "kind", "HOLIDAY", "description", "Indigenous Peoples' Day"),
                                Map.of("date", "2026-11-26", "kind", "HOLIDAY", "description", "Thanksgiving"))))
                .put("/api/v1/schools/" + school + "/calendars/2026-2027").then().statusCode(201)
                .body("nonInstructionalDays", hasSize(2));
    }

    @Test
    void bellSchedulesKeepOneDefaultAndDatesCanUseAnother() {
        String regular = bellSchedule("Regular", true, List.of(period("Period 2", "09:10:00", "10:00:00"),
                period("Period 1", "08:15:00", "09:05:00")));
        As.admin().get("/api/v1/bell-schedules/" + regular).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("periods.name", contains("Period 1", "Period 2")); // in the order of the day
        String early = bellSchedule("Early release", true, List.of(period("Period 1", "08:15:00", "09:00:00")));
        As.admin().get("/api/v1/schools/" + school + "/bell-schedules").then()
                .body("name", contains("Early release", "Regular"))
                .body("isDefault", contains(true, false));

        String half = bellSchedule("Half day", false, List.of(period("Morning", "08:15:00", "11:30:00")));
        As.admin().contentType(ContentType.JSON).body(Map.of("bellScheduleId", half))
                .put("/api/v1/schools/" + school + "/bell-schedule-days/2026-10-14").then().statusCode(204);
        calendar();
        As.admin().queryParam("date", "2026-10-14").get("/api/v1/schools/" + school + "/day-schedule").then()
                .statusCode(200).body("instructional", is(true)).body("bellSchedule.name", is("Half day"));
        As.admin().queryParam("date", "2026-10-12").get("/api/v1/schools/" + school + "/day-schedule").then()
                .body("instructional", is(false))
                .body("nonInstructionalReason", containsString("HOLIDAY"))
                .body("bellSchedule.id", is(early));
    }

    @Test
    void overlappingOrEmptyPeriodsAreRefused() {
        As.admin().contentType(ContentType.JSON).body(Map.of("name", "Bad", "isDefault", false, "periods", List.of(
                        period("A", "08:00:00", "09:00:00"), period("B", "08:30:00", "09:30:00"),
                        period("C", "10:00:00", "09:45:00"))))
                .post("/api/v1/schools/" + school + "/bell-schedules").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("periods[1].startTime", "periods[2].endTime"));
        As.admin().contentType(ContentType.JSON).body(Map.of("name", "Empty", "isDefault", false, "periods", List.of()))
                .post("/api/v1/schools/" + school + "/bell-schedules").then().statusCode(400)
                .body("violations[0].field", is("periods"));
        As.admin().get("/api/v1/schools/" + school + "/bell-schedules").then().body("", hasSize(0));
    }

    @Test
    void aStaleETagIsRefusedAndTheFreshOneWorks() {
        String id = bellSchedule("Regular", true, List.of(period("P1", "08:15:00", "09:05:00")));
        String etag = As.admin().get("/api/v1/bell-schedules/" + id).then().extract().header("ETag");
        Map<String, Object> change = Map.of("name", "Regular", "isDefault", true,
                "periods", List.of(period("P1", "08:20:00", "09:10:00")));
        String fresh = As.admin().contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put("/api/v1/bell-schedules/" + id).then().statusCode(200)
                .body("periods[0].startTime", is("08:20:00")).extract().header("ETag");
        As.admin().contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put("/api/v1/bell-schedules/" + id).then().statusCode(412).contentType("application/problem+json");
        As.admin().contentType(ContentType.JSON).header("If-Match", fresh).body(change)
                .put("/api/v1/bell-schedules/" + id).then().statusCode(200);
        As.admin().delete("/api/v1/bell-schedules/" + id).then().statusCode(204);
        As.admin().get("/api/v1/bell-schedules/" + id).then().statusCode(404);
    }

    @Test
    void theCalendarCountsInstructionalDaysAndAClosureIsPublished() throws Exception {
        calendar();
        // Week of Mon 2026-10-12: the holiday leaves four days.
        As.admin().queryParam("from", "2026-10-12").queryParam("to", "2026-10-18")
                .get("/api/v1/schools/" + school + "/calendars/2026-2027/instructional-days").then().statusCode(200)
                .body("count", is(4)).body("dates[0]", is("2026-10-13"));

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("schedule.events"));
            As.admin().contentType(ContentType.JSON).body(Map.of("date", "2026-10-14", "reason", "Snow day"))
                    .post("/api/v1/schools/" + school + "/closures").then().statusCode(201)
                    .body("nonInstructionalDays.kind", hasItem("CLOSURE"));
            JsonNode closed = null;
            long deadline = System.currentTimeMillis() + 20_000;
            while (closed == null && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode e = new ObjectMapper().readTree(r.value());
                    // the school's CalendarChanged goes out too (CalendarEventsTest reads it)
                    if (e.path("data").path("schoolId").asText().equals(school.toString())
                            && "SchoolClosed".equals(e.path("type").asText())) {
                        closed = e;
                        assertEquals(school.toString(), r.key());
                    }
                }
            }
            assertNotNull(closed, "SchoolClosed reached schedule.events");
            assertEquals("SchoolClosed", closed.get("type").asText());
            assertEquals("2026-10-14", closed.get("data").get("date").asText());
        }
        As.admin().queryParam("from", "2026-10-12").queryParam("to", "2026-10-18")
                .get("/api/v1/schools/" + school + "/calendars/2026-2027/instructional-days").then()
                .body("count", is(3));
        // The same day twice, or a day outside every calendar, is refused.
        As.admin().contentType(ContentType.JSON).body(Map.of("date", "2026-10-14", "reason", "again"))
                .post("/api/v1/schools/" + school + "/closures").then().statusCode(409);
        As.admin().contentType(ContentType.JSON).body(Map.of("date", "2027-07-14", "reason", "summer"))
                .post("/api/v1/schools/" + school + "/closures").then().statusCode(422)
                .body("violations[0].field", is("date"));
    }

    @Test
    void badCalendarsAreRefused() {
        As.admin().contentType(ContentType.JSON).body(Map.of("firstDay", "2026-09-02", "lastDay", "2027-06-18",
                        "nonInstructionalDays", List.of(Map.of("date", "2027-07-04", "kind", "HOLIDAY"))))
                .put("/api/v1/schools/" + school + "/calendars/2026-2027").then().statusCode(422)
                .body("violations[0].field", is("nonInstructionalDays[0].date"));
        As.admin().contentType(ContentType.JSON).body(Map.of("firstDay", "2026-09-02", "lastDay", "2027-06-18",
                        "nonInstructionalDays", List.of()))
                .put("/api/v1/schools/" + school + "/calendars/2026-2028").then().statusCode(400)
                .body("violations[0].field", is("schoolYear"));
        As.admin().get("/api/v1/schools/" + school + "/calendars/2026-2027").then().statusCode(404);
        As.admin().queryParam("format", "json").get("/q/openapi").then()
                .body("paths", hasKey("/api/v1/schools/{schoolId}/closures"));
    }
}
