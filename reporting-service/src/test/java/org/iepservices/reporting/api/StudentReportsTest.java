package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionSeriesScheduled.SubjectMinutes;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.iepservices.reporting.testing.Caller.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;

/** What pull-out costs a student, and the makeup ledger, from the events alone. Today is 2026-09-23. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class StudentReportsTest {

    private static final LocalDate SEPT_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate TUE_15 = LocalDate.of(2026, 9, 15);
    private static final LocalDate WED_16 = LocalDate.of(2026, 9, 16);
    private static final LocalDate THU_17 = LocalDate.of(2026, 9, 17);
    private static final LocalDate MON_21 = LocalDate.of(2026, 9, 21);
    private static final LocalDate TUE_22 = LocalDate.of(2026, 9, 22);
    private static final LocalDate THU_24 = LocalDate.of(2026, 9, 24);
    private static final LocalDate FRI_25 = LocalDate.of(2026, 9, 25);

    private final ComplianceEvents events = new ComplianceEvents(LocalDate.of(2026, 8, 20));
    private final UUID provider = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void pullOutCostsCoreInstructionBySubjectAndTimeInGeneralEducation() throws Exception {
        UUID school = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        UUID mandate = UUID.randomUUID();
        UUID po15 = UUID.randomUUID();
        UUID po22 = UUID.randomUUID();
        UUID pi17 = UUID.randomUUID();
        events.send(events.school(school, UUID.randomUUID(), "Cost School"), events.bellSchedule(school, 360),
                events.student(student, school, "Cal", "Cost"),
                events.iep(UUID.randomUUID(), student, null, SEPT_1,
                        ComplianceEvents.speech(mandate, null, provider, 1, 1, 30, SEPT_1, LocalDate.of(2027, 6, 18))));
        events.on(LocalDate.of(2026, 9, 2));
        events.send(events.series(UUID.randomUUID(), student, mandate, provider, school, ServiceSetting.PULL_OUT,
                        List.of(ComplianceEvents.occurrence(po15, TUE_15, 30, new SubjectMinutes("MATH", 20),
                                        new SubjectMinutes("ELA_READING", 10)),
                                ComplianceEvents.occurrence(po22, TUE_22, 30, new SubjectMinutes("MATH", 30)),
                                ComplianceEvents.occurrence(UUID.randomUUID(), LocalDate.of(2026, 9, 29), 30,
                                        new SubjectMinutes("SCIENCE", 30)))),
                events.series(UUID.randomUUID(), student, mandate, provider, school, ServiceSetting.PUSH_IN,
                        List.of(ComplianceEvents.occurrence(pi17, THU_17, 30),
                                ComplianceEvents.occurrence(UUID.randomUUID(), THU_24, 30))));
        events.on(TUE_15);
        events.send(events.completed(UUID.randomUUID(), student, mandate, provider, ServiceSetting.PULL_OUT, TUE_15, 30,
                po15));
        events.on(THU_17);
        events.send(events.completed(UUID.randomUUID(), student, mandate, provider, ServiceSetting.PUSH_IN, THU_17, 30,
                pi17));
        events.on(TUE_22);
        events.send(events.completed(UUID.randomUUID(), student, mandate, provider, ServiceSetting.PULL_OUT, TUE_22, 30,
                po22), events.closed(school, FRI_25));

        // Sept 14-25: ten weekdays, Friday the 25th closed: 9 days x 360 minutes.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-14").queryParam("to", "2026-09-25")
                .get("/api/v1/students/" + student + "/pull-out-cost")
                .then().statusCode(200)
                .body("schoolId", is(school.toString()))
                .body("coreInstruction.subject", contains("ELA_READING", "MATH"))
                .body("coreInstruction[1].missedMinutes", is(50))
                .body("coreInstruction[0].missedMinutes", is(10))
                .body("coreMinutesMissed", is(60))
                .body("schoolTime.instructionalMinutesPerDay", is(360))
                .body("schoolTime.instructionalDays", is(9))
                .body("schoolTime.schoolMinutes", is(3240))
                .body("generalEducation.pullOutMinutesDelivered", is(60))
                .body("generalEducation.minutes", is(3180))
                .body("generalEducation.share", is(0.981f))
                .body("settingMix.delivered.pushIn", is(30))
                .body("settingMix.delivered.pullOutPercent", is(66.7f))
                .body("settingMix.mandated.pushIn", is(60))
                .body("settingMix.mandated.pullOutPercent", is(50.0f)));

        // The week of the 28th is still ahead: its pull-out is planned, not missed yet.
        given().queryParam("from", "2026-09-28").queryParam("to", "2026-10-02")
                .get("/api/v1/students/" + student + "/pull-out-cost")
                .then().statusCode(200)
                .body("coreInstruction[0].subject", is("SCIENCE"))
                .body("coreInstruction[0].missedMinutes", is(0))
                .body("coreInstruction[0].plannedMinutes", is(30))
                .body("generalEducation.pullOutMinutesScheduled", is(30))
                .body("generalEducation.scheduledShare", is(0.983f));
    }

    @Test
    void theMakeupLedgerLinksMakeupsToMissesAndKeepsTheVerdictInForce() throws Exception {
        UUID student = UUID.randomUUID();
        UUID mandate = UUID.randomUUID();
        UUID reviewed = UUID.randomUUID();
        UUID notOwed = UUID.randomUUID();
        UUID makeup = UUID.randomUUID();
        UUID strayMakeup = UUID.randomUUID();
        events.send(events.iep(UUID.randomUUID(), student, null, SEPT_1,
                ComplianceEvents.speech(mandate, null, provider, 1, 1, 30, SEPT_1, LocalDate.of(2027, 6, 18))));
        events.on(WED_16);
        events.send(events.missed(reviewed, student, mandate, provider, ServiceSetting.PULL_OUT, WED_16, 30,
                        "SCHEDULING_ERROR", "REVIEW", null),
                events.missed(notOwed, student, mandate, provider, ServiceSetting.PUSH_IN, THU_17, 30,
                        "STUDENT_ABSENT", "NOT_OWED", null));
        events.on(MON_21);
        events.send(events.resolved(reviewed, student, mandate, "OWED"),
                events.completed(makeup, student, mandate, provider, ServiceSetting.PULL_OUT, MON_21, 30, null,
                        new SessionCompleted.Repayment(reviewed, 20)),
                events.completed(strayMakeup, student, mandate, provider, ServiceSetting.PULL_OUT, TUE_22, 30, null,
                        new SessionCompleted.Repayment(UUID.randomUUID(), 15)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/students/" + student + "/makeup-ledger")
                .then().statusCode(200)
                .body("owedMinutes", is(30))
                .body("repaidMinutes", is(20))
                .body("outstandingMinutes", is(10))
                .body("mandates[0].mandateId", is(mandate.toString()))
                .body("mandates[0].serviceType", is("SPEECH_LANGUAGE"))
                .body("mandates[0].misses.missId", contains(reviewed.toString(), notOwed.toString()))
                .body("mandates[0].misses[0].policyVerdict", is("REVIEW"))
                .body("mandates[0].misses[0].verdict", is("OWED"))
                .body("mandates[0].misses[0].repaidBy", contains(makeup.toString()))
                .body("mandates[0].misses[0].outstandingMinutes", is(10))
                .body("mandates[0].misses[1].verdict", is("NOT_OWED"))
                .body("mandates[0].misses[1].outstandingMinutes", is(0))
                .body("unmatchedMakeups.sessionLogId", contains(strayMakeup.toString())));

        // The week of the 14th: the not-owed push-in excuses its 30 minutes, 20 of the owed 30 are made up.
        given().queryParam("from", "2026-09-14").queryParam("to", "2026-09-14")
                .get("/api/v1/compliance/students/" + student)
                .then().statusCode(200)
                .body("mandates[0].periods[0].excused.pushIn", is(30))
                .body("mandates[0].periods[0].madeUp.pullOut", is(20))
                .body("mandates[0].periods[0].owedBalance", is(10))
                .body("mandates[0].periods[0].shortfall.pullOut", is(10))
                .body("mandates[0].periods[0].shortfall.pushIn", is(0))
                .body("mandates[0].periods[0].status", is("OUT_OF_COMPLIANCE"));
    }
}
