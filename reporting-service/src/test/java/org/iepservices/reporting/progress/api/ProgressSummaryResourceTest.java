package org.iepservices.reporting.progress.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.iepservices.events.IepActivated;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.iepservices.reporting.testing.Caller.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.reporting.progress.api.GoalProgressResourceTest.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class ProgressSummaryResourceTest {

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

    private String path() {
        return "/api/v1/students/" + student + "/progress-summary";
    }

    private void scenario() throws Exception {
        events.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "s-1", "Maya", "Lopez", "03",
                UUID.randomUUID(), "active"));
        events.send(StaffUpserted.TYPE, provider, new StaffUpserted(provider, "t-1", "Dana", "Whitfield",
                "dana@example.org", "SLP", "CCC-SLP", List.of(), "active"));
        events.send(IepActivated.TYPE, student, new IepActivated(iep, student, null, IEP_START, IEP_END,
                List.of(speech(mandate, provider, IEP_START)),
                List.of(goal(retell, "EXPRESSIVE_LANGUAGE", "Retell a story with beginning, middle and end", 80),
                        goal(rSound, "ARTICULATION", "Produce /r/ in words", 80))));
        send(ServiceSetting.PULL_OUT, "2026-09-15", 4, "Maya <b>retold</b> the \"Three Bears\" & smiled.");
        send(ServiceSetting.PUSH_IN, "2026-09-17", 6, null);
        send(ServiceSetting.PULL_OUT, "2026-09-22", 7, null);
        events.send(SessionMissed.TYPE, student, new SessionMissed(UUID.randomUUID(), student, mandate, provider,
                ServiceSetting.PUSH_IN, LocalDate.parse("2026-09-24"), 30, "PROVIDER_ABSENT", "OWED"));
        // outside the period: must not count
        send(ServiceSetting.PULL_OUT, "2026-10-06", 9, "Outside the period.");
    }

    private void send(ServiceSetting setting, String date, int correct, String note) throws Exception {
        events.send(SessionCompleted.TYPE, student, session(UUID.randomUUID(), student, mandate, provider, setting,
                date, 30, List.of(trials(retell, correct, 10, "MINIMAL")),
                setting == ServiceSetting.PUSH_IN ? new SessionCompleted.PushInContext(UUID.randomUUID(),
                        UUID.randomUUID(), "ELA_READING", "STATION", "HIGH", "Worked well at the reading station", false)
                        : null, note));
    }

    @Test
    void theJsonSummaryStatesTheRealNumbersAndSaysNothingMoreForAGoalWithoutData() throws Exception {
        scenario();
        // Names and credit come from the compliance copies, notes and goal data from progress: wait for all.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-14").queryParam("to", "2026-09-30").get(path()).then().statusCode(200)
                .body("studentName", is("Maya"))
                .body("from", is("2026-09-14"))
                .body("overview.text", hasItems(
                        "This summary covers September 14, 2026 to September 30, 2026.",
                        "Maya attended 3 sessions for a total of 90 minutes: 30 in the classroom (push-in) and 60 in "
                                + "a therapy room (pull-out).",
                        "On September 24, 2026 a 30-minute session in the classroom (push-in) did not take place "
                                + "because the provider was absent.",
                        "Under district policy 30 minutes are owed to Maya as makeup sessions."))
                .body("goals.goalId", contains(retell.toString(), rSound.toString()))
                .body("goals[0].heading", is("Retell a story with beginning, middle and end"))
                .body("goals[0].hasData", is(true))
                .body("goals[0].dataPoints", is(3))
                .body("goals[0].sentences.text", hasItems(
                        "It was worked on in 3 sessions: 1 in the classroom and 2 in a therapy room.",
                        "Scores ranged from 40% to 70%; the most recent, on September 22, 2026, was 70% (7 of 10 correct).",
                        "The IEP target is 80%."))
                .body("goals[1].heading", is("Produce /r/ in words"))
                .body("goals[1].hasData", is(false))
                .body("goals[1].sentences.text", contains("No data was recorded for this goal in this period."))
                .body("providerNotes.text", contains("On September 15, 2026 (speech-language therapy, in a therapy "
                        + "room (pull-out)), Dana Whitfield wrote: \u201cMaya <b>retold</b> the \"Three Bears\" & smiled.\u201d")));

        Response r = given().queryParam("from", "2026-09-14").queryParam("to", "2026-09-30").get(path());
        String body = r.asString();
        assertFalse(body.contains("Outside the period"), "a note from outside the period");
        assertFalse(body.contains("clinical: needed a visual model"), "anecdotal goal notes are not for families");
        assertFalse(body.contains("Worked well at the reading station"), "teacher debriefs are not in the summary");
        // every sentence about sessions and goals says what it is based on
        assertTrue(r.jsonPath().getList("goals[0].sentences.basis", List.class).stream().noneMatch(List::isEmpty));
    }

    @Test
    void theHtmlPageIsPrintableAndEscapesWhatItQuotes() throws Exception {
        scenario();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-14").queryParam("to", "2026-09-30").get(path()).then().statusCode(200)
                .body("studentName", is("Maya"))
                .body("goals[0].dataPoints", is(3))
                .body("overview.text", hasItem(containsString("did not take place")))
                .body("providerNotes.text", hasItem(containsString("Dana Whitfield wrote"))));
        Response page = given().accept("text/html").queryParam("from", "2026-09-14").queryParam("to", "2026-09-30")
                .get(path());
        page.then().statusCode(200).contentType(containsString("text/html"));
        String html = page.asString();
        assertTrue(html.contains("<title>Progress summary for Maya, September 14, 2026 \u2013 September 30, 2026</title>"), html);
        assertTrue(html.contains("@media print"), html);
        assertTrue(html.contains("Maya &lt;b&gt;retold&lt;/b&gt; the &quot;Three Bears&quot; &amp; smiled."), html);
        assertFalse(html.contains("<b>retold</b>"), html);
        assertTrue(html.contains("Maya attended 3 sessions for a total of 90 minutes"), html);
        assertTrue(html.contains("No data was recorded for this goal in this period."), html);
        assertTrue(html.contains("(expressive language)"), html);
    }

    @Test
    void badPeriodsAre400WithEveryFieldAndUnknownStudentsAre404() {
        given().get(path()).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("from", "to"));
        given().queryParam("from", "14/09/2026").queryParam("to", "2026-09-30").get(path()).then().statusCode(400)
                .body("violations.field", contains("from"));
        given().queryParam("from", "2026-09-30").queryParam("to", "2026-09-14").get(path()).then().statusCode(400)
                .body("violations.field", contains("to"));
        given().accept("text/html").get(path()).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("from", "2026-09-14").queryParam("to", "2026-09-30")
                .get("/api/v1/students/" + UUID.randomUUID() + "/progress-summary").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
