package org.iepservices.reporting.progress.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.reporting.progress.api.GoalProgressResourceTest.IEP_END;
import static org.iepservices.reporting.progress.api.GoalProgressResourceTest.IEP_START;
import static org.iepservices.reporting.progress.api.GoalProgressResourceTest.session;
import static org.iepservices.reporting.progress.api.GoalProgressResourceTest.speech;
import static org.iepservices.reporting.progress.api.GoalProgressResourceTest.trials;
import static org.iepservices.reporting.testing.Caller.given;

/**
 * A goal an amendment rewords gets a new id and {@code continuesGoalId}: its progress, trend,
 * chart and family summary carry the data recorded against the goal it continues (events on the
 * real broker, read over HTTP).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class GoalContinuationTest {

    private final EventPublisher events = new EventPublisher();
    private final UUID student = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();
    private final UUID mandate = UUID.randomUUID();
    private final UUID iep = UUID.randomUUID();
    private final UUID amendment = UUID.randomUUID();
    private final UUID retell = UUID.randomUUID();
    private final UUID retellWithDetails = UUID.randomUUID();
    private final UUID fluency = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    private void data(UUID goal, String date, int correct) throws Exception {
        events.send(SessionCompleted.TYPE, student, session(UUID.randomUUID(), student, mandate, provider,
                ServiceSetting.PULL_OUT, date, 30, List.of(trials(goal, correct, 10, "MINIMAL")), null, null));
    }

    private String goalPath(UUID goal) {
        return "/api/v1/students/" + student + "/goals/" + goal + "/progress";
    }

    @Test
    void aContinuedGoalKeepsItsDataHistoryAcrossTheAmendment() throws Exception {
        events.send(IepActivated.TYPE, student, new IepActivated(iep, student, null, IEP_START, IEP_END,
                List.of(speech(mandate, provider, IEP_START)),
                List.of(new IepActivated.Goal(retell, "EXPRESSIVE_LANGUAGE", "Retell a story", "30%", "80%", 80,
                        "PERCENT_ACCURACY", "GENERALIZATION", "SPEECH_LANGUAGE", null))));
        data(retell, "2026-09-15", 4);
        data(retell, "2026-09-17", 5);
        data(retell, "2026-09-22", 6);
        // Amended from October 1st: the goal is reworded (new id, continuing the old one), another is added.
        LocalDate october = LocalDate.parse("2026-10-01");
        events.send(IepAmended.TYPE, student, new IepAmended(amendment, student, iep, october, IEP_END,
                List.of(speech(UUID.randomUUID(), provider, october)),
                List.of(new IepActivated.Goal(retellWithDetails, "EXPRESSIVE_LANGUAGE",
                                "Retell a story with two details", "60%", "90%", 90, "PERCENT_ACCURACY",
                                "GENERALIZATION", "SPEECH_LANGUAGE", retell),
                        new IepActivated.Goal(fluency, "FLUENCY", "Use easy onsets", "20%", "80%", 80,
                                "PERCENT_ACCURACY", "ACQUISITION", "SPEECH_LANGUAGE", null)),
                "annual review"));
        data(retellWithDetails, "2026-10-06", 7);
        data(retellWithDetails, "2026-10-08", 8);

        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().get(goalPath(retellWithDetails)).then()
                .statusCode(200)
                .body("pointCount", is(5))
                .body("description", is("Retell a story with two details")));
        given().get(goalPath(retellWithDetails)).then()
                .body("goalId", is(retellWithDetails.toString()))
                .body("iepId", is(amendment.toString()))
                .body("inCurrentIep", is(true))
                .body("targetPercent", is(90))
                .body("continuesGoalIds", contains(retell.toString()))
                .body("points.date", contains("2026-09-15", "2026-09-17", "2026-09-22", "2026-10-06", "2026-10-08"))
                .body("points.goalId", contains(retell.toString(), retell.toString(), retell.toString(),
                        retellWithDetails.toString(), retellWithDetails.toString()))
                .body("points.value", contains(40.0f, 50.0f, 60.0f, 70.0f, 80.0f))
                .body("trend.pointsUsed", is(5))
                .body("trend.direction", is("IMPROVING"))
                .body("status.status", not("INSUFFICIENT_DATA"));

        // The old goal's id answers with the goal that continues it.
        given().get(goalPath(retell)).then().statusCode(200)
                .body("goalId", is(retellWithDetails.toString())).body("pointCount", is(5));
        // Listed once, as the amended goal.
        given().get("/api/v1/students/" + student + "/goals/progress").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("goalId", contains(retellWithDetails.toString(), fluency.toString()))
                .body("[0].pointCount", is(5));
        // The chart draws the whole history.
        given().get(goalPath(retellWithDetails) + "/chart.svg").then().statusCode(200)
                .body(containsString("September 15, 2026"), containsString("October 8, 2026"));
        // The family summary over both months speaks of one goal with all five data points.
        given().queryParam("from", "2026-09-01").queryParam("to", "2026-10-31")
                .get("/api/v1/students/" + student + "/progress-summary").then().statusCode(200)
                .body("goals.goalId", hasItem(retellWithDetails.toString()))
                .body("goals.goalId", not(hasItem(retell.toString())))
                .body("goals.find { it.goalId == '" + retellWithDetails + "' }.dataPoints", is(5));
        // A summary of September, before the amendment took effect, names the goal as that IEP words it.
        given().queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .get("/api/v1/students/" + student + "/progress-summary").then().statusCode(200)
                .body("goals.goalId", contains(retell.toString()))
                .body("goals[0].heading", is("Retell a story"))
                .body("goals[0].dataPoints", is(3));
    }
}
