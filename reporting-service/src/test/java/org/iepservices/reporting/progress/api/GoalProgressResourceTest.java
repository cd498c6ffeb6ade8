package org.iepservices.reporting.progress.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionAmended;
import org.iepservices.events.SessionCompleted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.iepservices.reporting.testing.Caller.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class GoalProgressResourceTest {

    static final LocalDate IEP_START = LocalDate.parse("2026-09-01");
    static final LocalDate IEP_END = LocalDate.parse("2027-06-18");

    private final EventPublisher events = new EventPublisher();
    private final UUID student = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();
    private final UUID mandate = UUID.randomUUID();
    private final UUID iep = UUID.randomUUID();
    private final UUID retell = UUID.randomUUID();
    private final UUID rSound = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    static IepActivated.Goal goal(UUID id, String area, String description, Integer target) {
        return new IepActivated.Goal(id, area, description, "30% with maximal cues", target + "% of opportunities",
                target, "PERCENT_ACCURACY", "GENERALIZATION", "SPEECH_LANGUAGE");
    }

    static IepActivated.Mandate speech(UUID mandate, UUID provider, LocalDate from) {
        return new IepActivated.Mandate(mandate, null, "SPEECH_LANGUAGE", "SLP", provider, 2, 30, "WEEK", 1, 1, "GROUP",
                3, from, IEP_END, "classroom", "speech room", List.of());
    }

    static SessionCompleted.GoalData trials(UUID goal, int correct, int total, String cue) {
        return new SessionCompleted.GoalData(goal, "TRIALS", correct, total, null, null, null, null, cue, null,
                "clinical: needed a visual model");
    }

    static SessionCompleted session(UUID log, UUID student, UUID mandate, UUID provider, ServiceSetting setting,
                                    String date, int minutes, List<SessionCompleted.GoalData> data,
                                    SessionCompleted.PushInContext pushIn, String note) {
        return new SessionCompleted(log, student, mandate, provider, setting, LocalDate.parse(date), minutes, List.of(),
                null, "SPEECH_LANGUAGE", "SMALL_GROUP", LocalTime.of(9, 0), LocalTime.of(9, minutes), "PRESENT",
                data, pushIn, note);
    }

    private EventEnvelope completed(ServiceSetting setting, String date, int correct) throws Exception {
        return events.send(SessionCompleted.TYPE, student, session(UUID.randomUUID(), student, mandate, provider,
                setting, date, 30, List.of(trials(retell, correct, 10, "MODERATE")), null, null));
    }

    private void activate() throws Exception {
        events.send(IepActivated.TYPE, student, new IepActivated(iep, student, null, IEP_START, IEP_END,
                List.of(speech(mandate, provider, IEP_START)),
                List.of(goal(retell, "EXPRESSIVE_LANGUAGE", "Retell a story with beginning, middle and end", 80),
                        goal(rSound, "ARTICULATION", "Produce /r/ in words", 80))));
    }

    private String progress(UUID goal) {
        return "/api/v1/students/" + student + "/goals/" + goal + "/progress";
    }

    @Test
    void sessionGoalDataBecomesASeriesWithSettingTrendAndStatusEvenBeforeTheIepArrives() throws Exception {
        // Session data first: the IEP naming the goal has not reached reporting yet.
        completed(ServiceSetting.PULL_OUT, "2026-09-15", 5);
        completed(ServiceSetting.PUSH_IN, "2026-09-17", 6);
        completed(ServiceSetting.PULL_OUT, "2026-09-22", 7);
        completed(ServiceSetting.PUSH_IN, "2026-09-24", 8);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(progress(retell)).then()
                .statusCode(200)
                .body("goalKnown", is(false))
                .body("pointCount", is(4))
                .body("metric", is("PERCENT"))
                .body("status.status", is("NO_TARGET"))
                .body("trend.direction", is("IMPROVING")));

        activate();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(progress(retell)).then()
                .statusCode(200).body("goalKnown", is(true)));

        Response r = given().get(progress(retell));
        r.then().statusCode(200)
                .body("iepId", is(iep.toString()))
                .body("inCurrentIep", is(true))
                .body("description", is("Retell a story with beginning, middle and end"))
                .body("targetPercent", is(80))
                .body("iepEndDate", is("2027-06-18"))
                .body("points.date", contains("2026-09-15", "2026-09-17", "2026-09-22", "2026-09-24"))
                .body("points.setting", contains("PULL_OUT", "PUSH_IN", "PULL_OUT", "PUSH_IN"))
                .body("points.value", contains(50.0f, 60.0f, 70.0f, 80.0f))
                .body("points.cueLevel", everyItem(is("MODERATE")))
                .body("pushInPoints", is(2))
                .body("pullOutPoints", is(2))
                .body("trend.window", is(6))
                .body("trend.pointsUsed", is(4))
                .body("trend.flatThresholdPerWeek", is(1.0f))
                .body("status.status", is("ON_TRACK"))
                .body("status.target", is(80.0f))
                .body("status.projectionDate", is("2027-06-18"))
                .body("status.lastAtOrAboveTarget", is(1));
        // days 0, 2, 7, 9 at 50, 60, 70, 80: least squares 160/53 per day
        assertEquals(160.0 / 53 * 7, r.jsonPath().getDouble("trend.slopePerWeek"), 1e-6);

        given().get("/api/v1/students/" + student + "/goals/progress").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("goalId", contains(retell.toString(), rSound.toString()))
                .body("[1].pointCount", is(0))
                .body("[1].status.status", is("INSUFFICIENT_DATA"))
                .body("[1].trend.direction", is("INSUFFICIENT_DATA"));
        given().queryParam("limit", 1).queryParam("offset", 1).get("/api/v1/students/" + student + "/goals/progress")
                .then().statusCode(200).header("X-Total-Count", "2").header("Link", containsString("rel=\"prev\""))
                .body("goalId", contains(rSound.toString()));

        Response chart = given().accept("image/svg+xml").get(progress(retell) + "/chart.svg");
        chart.then().statusCode(200).contentType("image/svg+xml");
        var svg = GoalProgressChartTest.parse(chart.asString());
        assertEquals(List.of("September 15, 2026, pull-out: 50%", "September 22, 2026, pull-out: 70%",
                "September 17, 2026, push-in: 60%", "September 24, 2026, push-in: 80%"),
                GoalProgressChartTest.pointTitles(svg));
        assertTrue(chart.asString().contains(">IEP target (80%)<"));
        assertTrue(chart.asString().contains("Retell a story with beginning, middle and end"));
    }

    @Test
    void duplicatesAndAnAddendumSeenBeforeItsSessionLeaveTheSeriesAsIfInOrder() throws Exception {
        activate();
        EventEnvelope first = completed(ServiceSetting.PULL_OUT, "2026-09-15", 5);
        events.send(SessionCompleted.TYPE.topic(), first); // redelivered
        // An addendum saying the student was not there after all, seen before the session itself.
        UUID withdrawn = UUID.randomUUID();
        events.send(SessionAmended.TYPE, student, new SessionAmended(withdrawn, UUID.randomUUID(), student, mandate,
                provider, ServiceSetting.PUSH_IN, LocalDate.parse("2026-09-17"), 30, 0, List.of(), "absent after all"),
                OffsetDateTime.now().plusMinutes(5));
        events.send(SessionCompleted.TYPE, student, session(withdrawn, student, mandate, provider,
                ServiceSetting.PUSH_IN, "2026-09-17", 30, List.of(trials(retell, 10, 10, null)), null, null));
        completed(ServiceSetting.PULL_OUT, "2026-09-22", 7); // after everything above on the same partition

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(progress(retell)).then()
                .statusCode(200)
                .body("points.date", contains("2026-09-15", "2026-09-22"))
                .body("points.value", contains(50.0f, 70.0f)));
    }

    @Test
    void anAmendedIepRewordsTheGoalWhicheverVersionArrivesFirst() throws Exception {
        UUID amended = UUID.randomUUID();
        // the amendment first, then the original version
        events.send(IepAmended.TYPE, student, new IepAmended(amended, student, iep, LocalDate.parse("2026-11-02"),
                IEP_END, List.of(speech(UUID.randomUUID(), provider, LocalDate.parse("2026-11-02"))),
                List.of(goal(retell, "EXPRESSIVE_LANGUAGE", "Retell a story using story grammar", 90)), "annual data"));
        activate();
        completed(ServiceSetting.PULL_OUT, "2026-09-15", 5);

        // The two versions and the session travel on two topics and two consumer groups: wait for all of it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get(progress(retell)).then().statusCode(200)
                    .body("pointCount", is(1))
                    .body("iepId", is(amended.toString()))
                    .body("description", is("Retell a story using story grammar"))
                    .body("targetPercent", is(90))
                    .body("inCurrentIep", is(true));
            // /r/ was dropped by the amendment: still listed from the earlier version, not current
            given().get(progress(rSound)).then().statusCode(200)
                    .body("iepId", is(iep.toString())).body("inCurrentIep", is(false));
        });
        given().get("/api/v1/students/" + student + "/goals/progress").then()
                .body("goalId", contains(retell.toString(), rSound.toString()));
    }

    @Test
    void unknownIdsAre404AndBadParametersAre400WithEveryField() throws Exception {
        given().get("/api/v1/students/" + UUID.randomUUID() + "/goals/progress").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
        activate();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(progress(retell)).then().statusCode(200));
        given().get(progress(UUID.randomUUID())).then().statusCode(404).contentType("application/problem+json");
        given().get(progress(UUID.randomUUID()) + "/chart.svg").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("limit", 0).queryParam("offset", "x")
                .get("/api/v1/students/" + student + "/goals/progress").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("limit", "offset"));
        given().queryParam("width", "wide").get(progress(retell) + "/chart.svg").then().statusCode(400)
                .body("violations[0].field", is("width"));
    }
}
