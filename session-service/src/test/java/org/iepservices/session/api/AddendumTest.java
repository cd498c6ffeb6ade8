package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class AddendumTest {

    private TestWorld world;
    private TestWorld.Student student;

    @BeforeEach
    void district() throws Exception {
        world = TestWorld.create();
        student = world.student();
        world.awaitKnown(student);
    }

    @AfterEach
    void close() {
        world.close();
    }

    private String log() {
        Map<String, Object> body = world.speechLog(student, "PRESENT", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) body.get("students")).get(0);
        line.put("goalData", List.of(trials(student.speechGoal(), 6, 10)));
        line.put("progressNote", "Good session");
        return createLog(world.slp(), body);
    }

    private ValidatableResponse amend(String logId, Map<String, Object> correction) {
        return post(world.slp(), "/api/v1/session-logs/" + logId + "/addenda", Map.of("author", "Dana Whitfield",
                "credentials", "CCC-SLP", "reason", "Student left early for the nurse", "students", List.of(correction)));
    }

    private static Map<String, Object> correction(UUID student, String attendance, Integer minutes) {
        Map<String, Object> c = new HashMap<>(Map.of("studentId", student.toString()));
        if (attendance != null) {
            c.put("attendance", attendance);
        }
        if (minutes != null) {
            c.put("minutes", minutes);
        }
        return c;
    }

    @Test
    void anAddendumCorrectsALockedLogKeepsTheOriginalAndPublishesSessionAmended() throws Exception {
        String logId = log();
        amend(logId, correction(student.id(), "PARTIAL", 20)).statusCode(409); // drafts are edited, not amended
        world.complete(logId, world.slp).statusCode(200);
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            amend(logId, correction(student.id(), "PARTIAL", 20)).statusCode(201)
                    .body("locked", is(true))
                    .body("students[0].minutes", is(20))
                    .body("students[0].attendance", is("PARTIAL"))
                    .body("students[0].originalMinutes", is(30))
                    .body("students[0].originalAttendance", is("PRESENT"))
                    .body("addenda", hasSize(1))
                    .body("addenda[0].author", is("Dana Whitfield"))
                    .body("addenda[0].credentials", is("CCC-SLP"))
                    .body("addenda[0].reason", containsString("nurse"))
                    .body("addenda[0].createdAt", notNullValue())
                    .body("addenda[0].changes.field", containsInAnyOrder("attendance", "minutes"))
                    .body("addenda[0].changes.find { it.field == 'minutes' }.oldValue", is("30"))
                    .body("addenda[0].changes.find { it.field == 'minutes' }.newValue", is("20"));
            List<JsonNode> events = probe.await(e -> e.path("type").asText().equals("SessionAmended")
                    && e.path("data").path("sessionLogId").asText().equals(logId), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size());
            JsonNode data = events.get(0).get("data");
            assertEquals(student.id().toString(), events.get(0).get("subject").asText());
            assertEquals(30, data.get("previousMinutes").asInt());
            assertEquals(20, data.get("minutes").asInt());
            assertEquals(student.speech().toString(), data.get("mandateId").asText());
            assertEquals("Student left early for the nurse", data.get("reason").asText());
            assertEquals(logId, data.get("sessionLogId").asText());
            assertEquals(student.id().toString(), data.get("studentId").asText());
            assertEquals(world.slp.id().toString(), data.get("providerId").asText());
            assertEquals("PULL_OUT", data.get("setting").asText());
            assertEquals("2026-09-15", data.get("sessionDate").asText());
            assertEquals(0, data.get("makeupFor").size());
            assertEquals(events.get(0).get("data").get("addendumId").asText(),
                    world.slp().get("/api/v1/session-logs/" + logId).then().extract().path("addenda[0].id"));
        }
        // A second addendum keeps the signed values as the original; a goal-data correction is history too.
        Map<String, Object> goals = correction(student.id(), null, 15);
        goals.put("goalData", List.of(trials(student.speechGoal(), 5, 10)));
        goals.put("progressNote", "Left at 10:15; 5/10 before leaving");
        amend(logId, goals).statusCode(201)
                .body("students[0].minutes", is(15))
                .body("students[0].attendance", is("PARTIAL"))
                .body("students[0].originalMinutes", is(30))
                .body("students[0].goalData[0].correct", is(5))
                .body("students[0].goalData[0].percent", is(50.0f))
                .body("students[0].progressNote", startsWith("Left at 10:15"))
                .body("addenda", hasSize(2))
                .body("addenda[1].changes.field", containsInAnyOrder("minutes", "goalData", "progressNote"))
                .body("addenda[1].changes.find { it.field == 'goalData' }.oldValue", containsString("\"correct\":6"))
                .body("addenda[1].changes.find { it.field == 'progressNote' }.oldValue", is("Good session"));
    }

    @Test
    void anAddendumThatBreaksARuleOrChangesNothingIsRefusedAndChangesNothing() {
        String logId = log();
        world.complete(logId, world.slp).statusCode(200);
        amend(logId, correction(student.id(), "PRESENT", 45)).statusCode(422)
                .body("violations[0].field", is("students[0].minutes"));
        amend(logId, correction(student.id(), "PRESENT", null)).statusCode(422)
                .body("detail", containsString("changes nothing"));
        amend(logId, correction(UUID.randomUUID(), "ABSENT", null)).statusCode(422)
                .body("violations[0].message", containsString("not on the log"));
        // Absent now, but the goal data stays: goal data for an absent student makes no sense.
        amend(logId, correction(student.id(), "ABSENT", null)).statusCode(422)
                .body("violations[0].field", is("students[0].goalData"));
        Map<String, Object> foreignGoal = correction(student.id(), null, null);
        foreignGoal.put("goalData", List.of(trials(UUID.randomUUID(), 1, 1)));
        amend(logId, foreignGoal).statusCode(422)
                .body("violations[0].field", is("students[0].goalData[0].goalId"));
        world.slp().get("/api/v1/session-logs/" + logId).then()
                .body("students[0].minutes", is(30))
                .body("students[0].goalData[0].correct", is(6))
                .body("addenda", hasSize(0));
        // Absent with the goal data removed is a valid correction: the student is credited nothing.
        Map<String, Object> absent = correction(student.id(), "ABSENT", null);
        absent.put("goalData", List.of());
        amend(logId, absent).statusCode(201).body("students[0].minutes", is(0)).body("students[0].goalData", empty());
    }
}
