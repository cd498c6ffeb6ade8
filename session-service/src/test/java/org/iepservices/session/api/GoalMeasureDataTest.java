package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.events.IepActivated;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * DURATION and RUBRIC goal data through HTTP: recorded against goals measured that way, returned
 * and published on SessionCompleted; data that does not fit the goal's measure, a rubric score off the
 * goal's scale and a duration longer than the session are refused (422 problem+json), writing nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class GoalMeasureDataTest {

    private TestWorld world;
    private TestWorld.Student student;
    private final UUID durationGoal = UUID.randomUUID();
    private final UUID rubricGoal = UUID.randomUUID();

    @BeforeEach
    void district() throws Exception {
        world = TestWorld.create();
        student = world.student(List.of(
                new IepActivated.Goal(durationGoal, "FLUENCY", "Blocks last under 2 seconds", "6 seconds",
                        "2 seconds", null, "DURATION", "ACQUISITION", "SPEECH_LANGUAGE", null, "DECREASE", 2.0,
                        "SECONDS", null, null),
                new IepActivated.Goal(rubricGoal, "EXPRESSIVE_LANGUAGE", "Narrative rubric score 3", "1",
                        "3 on the 1-4 rubric", null, "RUBRIC", "GENERALIZATION", "SPEECH_LANGUAGE", null, null, 3.0,
                        null, 1, 4)));
        world.awaitKnown(student);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLine(Map<String, Object> log) {
        return ((List<Map<String, Object>>) log.get("students")).get(0);
    }

    private static Map<String, Object> data(UUID goal, String measure, Object... fields) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("goalId", goal.toString());
        d.put("measure", measure);
        for (int i = 0; i < fields.length; i += 2) {
            d.put((String) fields[i], fields[i + 1]);
        }
        return d;
    }

    @Test
    void durationAndRubricDataAreRecordedReturnedAndPublished() throws Exception {
        Map<String, Object> body = world.speechLog(student, "PRESENT", null);
        firstLine(body).put("goalData", List.of(
                data(durationGoal, "DURATION", "durationSeconds", 4),
                data(rubricGoal, "RUBRIC", "rubricScore", 3, "cueLevel", "MINIMAL"),
                trials(student.speechGoal(), 7, 10)));
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            String id = createLog(world.slp(), body);
            world.slp().get("/api/v1/session-logs/" + id).then().statusCode(200)
                    .body("students[0].goalData.measure", contains("DURATION", "RUBRIC", "TRIALS"))
                    .body("students[0].goalData[0].durationSeconds", is(4))
                    .body("students[0].goalData[1].rubricScore", is(3))
                    .body("students[0].goalData[2].durationSeconds", nullValue());
            world.complete(id, world.slp).statusCode(200);

            List<JsonNode> completed = probe.await(e -> e.path("type").asText().equals("SessionCompleted")
                    && e.path("data").path("sessionLogId").asText().equals(id), 1, Duration.ofSeconds(30));
            assertEquals(1, completed.size());
            JsonNode goalData = completed.get(0).path("data").path("goalData");
            assertEquals(4, goalData.get(0).path("durationSeconds").asInt());
            assertEquals("RUBRIC", goalData.get(1).path("measure").asText());
            assertEquals(3, goalData.get(1).path("rubricScore").asInt());
        }
    }

    @Test
    void dataOffTheGoalsScaleOrMeasureOrLongerThanTheSessionIsRefused() {
        Map<String, Object> body = world.speechLog(student, "PRESENT", null);
        firstLine(body).put("goalData", List.of(
                data(durationGoal, "DURATION", "durationSeconds", 1801),   // the session is 30 minutes
                data(rubricGoal, "RUBRIC", "rubricScore", 5),              // the rubric runs 1 to 4
                data(student.speechGoal(), "RUBRIC", "rubricScore", 2)));  // a percent-accuracy goal
        post(world.slp(), "/api/v1/session-logs", body).statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("students[0].goalData[0].durationSeconds",
                        "students[0].goalData[1].rubricScore", "students[0].goalData[2].measure"))
                .body("violations.message", hasItem(containsString("rubric scale 1 to 4")))
                .body("violations.message", hasItem(containsString("1800 seconds")));

        Map<String, Object> wrongKind = world.speechLog(student, "PRESENT", null);
        firstLine(wrongKind).put("goalData", List.of(
                trials(durationGoal, 3, 5),                                  // trials on a duration goal
                data(rubricGoal, "RUBRIC"),                                  // no score
                data(student.speechGoal2(), "TRIALS", "correct", 1, "total", 2, "durationSeconds", 30)));
        post(world.slp(), "/api/v1/session-logs", wrongKind).statusCode(422)
                .body("violations.field", containsInAnyOrder("students[0].goalData[0].measure",
                        "students[0].goalData[1].rubricScore", "students[0].goalData[2].durationSeconds"));
        assertEquals(0, world.logsOf(world.slp), "nothing refused was written");
    }
}
