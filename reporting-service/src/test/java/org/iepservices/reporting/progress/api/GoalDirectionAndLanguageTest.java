package org.iepservices.reporting.progress.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.iepservices.events.IepActivated;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.BeforeEach;
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
import static org.iepservices.reporting.testing.Caller.given;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Through the events and HTTP: a goal to reduce disfluencies (DECREASE) whose counts go down reads as
 * improving and meets its target everywhere (goal progress, chart, family summary); DURATION and
 * RUBRIC goal data are plotted and judged in seconds and rubric scores; the family summary is in
 * Spanish for Accept-Language: es (or lang=es), in English for a language it does not have.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class GoalDirectionAndLanguageTest {

    private static final String FROM = "2026-09-01";
    private static final String TO = "2026-10-31";

    // One student for every test here: the scenario is published once, the tests only read.
    private static final UUID student = UUID.randomUUID();
    private static final UUID provider = UUID.randomUUID();
    private static final UUID mandate = UUID.randomUUID();
    private static final UUID iep = UUID.randomUUID();
    private static final UUID disfluencies = UUID.randomUUID();
    private static final UUID outbursts = UUID.randomUUID();
    private static final UUID narrative = UUID.randomUUID();
    private static boolean published;

    @BeforeEach
    void scenario() throws Exception {
        if (published) {
            return;
        }
        try (EventPublisher events = new EventPublisher()) {
            publish(events);
        }
        published = true;
    }

    private void publish(EventPublisher events) throws Exception {
        events.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "s-" + student, "Leo", "Garcia", "04",
                UUID.randomUUID(), "active"));
        events.send(StaffUpserted.TYPE, provider, new StaffUpserted(provider, "t-" + provider, "Dana", "Whitfield",
                "dana@example.org", "SLP", "CCC-SLP", List.of(), "active"));
        events.send(IepActivated.TYPE, student, new IepActivated(iep, student, null, IEP_START, IEP_END,
                List.of(speech(mandate, provider, IEP_START)),
                List.of(new IepActivated.Goal(disfluencies, "FLUENCY", "Fewer than 3 disfluencies in a 2-minute talk",
                                "9 disfluencies", "3 or fewer", null, "FREQUENCY", "ACQUISITION", "SPEECH_LANGUAGE",
                                null, "DECREASE", 3.0, null, null, null),
                        new IepActivated.Goal(outbursts, "SOCIAL_EMOTIONAL", "Calms down within 60 seconds",
                                "180 seconds", "60 seconds or less", null, "DURATION", "ACQUISITION",
                                "SPEECH_LANGUAGE", null, "DECREASE", 60.0, "SECONDS", null, null),
                        new IepActivated.Goal(narrative, "EXPRESSIVE_LANGUAGE", "Tells a story that scores 3 of 4",
                                "1", "3 on the rubric", null, "RUBRIC", "GENERALIZATION", "SPEECH_LANGUAGE", null,
                                null, 3.0, null, 1, 4))));
        // Weekly: disfluencies 8, 6, 3, 2, 2 (down, the last three at or under 3); outbursts 170, 140, 110, 80 s;
        // narrative rubric 1, 2, 2, 3.
        int[] counts = {8, 6, 3, 2, 2};
        int[] seconds = {170, 140, 110, 80, 75};
        int[] rubric = {1, 2, 2, 3, 3};
        for (int i = 0; i < counts.length; i++) {
            LocalDate date = LocalDate.parse("2026-09-14").plusWeeks(i);
            events.send(SessionCompleted.TYPE, student, session(UUID.randomUUID(), student, mandate, provider,
                    i % 2 == 0 ? ServiceSetting.PULL_OUT : ServiceSetting.PUSH_IN, date.toString(), 30, List.of(
                            data(disfluencies, "FREQUENCY", counts[i], null, null),
                            data(outbursts, "DURATION", null, seconds[i], null),
                            data(narrative, "RUBRIC", null, null, rubric[i])), null, null));
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            given().get(progress(disfluencies)).then().statusCode(200).body("goalKnown", is(true))
                    .body("pointCount", is(5));
            given().get(progress(narrative)).then().statusCode(200).body("pointCount", is(5));
            given().queryParam("from", FROM).queryParam("to", TO).get(summary()).then().statusCode(200)
                    .body("studentName", is("Leo"));
        });
    }

    private static SessionCompleted.GoalData data(UUID goal, String measure, Integer count, Integer seconds,
                                                  Integer score) {
        return new SessionCompleted.GoalData(goal, measure, null, null, null, count, null, null, null, null, null,
                seconds, score);
    }

    private String progress(UUID goal) {
        return "/api/v1/students/" + student + "/goals/" + goal + "/progress";
    }

    private String summary() {
        return "/api/v1/students/" + student + "/progress-summary";
    }

    @Test
    void aReductionGoalWhoseCountsGoDownIsImprovingAndMeetsItsTarget() {
        given().get(progress(disfluencies)).then().statusCode(200)
                .body("direction", is("DECREASE"))
                .body("metric", is("COUNT"))
                .body("targetValue", is(3.0f))
                .body("points.value", contains(8.0f, 6.0f, 3.0f, 2.0f, 2.0f))
                .body("trend.direction", is("IMPROVING"))
                .body("trend.slopePerWeek", lessThan(0f))
                .body("trend.explanation", containsString("lower is better"))
                .body("status.status", is("MET"))
                .body("status.target", is(3.0f))
                .body("status.lastMeetingTarget", is(3))
                .body("status.explanation", containsString("at or below the target of 3"));

        String svg = given().accept("image/svg+xml").get(progress(disfluencies) + "/chart.svg").then()
                .statusCode(200).extract().asString();
        assertTrue(svg.contains(">IEP target (at most 3; lower is better)<"), "the legend says which way is better");
        assertTrue(svg.contains(">Target \u2264 3<"), "the target line says at most");
    }

    @Test
    void durationAndRubricDataAreJudgedInSecondsAndRubricScores() {
        given().get(progress(outbursts)).then().statusCode(200)
                .body("metric", is("SECONDS"))
                .body("durationUnit", is("SECONDS"))
                .body("points.durationSeconds", contains(170, 140, 110, 80, 75))
                .body("points.value", contains(170.0f, 140.0f, 110.0f, 80.0f, 75.0f))
                .body("trend.direction", is("IMPROVING"))
                // not met yet (75 > 60), but falling about 25 s a week it gets there well before the IEP ends
                .body("status.status", is("ON_TRACK"))
                .body("status.projectedValue", is(0.0f));
        given().get(progress(narrative)).then().statusCode(200)
                .body("metric", is("SCORE"))
                .body("direction", is("INCREASE"))
                .body("scaleMin", is(1))
                .body("scaleMax", is(4))
                .body("points.rubricScore", contains(1, 2, 2, 3, 3))
                .body("trend.direction", is("IMPROVING"))
                .body("status.status", is("ON_TRACK"))
                .body("status.projectedValue", is(4.0f)); // the projection stays on the rubric's scale
    }

    @Test
    void theFamilySummaryCallsFallingDisfluenciesProgressInEnglishAndInSpanish() {
        Response en = given().queryParam("from", FROM).queryParam("to", TO).get(summary());
        en.then().statusCode(200).header("Content-Language", "en").body("lang", is("en"));
        String english = String.join("\n", en.jsonPath().getList("goals[0].sentences.text", String.class));
        assertTrue(english.contains("results have been going down"), english);
        assertTrue(english.contains("For this goal, lower numbers are better. So this is progress."), english);
        assertTrue(english.contains("The IEP target is 3 or less."), english);
        assertTrue(english.contains("at or below the target"), english);
        String outburstsEn = String.join("\n", en.jsonPath().getList("goals[1].sentences.text", String.class));
        assertTrue(outburstsEn.contains("Times ranged from 75 seconds to 170 seconds"), outburstsEn);
        String rubricEn = String.join("\n", en.jsonPath().getList("goals[2].sentences.text", String.class));
        assertTrue(rubricEn.contains("Rubric scores ranged from 1 out of 4 to 3 out of 4"), rubricEn);

        Response es = given().header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")
                .queryParam("from", FROM).queryParam("to", TO).get(summary());
        es.then().statusCode(200).header("Content-Language", "es").header("Vary", containsString("Accept-Language"))
                .body("lang", is("es"))
                .body("goals[0].heading", is("Fewer than 3 disfluencies in a 2-minute talk")) // the IEP's own words
                .body("goals[0].areaWords", is("fluidez del habla"));
        String spanish = String.join("\n", es.jsonPath().getList("overview.text", String.class)) + "\n"
                + String.join("\n", es.jsonPath().getList("goals[0].sentences.text", String.class));
        assertTrue(spanish.contains("Este resumen va del 1 de septiembre de 2026 al 31 de octubre de 2026."), spanish);
        assertTrue(spanish.contains("Leo asistió a 5 sesiones."), spanish);
        assertTrue(spanish.contains("los resultados bajaron"), spanish);
        assertTrue(spanish.contains("En esta meta, los números más bajos son mejores. Así que esto es un avance."),
                spanish);
        assertTrue(spanish.contains("El objetivo del IEP es 3 o menos."), spanish);
        assertFalse(spanish.contains("results"), spanish);
        // Same facts, same sentences: only the words differ.
        assertEquals(en.jsonPath().getList("goals.sentences.basis"), es.jsonPath().getList("goals.sentences.basis"));

        given().queryParam("lang", "es").queryParam("from", FROM).queryParam("to", TO).accept("text/html")
                .get(summary()).then().statusCode(200).header("Content-Language", "es")
                .body(containsString("<html lang=\"es\">"))
                .body(containsString("Resumen del progreso de Leo"))
                .body(containsString("Si tiene preguntas, hable con el equipo del IEP de su hijo o hija."));
    }

    @Test
    void aLanguageWithoutABundleFallsBackToEnglish() {
        given().header("Accept-Language", "fr-CA, de;q=0.8").queryParam("from", FROM).queryParam("to", TO)
                .get(summary()).then().statusCode(200)
                .header("Content-Language", "en")
                .body("lang", is("en"))
                .body("overview[0].text", startsWith("This summary covers"));
        // A guardian's home language we do not have yet: English, not an error.
        given().queryParam("lang", "vi").header("Accept-Language", "vi").queryParam("from", FROM)
                .queryParam("to", TO).get(summary()).then().statusCode(200).header("Content-Language", "en");
        // lang wins over Accept-Language when it names a language we have.
        given().queryParam("lang", "es").header("Accept-Language", "en").queryParam("from", FROM)
                .queryParam("to", TO).get(summary()).then().statusCode(200).header("Content-Language", "es");
    }
}
