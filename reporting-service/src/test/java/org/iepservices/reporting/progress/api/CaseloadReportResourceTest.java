package org.iepservices.reporting.progress.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
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
class CaseloadReportResourceTest {

    private final EventPublisher events = new EventPublisher();
    private final UUID provider = UUID.randomUUID();
    private final UUID ava = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID covered = UUID.randomUUID(); // another provider's student, covered once
    private final UUID avaMandate = UUID.randomUUID();
    private final UUID benMandate = UUID.randomUUID();
    private final UUID avaRetell = UUID.randomUUID();
    private final UUID avaR = UUID.randomUUID();
    private final UUID benGoal = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    private void delivered(UUID student, UUID mandate, ServiceSetting setting, String date, UUID goal, Integer correct,
                           List<SessionCompleted.Repayment> makeup) throws Exception {
        events.send(SessionCompleted.TYPE, student, new SessionCompleted(UUID.randomUUID(), student, mandate, provider,
                setting, LocalDate.parse(date), 30, makeup, null, "SPEECH_LANGUAGE", "INDIVIDUAL", LocalTime.of(9, 0),
                LocalTime.of(9, 30), "PRESENT", goal == null ? List.of() : List.of(trials(goal, correct, 10, null)),
                null, null));
    }

    private void scenario() throws Exception {
        events.send(StaffUpserted.TYPE, provider, new StaffUpserted(provider, "p", "Dana", "Whitfield", null, "SLP",
                "CCC-SLP", List.of(), "active"));
        events.send(StudentUpserted.TYPE, ava, new StudentUpserted(ava, "a", "Ava", "Brooks", "03", null, "active"));
        events.send(StudentUpserted.TYPE, ben, new StudentUpserted(ben, "b", "Ben", "Carter", "04", null, "active"));
        // Ava: speech 2 x 30 per week, 1 push-in + 1 pull-out; Ben: 1 x 30 pull-out; both with this provider.
        events.send(IepActivated.TYPE, ava, new IepActivated(UUID.randomUUID(), ava, null, IEP_START, IEP_END,
                List.of(speech(avaMandate, provider, IEP_START)),
                List.of(goal(avaRetell, "EXPRESSIVE_LANGUAGE", "Retell a story", 80),
                        goal(avaR, "ARTICULATION", "Produce /r/ in words", 80))));
        events.send(IepActivated.TYPE, ben, new IepActivated(UUID.randomUUID(), ben, null, IEP_START, IEP_END,
                List.of(new IepActivated.Mandate(benMandate, null, "SPEECH_LANGUAGE", "SLP", provider, 1, 30, "WEEK",
                        0, 1, "INDIVIDUAL", 1, IEP_START, IEP_END, null, "speech room", List.of())),
                List.of(goal(benGoal, "FLUENCY", "Use easy onset in sentences", 80))));
        events.send(IepActivated.TYPE, covered, new IepActivated(UUID.randomUUID(), covered, null, IEP_START, IEP_END,
                List.of(speech(UUID.randomUUID(), UUID.randomUUID(), IEP_START)), List.of()));

        // Week of Sept 14: the worked example for Ava (pull-out delivered, push-in missed: provider absent).
        delivered(ava, avaMandate, ServiceSetting.PULL_OUT, "2026-09-15", avaRetell, 5, List.of());
        UUID miss = UUID.randomUUID();
        events.send(SessionMissed.TYPE, ava, new SessionMissed(miss, ava, avaMandate, provider, ServiceSetting.PUSH_IN,
                LocalDate.parse("2026-09-17"), 30, "PROVIDER_ABSENT", "OWED"));
        delivered(ben, benMandate, ServiceSetting.PULL_OUT, "2026-09-16", benGoal, 6, List.of());
        delivered(covered, UUID.randomUUID(), ServiceSetting.PULL_OUT, "2026-09-18", null, null, List.of());
        // Week of Sept 21: Ava pull-out and a push-in makeup; Ben absent.
        delivered(ava, avaMandate, ServiceSetting.PULL_OUT, "2026-09-22", avaRetell, 7, List.of());
        delivered(ava, avaMandate, ServiceSetting.PUSH_IN, "2026-09-25", avaRetell, 8,
                List.of(new SessionCompleted.Repayment(miss, 30)));
        events.send(SessionMissed.TYPE, ben, new SessionMissed(UUID.randomUUID(), ben, benMandate, provider,
                ServiceSetting.PULL_OUT, LocalDate.parse("2026-09-23"), 30, "STUDENT_ABSENT", "NOT_OWED"));
        // Ben's earlier data (before the period) counts for his trend, not for the period's minutes.
        delivered(ben, benMandate, ServiceSetting.PULL_OUT, "2026-09-02", benGoal, 8, List.of());
        delivered(ben, benMandate, ServiceSetting.PULL_OUT, "2026-09-09", benGoal, 7, List.of());
    }

    private String path() {
        return "/api/v1/providers/" + provider + "/caseload-report";
    }

    @Test
    void theReportAddsUpTheCaseloadMinutesBySettingMissesAndOutcomes() throws Exception {
        scenario();
        // Both consumer groups feed the report (minutes from the compliance copies, goals from progress):
        // wait for the whole answer, not for a part of it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-14").queryParam("to", "2026-09-27").get(path()).then().statusCode(200)
                .body("caseloadSize", is(3))
                .body("sessionsDelivered", is(5))
                .body("providerName", is("Dana Whitfield"))
                .body("discipline", is("SLP"))
                .body("mandated.pushIn", is(60))     // Ava 2 weeks x 30
                .body("mandated.pullOut", is(120))   // Ava 2 x 30 + Ben 2 x 30
                .body("mandated.total", is(180))
                .body("delivered.pushIn", is(30))
                .body("delivered.pullOut", is(120))  // Ava 60, Ben 30, the covered student 30
                .body("delivered.total", is(150))
                .body("makeupMinutes", is(30))
                .body("missed.sessions", is(2))
                .body("missed.minutes", is(60))
                .body("missed.owedMinutes", is(30))
                .body("missed.notOwedMinutes", is(30))
                .body("missedByReason.PROVIDER_ABSENT.sessions", is(1))
                .body("missedByReason.STUDENT_ABSENT.minutes", is(30))
                .body("outcomes.goals", is(3))
                .body("outcomes.trend.IMPROVING", is(1))          // Ava's retell: 50, 70, 80
                .body("outcomes.trend.DECLINING", is(1))          // Ben: 80, 70, 60
                .body("outcomes.trend.INSUFFICIENT_DATA", is(1))  // Ava's /r/: no data yet
                .body("outcomes.status.NOT_ON_TRACK", is(1))
                .body("outcomes.sharePercent.improving", is(50))   // of the 2 goals with a trend
                .body("outcomes.sharePercent.declining", is(50))
                .body("outcomes.sharePercent.met", is(0))
                .body("students.name", contains("Ava Brooks", "Ben Carter", null))
                .body("students[0].mandated.pushIn", is(60))
                .body("students[0].delivered.pushIn", is(30))
                .body("students[0].missed.owedMinutes", is(30))
                .body("students[1].grade", is("04"))
                .body("students[1].mandated.pullOut", is(60))
                .body("students[1].delivered.pullOut", is(30))
                .body("students[2].studentId", is(covered.toString()))
                .body("students[2].mandated.total", is(0))
                .body("students[2].delivered.pullOut", is(30)));
    }

    @Test
    void mandatedMinutesAreTheComplianceProjectionsAndARangeCuttingAWeekGetsItsShareOfSchoolDays()
            throws Exception {
        scenario();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-14").queryParam("to", "2026-09-27").get(path()).then().statusCode(200)
                .body("mandated.total", is(180)).body("caseloadSize", is(3)));
        // The same minutes as the compliance rollup of the provider's caseload over the same weeks.
        int rollupMandated = given().queryParam("from", "2026-09-14").queryParam("to", "2026-09-27")
                .get("/api/v1/compliance/providers/" + provider).then().statusCode(200)
                .extract().path("minutes.mandated");
        assertEquals(180, rollupMandated);
        // Monday to Wednesday: 3 of the week's 5 school days of each weekly mandate.
        given().queryParam("from", "2026-09-14").queryParam("to", "2026-09-16").get(path()).then().statusCode(200)
                .body("students.name", contains("Ava Brooks", "Ben Carter")) // the covered student's session is later
                .body("students[0].mandated.pushIn", is(18))
                .body("students[0].mandated.pullOut", is(18))
                .body("students[1].mandated.pullOut", is(18))
                .body("mandated.total", is(54))
                .body("delivered.pullOut", is(60)); // Ava's Tuesday and Ben's Wednesday
    }

    @Test
    void theCsvHasARowPerStudentAndATotalRow() throws Exception {
        scenario();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-14").queryParam("to", "2026-09-27").get(path()).then()
                .body("sessionsDelivered", is(5)).body("missed.sessions", is(2))
                .body("outcomes.trend.IMPROVING", is(1)).body("outcomes.trend.DECLINING", is(1))
                .body("students.name", contains("Ava Brooks", "Ben Carter", null)));
        Response r = given().accept("text/csv").queryParam("from", "2026-09-14").queryParam("to", "2026-09-27")
                .get(path());
        r.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("caseload-" + provider + "-2026-09-14-2026-09-27.csv"));
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.asString()))) {
            List<CSVRecord> rows = csv.getRecords();
            assertEquals(4, rows.size(), r.asString());
            assertEquals(List.of("Ava Brooks", "Ben Carter", "", "3 students"),
                    rows.stream().map(row -> row.get("student_name")).toList());
            CSVRecord ava = rows.get(0);
            assertEquals("60", ava.get("mandated_push_in_minutes"));
            assertEquals("30", ava.get("delivered_push_in_minutes"));
            assertEquals("1", ava.get("missed_sessions_PROVIDER_ABSENT"));
            assertEquals("0", ava.get("missed_sessions_STUDENT_ABSENT"));
            CSVRecord total = rows.get(3);
            assertEquals("TOTAL", total.get("student_id"));
            assertEquals("180", total.get("mandated_minutes"));
            assertEquals("150", total.get("delivered_minutes"));
            assertEquals("83", total.get("delivered_share_percent"));
            assertEquals("30", total.get("missed_minutes_owed"));
            assertEquals("1", total.get("goals_improving"));
            assertEquals("1", total.get("goals_declining"));
            assertEquals("3", total.get("goals"));
            assertEquals("50", total.get("improving_share_percent"));
            assertEquals("", rows.get(2).get("improving_share_percent"), "no goals, no share");
        }
    }

    @Test
    void badPeriodsAre400AndUnknownProvidersAre404() {
        given().queryParam("from", "2026-09-14").get(path()).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("to"));
        given().queryParam("from", "2025-01-01").queryParam("to", "2026-09-27").get(path()).then().statusCode(400)
                .body("violations[0].message", containsString("400 days"));
        given().queryParam("from", "2026-09-14").queryParam("to", "2026-09-27")
                .get("/api/v1/providers/" + UUID.randomUUID() + "/caseload-report").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
