package org.iepservices.student.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.*;
import static org.iepservices.student.api.Tokens.given;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Goals say whether higher or lower is better and what their measure needs: stored, returned and
 * published with the IEP (so session logging and reporting can follow them); inconsistent measure
 * details are refused with the field named, and nothing is stored.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class GoalDirectionApiTest {

    @Test
    void aReductionGoalAndDurationAndRubricGoalsAreStoredAndPublishedWithTheIep() throws Exception {
        IepFixtures f = new IepFixtures();
        Map<String, Object> fewer = IepFixtures.goal("FLUENCY", "Fewer than 2 disfluencies per minute of conversation",
                "ACQUISITION");
        fewer.put("measurementMethod", "FREQUENCY");
        fewer.put("direction", "DECREASE");
        fewer.put("targetValue", 2);
        Map<String, Object> onTask = IepFixtures.goal("PRAGMATICS_SOCIAL", "Stays in a conversation for 3 minutes",
                "ACQUISITION");
        onTask.put("measurementMethod", "DURATION");
        onTask.put("durationUnit", "MINUTES");
        onTask.put("targetValue", 3);
        Map<String, Object> rubric = IepFixtures.goal("EXPRESSIVE_LANGUAGE", "Narrative scores 3 on the 1-4 rubric",
                "GENERALIZATION");
        rubric.put("measurementMethod", "RUBRIC");
        rubric.put("scaleMin", 1);
        rubric.put("scaleMax", 4);
        rubric.put("targetValue", 3);
        Map<String, Object> plain = IepFixtures.goal("ARTICULATION", "Produces /r/ in words", "ACQUISITION");
        plain.put("measurementMethod", "PERCENT_ACCURACY");
        plain.put("targetPercent", 80);

        try (TopicProbe probe = new TopicProbe("iep.events")) {
            String iep = f.activeDraft(IepFixtures.iep("2026-09-01", "2027-08-31",
                    List.of(fewer, onTask, rubric, plain), List.of(f.speech(1, 1))));

            given().get("/api/v1/ieps/" + iep).then().statusCode(200)
                    .body("goals.direction", contains("DECREASE", "INCREASE", "INCREASE", "INCREASE"))
                    .body("goals[0].targetValue", is(2.0f))
                    .body("goals[1].durationUnit", is("MINUTES"))
                    .body("goals[2].scaleMin", is(1))
                    .body("goals[2].scaleMax", is(4))
                    .body("goals[3].targetValue", nullValue());

            List<TopicProbe.Received> events = probe.await(e -> e.path("type").asText().equals("IepActivated")
                    && e.path("data").path("iepId").asText().equals(iep), 1, Duration.ofSeconds(30));
            assertEquals(1, events.size());
            JsonNode goals = events.get(0).event().path("data").path("goals");
            assertEquals("DECREASE", goals.get(0).path("direction").asText());
            assertEquals(2.0, goals.get(0).path("targetValue").asDouble());
            assertEquals("MINUTES", goals.get(1).path("durationUnit").asText());
            assertEquals(4, goals.get(2).path("scaleMax").asInt());
            assertEquals("INCREASE", goals.get(3).path("direction").asText(), "the default direction is published");
        }
    }

    @Test
    void aDurationGoalWithoutAUnitIsInSecondsAndMeasureDetailsThatDoNotFitAreRefused() {
        IepFixtures f = new IepFixtures();
        Map<String, Object> duration = IepFixtures.goal("SOCIAL_EMOTIONAL", "Outbursts last under 30 seconds",
                "ACQUISITION");
        duration.put("measurementMethod", "DURATION");
        duration.put("direction", "DECREASE");
        String iep = f.draft(IepFixtures.iep("2026-09-01", "2027-08-31", List.of(duration), List.of(f.speech(1, 1))));
        given().get("/api/v1/ieps/" + iep).then().statusCode(200).body("goals[0].durationUnit", is("SECONDS"));

        IepFixtures g = new IepFixtures();
        Map<String, Object> noScale = IepFixtures.goal("EXPRESSIVE_LANGUAGE", "Narrative rubric", "ACQUISITION");
        noScale.put("measurementMethod", "RUBRIC");
        Map<String, Object> offScale = IepFixtures.goal("EXPRESSIVE_LANGUAGE", "Another rubric", "ACQUISITION");
        offScale.put("measurementMethod", "RUBRIC");
        offScale.put("scaleMin", 1);
        offScale.put("scaleMax", 4);
        offScale.put("targetValue", 5);
        Map<String, Object> percentWithValue = IepFixtures.goal("ARTICULATION", "Produces /s/", "ACQUISITION");
        percentWithValue.put("measurementMethod", "PERCENT_ACCURACY");
        percentWithValue.put("targetValue", 80);
        Map<String, Object> unitOnCount = IepFixtures.goal("FLUENCY", "Fewer blocks", "ACQUISITION");
        unitOnCount.put("measurementMethod", "FREQUENCY");
        unitOnCount.put("durationUnit", "SECONDS");
        given().contentType(ContentType.JSON)
                .body(IepFixtures.iep("2026-09-01", "2027-08-31", List.of(noScale, offScale, percentWithValue,
                        unitOnCount), List.of(g.speech(1, 1))))
                .post("/api/v1/students/" + g.student + "/ieps").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("goals[0].scaleMin", "goals[1].targetValue",
                        "goals[2].targetValue", "goals[3].durationUnit"));
        given().get("/api/v1/students/" + g.student + "/ieps").then().statusCode(200).body("", hasSize(0));

        Map<String, Object> badDirection = IepFixtures.goal("FLUENCY", "Fewer blocks", "ACQUISITION");
        badDirection.put("direction", "SIDEWAYS");
        given().contentType(ContentType.JSON)
                .body(IepFixtures.iep("2026-09-01", "2027-08-31", List.of(badDirection), List.of(g.speech(1, 1))))
                .post("/api/v1/students/" + g.student + "/ieps").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
