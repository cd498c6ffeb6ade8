package org.iepservices.e2e;

import org.iepservices.e2e.TestDistrict.Enrolled;
import org.iepservices.localinfra.ServiceLayout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.e2e.TestDistrict.*;

/**
 * domain.md's worked example across all four services over HTTP, and its open-week twin: the
 * forecast that turns AT_RISK when a school closure removes a scheduled session. The system runs
 * with reporting's "today" pinned to Wednesday 2026-09-23 (see RunningSystem), so the week of
 * 2026-09-14 is closed and the week of 2026-09-21 is open, whatever day the suite runs.
 */
class WorkedExampleIT {

    private static final String WEEK = "/api/v1/compliance/students/";

    /**
     * Speech 2 x 30 min/week (1 pull-out + 1 push-in), week of Mon 2026-09-14. Tuesday pull-out
     * delivered, Thursday push-in missed (provider absent, owed): out of compliance with 30 owed
     * once the week closes; a 30-minute push-in makeup the next week brings the balance to 0.
     */
    @Test
    void theWorkedExample() {
        Enrolled e = speechStudent(1, 1);
        complete(e, draftLog(e, "2026-09-15", "PULL_OUT", 30));
        String miss = miss(e, "2026-09-17", "PUSH_IN", "PROVIDER_ABSENT");
        at(ServiceLayout.SESSION).get("/api/v1/misses/" + miss).then().body("owed", is("OWED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                at(ServiceLayout.REPORTING).queryParam("from", "2026-09-14").queryParam("to", "2026-09-20")
                        .get(WEEK + e.studentId()).then().statusCode(200)
                        .body("mandates[0].mandateId", is(e.mandateId()))
                        .body("mandates[0].periods[0].mandated.pullOut", is(30))
                        .body("mandates[0].periods[0].mandated.pushIn", is(30))
                        .body("mandates[0].periods[0].delivered.pullOut", is(30))
                        .body("mandates[0].periods[0].delivered.pushIn", is(0))
                        .body("mandates[0].periods[0].missedOwed", is(30))
                        .body("mandates[0].periods[0].owedBalance", is(30))
                        .body("mandates[0].periods[0].closed", is(true))
                        .body("mandates[0].periods[0].status", is("OUT_OF_COMPLIANCE")));

        Map<String, Object> line = Map.of("studentId", e.studentId(), "mandateId", e.mandateId(),
                "attendance", "PRESENT", "makeupFor", List.of(miss));
        String makeup = at(ServiceLayout.SESSION)
                .body(Map.of("providerId", e.providerId(), "sessionDate", "2026-09-22", "startTime", "13:00:00",
                        "endTime", "13:30:00", "setting", "PUSH_IN", "format", "SMALL_GROUP",
                        "students", List.of(line)))
                .post("/api/v1/session-logs").then().statusCode(201).extract().path("id");
        complete(e, makeup);

        at(ServiceLayout.SESSION).get("/api/v1/students/" + e.studentId() + "/makeup-ledger")
                .then().statusCode(200)
                .body("mandates[0].owedMinutes", is(30))
                .body("mandates[0].outstandingMinutes", is(0))
                .body("mandates[0].misses[0].repaidBy", contains(makeup));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                at(ServiceLayout.REPORTING).queryParam("from", "2026-09-14").queryParam("to", "2026-09-20")
                        .get(WEEK + e.studentId()).then()
                        .body("mandates[0].periods[0].madeUp.pushIn", is(30))
                        .body("mandates[0].periods[0].owedBalance", is(0))
                        .body("mandates[0].periods[0].status", is("ON_TRACK")));
    }

    /**
     * The open week of Mon 2026-09-21 ("today" is Wednesday the 23rd): speech 2 x 30 pull-out,
     * scheduled Monday and Thursday. Monday delivered; Thursday still scheduled, so the forecast
     * meets the mandate. A closure on Thursday cancels that occurrence; under the district's default
     * policy a closure is not owed, so its minutes are excused and the week stays on track.
     */
    @Test
    void aClosureNotOwedExcusesItsMinutesInTheOpenWeek() {
        Enrolled e = pulledOutMondaysAndThursdaysFrom21September();
        // Monday's occurrence documented from the schedule, the way a provider's tablet does it.
        String log = at(ServiceLayout.SESSION).body(Map.of("occurrenceId", occurrenceOn(e, "2026-09-21")))
                .post("/api/v1/session-logs").then().statusCode(201).extract().path("id");
        complete(e, log);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                at(ServiceLayout.REPORTING).queryParam("from", "2026-09-21").queryParam("to", "2026-09-27")
                        .get(WEEK + e.studentId()).then().statusCode(200)
                        .body("mandates[0].periods[0].closed", is(false))
                        .body("mandates[0].periods[0].delivered.pullOut", is(30))
                        .body("mandates[0].periods[0].scheduled.pullOut", is(60))
                        .body("mandates[0].periods[0].forecast.shortfall.total", is(0))
                        .body("mandates[0].periods[0].status", is("ON_TRACK")));

        // A snow day on Thursday: closures are not owed under the district's default policy, so the system's
        // SCHOOL_CLOSED miss excuses Thursday's minutes and the week stays on track.
        at(ServiceLayout.SCHEDULE).body(Map.of("date", "2026-09-24", "reason", "Snow day"))
                .post("/api/v1/schools/" + e.schoolId() + "/closures").then().statusCode(anyOf(is(200), is(201)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                at(ServiceLayout.REPORTING).queryParam("from", "2026-09-21").queryParam("to", "2026-09-27")
                        .get(WEEK + e.studentId()).then()
                        .body("mandates[0].periods[0].missedNotOwed", is(30))
                        .body("mandates[0].periods[0].excused.pullOut", is(30))
                        .body("mandates[0].periods[0].forecast.shortfall.pullOut", is(0))
                        .body("mandates[0].periods[0].status", is("ON_TRACK")));
    }

    /**
     * The same open week when the provider is absent on Thursday instead: the cancelled occurrence
     * becomes an owed miss recorded by the system, the forecast falls 30 short and the week is AT_RISK
     * before it has even closed.
     */
    @Test
    void aProviderAbsenceThatRemovesAScheduledSessionPutsTheOpenWeekAtRisk() {
        Enrolled e = pulledOutMondaysAndThursdaysFrom21September();
        complete(e, at(ServiceLayout.SESSION).body(Map.of("occurrenceId", occurrenceOn(e, "2026-09-21")))
                .post("/api/v1/session-logs").then().statusCode(201).extract().path("id"));
        String thursday = occurrenceOn(e, "2026-09-24");
        at(ServiceLayout.SCHEDULE).body(Map.of("reason", "PROVIDER_UNAVAILABLE", "note", "SLP out sick"))
                .post("/api/v1/occurrences/" + thursday + "/cancel").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                at(ServiceLayout.REPORTING).queryParam("from", "2026-09-21").queryParam("to", "2026-09-27")
                        .get(WEEK + e.studentId()).then()
                        .body("mandates[0].periods[0].missedOwed", is(30))
                        .body("mandates[0].periods[0].forecast.shortfall.pullOut", is(30))
                        .body("mandates[0].periods[0].status", is("AT_RISK")));
    }

    /** Speech 2 x 30 pull-out, scheduled Mondays and Thursdays from 2026-09-21 at a school with a calendar. */
    private static Enrolled pulledOutMondaysAndThursdaysFrom21September() {
        Enrolled e = speechStudent(0, 2);
        at(ServiceLayout.SCHEDULE).body(Map.of("firstDay", "2026-09-01", "lastDay", "2027-06-18",
                        "nonInstructionalDays", List.of()))
                .put("/api/v1/schools/" + e.schoolId() + "/calendars/2026-2027").then().statusCode(anyOf(is(200), is(201)));
        for (String day : List.of("MONDAY", "THURSDAY")) {
            at(ServiceLayout.SCHEDULE).body(Map.of("schoolId", e.schoolId(), "dayOfWeek", day,
                            "startTime", "08:00:00", "endTime", "15:00:00"))
                    .post("/api/v1/providers/" + e.providerId() + "/availability").then().statusCode(201);
        }
        awaitScheduleCopies(e);
        for (String day : List.of("MONDAY", "THURSDAY")) {
            at(ServiceLayout.SCHEDULE).body(Map.of("providerId", e.providerId(), "schoolId", e.schoolId(),
                            "serviceType", "SPEECH_LANGUAGE", "setting", "PULL_OUT", "room", "Speech room",
                            "dayOfWeek", day, "startTime", "10:00:00", "durationMinutes", 30,
                            "effectiveFrom", "2026-09-21",
                            "students", List.of(Map.of("studentId", e.studentId(), "mandateId", e.mandateId()))))
                    .post("/api/v1/session-series").then().statusCode(201);
        }
        return e;
    }

    /** The student's occurrence on {@code date}, once session-service has it from schedule.events. */
    private static String occurrenceOn(Enrolled e, String date) {
        return await().atMost(PROPAGATION).until(() -> at(ServiceLayout.SESSION)
                        .queryParam("from", date).queryParam("to", date)
                        .get("/api/v1/providers/" + e.providerId() + "/occurrences").then().extract()
                        .<String>path("[0].occurrenceId"),
                id -> id != null);
    }
}
