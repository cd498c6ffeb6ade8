package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iepservices.reporting.testing.Caller.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The compliance projection through its public API, fed with events on the real broker. "Today"
 * is pinned to Wednesday 2026-09-23 (%test.compliance.today): the week of 2026-09-14 is closed,
 * the week of 2026-09-21 open.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class ComplianceProjectionTest {

    static final LocalDate SEPT_1 = LocalDate.of(2026, 9, 1);
    static final LocalDate JUNE_18 = LocalDate.of(2027, 6, 18);
    static final LocalDate MON_14 = LocalDate.of(2026, 9, 14);
    static final LocalDate TUE_15 = LocalDate.of(2026, 9, 15);
    static final LocalDate WED_16 = LocalDate.of(2026, 9, 16);
    static final LocalDate THU_17 = LocalDate.of(2026, 9, 17);
    static final LocalDate MON_21 = LocalDate.of(2026, 9, 21);
    static final LocalDate TUE_22 = LocalDate.of(2026, 9, 22);
    static final LocalDate THU_24 = LocalDate.of(2026, 9, 24);
    static final LocalDate FRI_25 = LocalDate.of(2026, 9, 25);

    private final ComplianceEvents events = new ComplianceEvents(SEPT_1);
    private final UUID provider = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    static String compliancePath(UUID student) {
        return "/api/v1/compliance/students/" + student;
    }

    /** A rostered student at a school with speech 2 x 30/week (1 push-in + 1 pull-out) from Sept 1. */
    private record Enrolled(UUID student, UUID school, UUID mandate) {
    }

    private Enrolled enroll() throws Exception {
        Enrolled e = new Enrolled(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        events.on(LocalDate.of(2026, 8, 25));
        events.send(events.school(e.school(), UUID.randomUUID(), "Lincoln Elementary"),
                events.student(e.student(), e.school(), "Ava", "Adams"),
                events.iep(UUID.randomUUID(), e.student(), null, SEPT_1,
                        ComplianceEvents.speech(e.mandate(), null, provider, 1, 1, 30, SEPT_1, JUNE_18)));
        return e;
    }

    @Test
    void anOpenWeekIsAtRiskWhenTheSchoolClosesOnTheDayOfTheScheduledPushIn() throws Exception {
        Enrolled e = enroll();
        UUID pullOut = UUID.randomUUID();
        UUID pushIn = UUID.randomUUID();
        UUID tuesday = UUID.randomUUID();
        events.on(LocalDate.of(2026, 9, 10));
        events.send(events.series(UUID.randomUUID(), e.student(), e.mandate(), provider, e.school(),
                        ServiceSetting.PULL_OUT, List.of(ComplianceEvents.occurrence(tuesday, TUE_22, 30))),
                events.series(UUID.randomUUID(), e.student(), e.mandate(), provider, e.school(),
                        ServiceSetting.PUSH_IN, List.of(ComplianceEvents.occurrence(pushIn, THU_24, 30))));
        events.on(TUE_22);
        events.send(events.completed(UUID.randomUUID(), e.student(), e.mandate(), provider, ServiceSetting.PULL_OUT,
                TUE_22, 30, tuesday));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", MON_21.toString()).queryParam("to", MON_21.toString()).get(compliancePath(e.student()))
                .then().statusCode(200)
                .body("today", is("2026-09-23"))
                .body("mandates[0].periods[0].periodStart", is("2026-09-21"))
                .body("mandates[0].periods[0].closed", is(false))
                .body("mandates[0].periods[0].scheduled.pushIn", is(30))
                .body("mandates[0].periods[0].scheduled.pullOut", is(30))
                .body("mandates[0].periods[0].delivered.pullOut", is(30))
                .body("mandates[0].periods[0].forecast.remaining.pushIn", is(30))
                .body("mandates[0].periods[0].forecast.minutes.total", is(60))
                .body("mandates[0].periods[0].status", is("ON_TRACK")));

        events.on(LocalDate.of(2026, 9, 23));
        events.send(events.closed(e.school(), THU_24));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", MON_21.toString()).queryParam("to", MON_21.toString()).get(compliancePath(e.student()))
                .then().statusCode(200)
                .body("mandates[0].periods[0].status", is("AT_RISK"))
                .body("mandates[0].periods[0].scheduled.pushIn", is(0))
                .body("mandates[0].periods[0].mandated.pushIn", is(30))
                .body("mandates[0].periods[0].forecast.shortfall.pushIn", is(30))
                .body("mandates[0].periods[0].forecast.shortfall.pullOut", is(0))
                // Thursday is closed: Friday is the last school day a 30-minute push-in can still be held.
                .body("mandates[0].periods[0].forecast.lastChanceDate", is("2026-09-25"))
                .body("mandates[0].periods[0].forecast.recoverable", is(true)));
    }

    @Test
    void aCancelledOccurrencePutsTheWeekAtRiskAndMovingItBackRecovers() throws Exception {
        Enrolled e = enroll();
        UUID series = UUID.randomUUID();
        UUID thursday = UUID.randomUUID();
        events.on(LocalDate.of(2026, 9, 10));
        events.send(events.series(UUID.randomUUID(), e.student(), e.mandate(), provider, e.school(),
                        ServiceSetting.PULL_OUT, List.of(ComplianceEvents.occurrence(UUID.randomUUID(), FRI_25, 30))),
                events.series(series, e.student(), e.mandate(), provider, e.school(), ServiceSetting.PUSH_IN,
                        List.of(ComplianceEvents.occurrence(thursday, THU_24, 30))));
        events.on(TUE_22);
        events.send(events.cancelled(thursday, series, e.student(), e.mandate(), ServiceSetting.PUSH_IN, THU_24,
                "PROVIDER_UNAVAILABLE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", MON_21.toString()).queryParam("to", MON_21.toString()).get(compliancePath(e.student()))
                .then().statusCode(200)
                .body("mandates[0].periods[0].status", is("AT_RISK"))
                .body("mandates[0].periods[0].scheduled.pushIn", is(0))
                .body("mandates[0].periods[0].forecast.minutes.pullOut", is(30))
                .body("mandates[0].periods[0].forecast.shortfall.pushIn", is(30))
                .body("mandates[0].periods[0].forecast.lastChanceDate", is("2026-09-25")));

        events.on(LocalDate.of(2026, 9, 23));
        events.send(events.rescheduled(thursday, series, e.student(), e.mandate(), ServiceSetting.PUSH_IN, THU_24,
                FRI_25));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", MON_21.toString()).queryParam("to", MON_21.toString()).get(compliancePath(e.student()))
                .then().statusCode(200)
                .body("mandates[0].periods[0].status", is("ON_TRACK"))
                .body("mandates[0].periods[0].scheduled.pushIn", is(30))
                .body("mandates[0].periods[0].forecast.lastChanceDate", nullValue()));
    }

    @Test
    void aLateLogAndAnAddendumReviseAClosedWeekVisibly() throws Exception {
        Enrolled e = enroll();
        events.on(TUE_15);
        UUID pullOutLog = UUID.randomUUID();
        events.send(events.completed(pullOutLog, e.student(), e.mandate(), provider, ServiceSetting.PULL_OUT, TUE_15,
                30, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", MON_14.toString()).queryParam("to", MON_14.toString()).get(compliancePath(e.student()))
                .then().statusCode(200)
                .body("mandates[0].periods[0].closed", is(true))
                .body("mandates[0].periods[0].status", is("OUT_OF_COMPLIANCE"))
                .body("mandates[0].periods[0].shortfall.pushIn", is(30))
                .body("mandates[0].periods[0].revisedAfterClose", is(false)));

        // Thursday's push-in is logged the next Tuesday, after the week closed.
        events.on(TUE_22);
        EventEnvelope late = events.completed(UUID.randomUUID(), e.student(), e.mandate(), provider,
                ServiceSetting.PUSH_IN, THU_17, 30, null);
        events.send(late);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath body = given().queryParam("from", MON_14.toString()).queryParam("to", MON_14.toString())
                    .get(compliancePath(e.student())).then().statusCode(200).extract().jsonPath();
            assertEquals("ON_TRACK", body.getString("mandates[0].periods[0].status"));
            assertTrue(body.getBoolean("mandates[0].periods[0].revisedAfterClose"));
            assertEquals(late.time().toInstant(),
                    OffsetDateTime.parse(body.getString("mandates[0].periods[0].revisedAt")).toInstant());
        });

        // An addendum the day after corrects Tuesday's pull-out to 20 minutes: short again, revised later.
        events.on(LocalDate.of(2026, 9, 23));
        EventEnvelope addendum = events.amended(pullOutLog, e.student(), e.mandate(), provider,
                ServiceSetting.PULL_OUT, TUE_15, 30, 20);
        events.send(addendum);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath body = given().queryParam("from", MON_14.toString()).queryParam("to", MON_14.toString())
                    .get(compliancePath(e.student())).then().statusCode(200).extract().jsonPath();
            assertEquals("OUT_OF_COMPLIANCE", body.getString("mandates[0].periods[0].status"));
            assertEquals(10, body.getInt("mandates[0].periods[0].shortfall.pullOut"));
            assertEquals(addendum.time().toInstant(),
                    OffsetDateTime.parse(body.getString("mandates[0].periods[0].revisedAt")).toInstant());
        });
    }

    @Test
    void anAmendmentMidWeekContinuingTheServiceJudgesTheWeekOnBothVersions() throws Exception {
        Enrolled e = enroll();
        UUID firstIep = await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("from", SEPT_1.toString())
                .queryParam("to", SEPT_1.toString()).get(compliancePath(e.student())).then().extract().jsonPath()
                .getUUID("mandates[0].iepId"), java.util.Objects::nonNull);
        UUID newMandate = UUID.randomUUID();
        events.on(LocalDate.of(2026, 9, 11));
        events.send(events.amendment(UUID.randomUUID(), e.student(), firstIep, WED_16,
                ComplianceEvents.speech(newMandate, e.mandate(), provider, 1, 1, 30, WED_16, JUNE_18)));
        events.on(TUE_15);
        events.send(events.completed(UUID.randomUUID(), e.student(), e.mandate(), provider, ServiceSetting.PULL_OUT,
                TUE_15, 30, null));
        events.on(THU_17);
        events.send(events.completed(UUID.randomUUID(), e.student(), newMandate, provider, ServiceSetting.PUSH_IN,
                THU_17, 30, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", MON_14.toString()).queryParam("to", MON_14.toString()).get(compliancePath(e.student()))
                .then().statusCode(200)
                .body("mandates.mandateId", contains(e.mandate().toString(), newMandate.toString()))
                .body("mandates[0].endDate", is("2026-09-15"))
                .body("mandates[0].periods", hasSize(0))
                .body("mandates[1].serviceId", is(e.mandate().toString()))
                .body("mandates[1].periods[0].mandateIds", contains(e.mandate().toString(), newMandate.toString()))
                // 2/5 of the old version + 3/5 of the new one: one whole week of 30 + 30
                .body("mandates[1].periods[0].mandated.pushIn", is(30))
                .body("mandates[1].periods[0].mandated.pullOut", is(30))
                .body("mandates[1].periods[0].delivered.total", is(60))
                .body("mandates[1].periods[0].status", is("ON_TRACK")));
    }

    // --- order and duplicates -------------------------------------------------------------------

    /** Every id of one run of the scenario, in a fixed order, to map one run's answers onto another's. */
    private record Ids(List<UUID> all) {
        static Ids fresh() {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(UUID.randomUUID());
            }
            return new Ids(ids);
        }

        UUID get(int i) {
            return all.get(i);
        }
    }

    /**
     * Roster, IEP, two series, a cancellation, a move, a closure, logs with an addendum, a miss
     * sent to review then resolved owed, and a makeup repaying it: facts of every kind.
     */
    private List<EventEnvelope> scenario(Ids ids) {
        ComplianceEvents ev = new ComplianceEvents(SEPT_1);
        try {
            UUID school = ids.get(0), student = ids.get(1), iep = ids.get(2), mandate = ids.get(3);
            UUID poSeries = ids.get(4), piSeries = ids.get(5), po15 = ids.get(6), po22 = ids.get(7),
                    pi17 = ids.get(8), pi24 = ids.get(9), miss = ids.get(10), log1 = ids.get(11), log2 = ids.get(12),
                    makeup = ids.get(13), district = ids.get(14), pi10 = ids.get(15), log3 = ids.get(16);
            List<EventEnvelope> list = new ArrayList<>();
            ev.on(LocalDate.of(2026, 8, 20));
            list.add(ev.school(school, district, "Order School"));
            list.add(ev.student(student, school, "Oli", "Order"));
            list.add(ev.staff(provider, "Pat", "Provider"));
            list.add(ev.iep(iep, student, null, SEPT_1, ComplianceEvents.speech(mandate, null, provider, 1, 1, 30,
                    SEPT_1, JUNE_18)));
            ev.on(LocalDate.of(2026, 9, 2));
            list.add(ev.series(poSeries, student, mandate, provider, school, ServiceSetting.PULL_OUT, List.of(
                    ComplianceEvents.occurrence(po15, TUE_15, 30, new SessionSeriesScheduled.SubjectMinutes("MATH", 30)),
                    ComplianceEvents.occurrence(po22, TUE_22, 30,
                            new SessionSeriesScheduled.SubjectMinutes("MATH", 30)))));
            list.add(ev.series(piSeries, student, mandate, provider, school, ServiceSetting.PUSH_IN, List.of(
                    ComplianceEvents.occurrence(pi10, LocalDate.of(2026, 9, 10), 30),
                    ComplianceEvents.occurrence(pi17, THU_17, 30), ComplianceEvents.occurrence(pi24, THU_24, 30))));
            ev.on(LocalDate.of(2026, 9, 9));
            list.add(ev.cancelled(pi10, piSeries, student, mandate, ServiceSetting.PUSH_IN,
                    LocalDate.of(2026, 9, 10), "PROVIDER_UNAVAILABLE"));
            ev.on(TUE_15);
            list.add(ev.completed(log1, student, mandate, provider, ServiceSetting.PULL_OUT, TUE_15, 30, po15));
            ev.on(WED_16);
            list.add(ev.rescheduled(pi17, piSeries, student, mandate, ServiceSetting.PUSH_IN, THU_17,
                    LocalDate.of(2026, 9, 18)));
            ev.on(LocalDate.of(2026, 9, 18));
            list.add(ev.missed(miss, student, mandate, provider, ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 18), 30,
                    "SCHEDULING_ERROR", "REVIEW", pi17));
            ev.on(MON_21);
            list.add(ev.resolved(miss, student, mandate, "OWED"));
            ev.on(TUE_22);
            list.add(ev.completed(log2, student, mandate, provider, ServiceSetting.PULL_OUT, TUE_22, 30, po22));
            list.add(ev.completed(makeup, student, mandate, provider, ServiceSetting.PUSH_IN, TUE_22, 40, null,
                    new SessionCompleted.Repayment(miss, 25)));
            list.add(ev.completed(log3, student, mandate, provider, ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 8),
                    30, null));
            ev.on(LocalDate.of(2026, 9, 23));
            list.add(ev.amended(log2, student, mandate, provider, ServiceSetting.PULL_OUT, TUE_22, 30, 25));
            list.add(ev.closed(school, THU_24));
            return list;
        } finally {
            ev.close();
        }
    }

    private static String view(UUID student, Ids ids, Ids as) {
        String body = given().queryParam("from", SEPT_1.toString()).queryParam("to", "2026-10-04").get(compliancePath(student))
                .then().statusCode(200).extract().asString()
                + given().get("/api/v1/students/" + student + "/makeup-ledger").then().statusCode(200).extract()
                .asString()
                + given().queryParam("from", SEPT_1.toString()).queryParam("to", "2026-10-04")
                .get("/api/v1/students/" + student + "/pull-out-cost").then().statusCode(200).extract().asString();
        for (int i = 0; i < ids.all().size(); i++) {
            body = body.replace(ids.get(i).toString(), as.get(i).toString());
        }
        return body;
    }

    @Test
    void duplicateAndOutOfOrderEventsLeaveTheProjectionAsInOrderOnceDelivery() throws Exception {
        Ids inOrder = Ids.fresh();
        Ids shuffled = Ids.fresh();
        List<EventEnvelope> a = scenario(inOrder);
        List<EventEnvelope> b = new ArrayList<>(scenario(shuffled));
        events.send(a);
        // Reversed, then every event once more in yet another order: redeliveries and late arrivals.
        Collections.reverse(b);
        List<EventEnvelope> again = new ArrayList<>(b);
        Collections.shuffle(again, new java.util.Random(42));
        events.send(b);
        events.send(again);

        UUID studentA = inOrder.get(1);
        UUID studentB = shuffled.get(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(view(studentA, inOrder, inOrder), view(studentB, shuffled, inOrder)));
        JsonPath week = given().queryParam("from", MON_14.toString()).queryParam("to", MON_14.toString()).get(compliancePath(studentA))
                .then().extract().jsonPath();
        // The week of the 14th: pull-out held, Thursday's push-in moved to Friday and missed (owed after
        // review), 25 of the 40-minute makeup repay it.
        assertEquals(30, week.getInt("mandates[0].periods[0].delivered.pullOut"));
        assertEquals(25, week.getInt("mandates[0].periods[0].madeUp.pushIn"));
        assertEquals(30, week.getInt("mandates[0].periods[0].missedOwed"));
        assertEquals(5, week.getInt("mandates[0].periods[0].owedBalance"));
        assertEquals("OUT_OF_COMPLIANCE", week.getString("mandates[0].periods[0].status"));

        // The same events once more change nothing: wait until a later log on the same partition is in.
        String before = view(studentA, inOrder, inOrder);
        events.send(a);
        events.on(LocalDate.of(2026, 12, 1));
        events.send(events.completed(UUID.randomUUID(), studentA, inOrder.get(3), provider, ServiceSetting.PUSH_IN,
                LocalDate.of(2026, 12, 1), 30, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/delivered-minutes/students/" + studentA).then().body("sessions", hasSize(5)));
        assertEquals(before, view(studentA, inOrder, inOrder));
    }

    // --- bad input ----------------------------------------------------------------------------------

    @Test
    void badQueriesAreProblemsThatNameEveryBadParameter() {
        UUID student = UUID.randomUUID();
        given().queryParam("from", "15/09/2026").queryParam("to", "2026-09-14").get(compliancePath(student))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("from"));
        given().queryParam("from", "2026-01-01").queryParam("to", "2027-06-01").get(compliancePath(student))
                .then().statusCode(400).body("violations.field", contains("to"));
        given().get("/api/v1/students/" + student + "/pull-out-cost?from=2026-09-20&to=2026-09-14")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("to"));
        given().get("/api/v1/students/" + student + "/makeup-ledger?from=yesterday")
                .then().statusCode(400).body("violations.field", contains("from"));
        given().get("/api/v1/compliance/districts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/compliance/schools/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/compliance/providers/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/admin/rebuild/" + UUID.randomUUID()).then().statusCode(404);
        given().post("/api/v1/admin/rebuild?projections=nope").then().statusCode(400)
                .body("violations.field", contains("projections"));
        // An unknown student has no mandates yet (their events may still be on the way): empty, not an error.
        given().queryParam("from", MON_14.toString()).queryParam("to", MON_14.toString()).get(compliancePath(student))
                .then().statusCode(200).body("mandates", hasSize(0));
        Map<String, Object> none = given().get("/api/v1/students/" + student + "/makeup-ledger").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(0, none.get("owedMinutes"));
    }
}
