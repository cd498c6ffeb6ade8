package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.iepservices.access.Role;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.testing.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.reporting.testing.Caller.given;

/**
 * The school calendar and the district's holiday policy in every number, fed with CalendarChanged,
 * IEP, series and session events on the real broker and read over HTTP. "Today" is Wednesday
 * 2026-09-23. The school year runs from Tuesday 2026-09-01; Thursday 17 and Friday 18 September
 * are holidays (a Thanksgiving-like short week of 3 instructional days), the week of 7 September
 * is a full week. IEPs start on 2026-08-24, before the school year.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class HolidayComplianceTest {

    static final LocalDate IEP_START = LocalDate.of(2026, 8, 24);
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2027, 6, 18);
    static final LocalDate MON_31_AUG = LocalDate.of(2026, 8, 31);
    static final LocalDate FULL_WEEK = LocalDate.of(2026, 9, 7);
    static final LocalDate SHORT_WEEK = LocalDate.of(2026, 9, 14);
    static final LocalDate OPEN_WEEK = LocalDate.of(2026, 9, 21);
    static final Map<LocalDate, String> HOLIDAYS = Map.of(LocalDate.of(2026, 9, 17), "HOLIDAY",
            LocalDate.of(2026, 9, 18), "HOLIDAY");

    private final ComplianceEvents events = new ComplianceEvents(LocalDate.of(2026, 8, 20));
    private final UUID provider = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    private record Enrolled(UUID district, UUID school, UUID student) {
    }

    /** A student at a school of a district of its own, with the school's calendar. */
    private Enrolled enroll(Map<LocalDate, String> daysOff) throws Exception {
        Enrolled e = new Enrolled(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        events.on(LocalDate.of(2026, 8, 20));
        events.send(events.school(e.school(), e.district(), "Calendar Elementary"),
                events.student(e.student(), e.school(), "Cal", "Endar"),
                events.calendar(e.school(), FIRST_DAY, LAST_DAY, daysOff));
        return e;
    }

    private void weeklyIep(Enrolled e, UUID mandate, LocalDate start) throws Exception {
        events.send(events.iep(UUID.randomUUID(), e.student(), null, start,
                ComplianceEvents.speech(mandate, null, provider, 1, 1, 30, start, LAST_DAY)));
    }

    /** A weekly series with the given occurrence dates (schedule-service generates none on days off). */
    private void series(Enrolled e, UUID mandate, ServiceSetting setting, LocalDate... dates) throws Exception {
        List<SessionSeriesScheduled.Occurrence> occurrences = java.util.Arrays.stream(dates)
                .map(d -> ComplianceEvents.occurrence(UUID.randomUUID(), d, 30)).toList();
        events.send(events.series(UUID.randomUUID(), e.student(), mandate, provider, e.school(), setting,
                occurrences));
    }

    private void delivered(Enrolled e, UUID mandate, ServiceSetting setting, LocalDate... dates) throws Exception {
        for (LocalDate d : dates) {
            events.on(d);
            events.send(events.completed(UUID.randomUUID(), e.student(), mandate, provider, setting, d, 30, null));
        }
    }

    /** Waits until the period of {@code mandate} containing {@code day} reads as {@code expected}. */
    private static void period(UUID student, UUID mandate, LocalDate day, Consumer<Period> expected) {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            ValidatableResponse r = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                    .get("/api/v1/compliance/students/" + student).then().statusCode(200);
            expected.accept(new Period(r, "mandates.find { it.mandateId == '" + mandate + "' }.periods[0]."));
        });
    }

    private record Period(ValidatableResponse response, String prefix) {
        Period is(String path, Object value) {
            response.body(prefix + path, org.hamcrest.Matchers.is(value));
            return this;
        }
    }

    private static void policy(UUID district, String policy) {
        given().contentType(ContentType.JSON).body(Map.of("holidayPolicy", policy))
                .put("/api/v1/districts/" + district + "/compliance-policy")
                .then().statusCode(200).body("holidayPolicy", is(policy)).body("isDefault", is(false));
    }

    @Test
    void aShortWeekIsNotOutOfComplianceForTheHolidayAloneUnderEitherPolicy() throws Exception {
        // PRORATE (the default): pull-out on Tuesdays, push-in on Wednesdays, all delivered.
        Enrolled prorate = enroll(HOLIDAYS);
        UUID prorated = UUID.randomUUID();
        weeklyIep(prorate, prorated, IEP_START);
        series(prorate, prorated, ServiceSetting.PULL_OUT, LocalDate.of(2026, 9, 8), LocalDate.of(2026, 9, 15));
        series(prorate, prorated, ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 9), LocalDate.of(2026, 9, 16));
        delivered(prorate, prorated, ServiceSetting.PULL_OUT, LocalDate.of(2026, 9, 8), LocalDate.of(2026, 9, 15));
        delivered(prorate, prorated, ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 9), LocalDate.of(2026, 9, 16));

        // EXCUSE: pull-out on Tuesdays, push-in on Thursdays (the Thursday of the short week is a holiday).
        Enrolled excuse = enroll(HOLIDAYS);
        policy(excuse.district(), "EXCUSE");
        UUID excused = UUID.randomUUID();
        weeklyIep(excuse, excused, IEP_START);
        series(excuse, excused, ServiceSetting.PULL_OUT, LocalDate.of(2026, 9, 8), LocalDate.of(2026, 9, 15),
                LocalDate.of(2026, 9, 22));
        series(excuse, excused, ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 24));
        delivered(excuse, excused, ServiceSetting.PULL_OUT, LocalDate.of(2026, 9, 8), LocalDate.of(2026, 9, 15));
        delivered(excuse, excused, ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 10));

        // The full week: the whole mandate, met, under both policies.
        for (Object[] s : new Object[][]{{prorate, prorated}, {excuse, excused}}) {
            period(((Enrolled) s[0]).student(), (UUID) s[1], FULL_WEEK, p -> p
                    .is("mandated.pushIn", 30).is("mandated.pullOut", 30).is("excused.total", 0)
                    .is("status", "ON_TRACK"));
        }
        // PRORATE: 3 of 5 days instructional, 30 x 3/5 = 18 per setting; both sessions held: not short.
        period(prorate.student(), prorated, SHORT_WEEK, p -> p
                .is("mandated.pushIn", 18).is("mandated.pullOut", 18).is("shortfall.total", 0)
                .is("status", "OVER_DELIVERED"));
        // EXCUSE: the whole mandate, the Thursday push-in that fell on the holiday excused, not owed.
        period(excuse.student(), excused, SHORT_WEEK, p -> p
                .is("mandated.pushIn", 30).is("mandated.pullOut", 30)
                .is("excused.pushIn", 30).is("excused.pullOut", 0)
                .is("delivered.pullOut", 30).is("shortfall.total", 0).is("missedOwed", 0)
                .is("status", "ON_TRACK"));
        // The school year starts on Tuesday 1 September: Monday 31 August carries no mandate (4 of 5 days).
        for (Object[] s : new Object[][]{{prorate, prorated}, {excuse, excused}}) {
            period(((Enrolled) s[0]).student(), (UUID) s[1], MON_31_AUG, p -> p
                    .is("periodStart", "2026-08-31").is("mandated.pushIn", 24).is("mandated.pullOut", 24));
        }
        // Summer weeks before the school year are no periods at all.
        given().queryParam("from", "2026-08-24").queryParam("to", "2026-08-30")
                .get("/api/v1/compliance/students/" + prorate.student())
                .then().statusCode(200).body("mandates.periods.flatten()", empty());

        // The district switches to EXCUSE: the short week is recomputed at once with the whole mandate.
        policy(prorate.district(), "EXCUSE");
        period(prorate.student(), prorated, SHORT_WEEK, p -> p
                .is("mandated.pushIn", 30).is("mandated.pullOut", 30).is("excused.total", 0)
                .is("status", "ON_TRACK"));
        given().get("/api/v1/districts/" + prorate.district() + "/compliance-policy")
                .then().statusCode(200).body("holidayPolicy", is("EXCUSE")).body("updatedBy", notNullValue());
    }

    @Test
    void theHolidayPolicyIsTheDistrictAdministratorsAndBadInputChangesNothing() throws Exception {
        UUID district = UUID.randomUUID();
        given().get("/api/v1/districts/" + district + "/compliance-policy")
                .then().statusCode(200).body("holidayPolicy", is("PRORATE")).body("isDefault", is(true));
        given().contentType(ContentType.JSON).body(Map.of("holidayPolicy", "SKIP"))
                .put("/api/v1/districts/" + district + "/compliance-policy")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}")
                .put("/api/v1/districts/" + district + "/compliance-policy")
                .then().statusCode(400).contentType("application/problem+json");
        for (String role : List.of(Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME, Role.TEACHER_NAME)) {
            Caller.as(role).contentType(ContentType.JSON).body(Map.of("holidayPolicy", "EXCUSE"))
                    .put("/api/v1/districts/" + district + "/compliance-policy").then().statusCode(403);
        }
        Caller.anonymous().get("/api/v1/districts/" + district + "/compliance-policy").then().statusCode(401);
        given().get("/api/v1/districts/" + district + "/compliance-policy")
                .then().statusCode(200).body("holidayPolicy", is("PRORATE")).body("isDefault", is(true));
    }

    @Test
    void aMandateStartingMidWeekAndAMonthlyMandateFollowTheCalendar() throws Exception {
        Enrolled e = enroll(HOLIDAYS);
        UUID weekly = UUID.randomUUID();
        UUID monthly = UUID.randomUUID();
        LocalDate wed16 = LocalDate.of(2026, 9, 16);
        events.send(events.iep(UUID.randomUUID(), e.student(), null, IEP_START,
                ComplianceEvents.speech(weekly, null, provider, 1, 1, 30, wed16, LAST_DAY),
                ComplianceEvents.speechPer("MONTH", monthly, provider, ServiceSetting.PULL_OUT, 4, 30, IEP_START,
                        LAST_DAY)));
        // The monthly pull-out meets on Thursdays: none on the 17th (a holiday).
        series(e, monthly, ServiceSetting.PULL_OUT, LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 10),
                LocalDate.of(2026, 9, 24));
        series(e, weekly, ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 17 + 7));

        // PRORATE. The weekly mandate starts on Wednesday 16th, the only instructional day of the
        // week it covers: 30 x 1/5 = 6 per setting. September has 22 weekdays, 20 instructional:
        // 120 x 20/22 = 109.09, 109 minutes.
        period(e.student(), weekly, SHORT_WEEK, p -> p.is("mandated.pushIn", 6).is("mandated.pullOut", 6));
        period(e.student(), monthly, SHORT_WEEK, p -> p
                .is("periodStart", "2026-09-01").is("periodEnd", "2026-09-30")
                .is("mandated.pullOut", 109).is("excused.total", 0));

        // EXCUSE. Wednesday to Friday are 3 of 5 weekdays of the school year: 18 per setting, and
        // the push-in series starts after the holidays, so nothing of it is excused. The month keeps
        // its 120 minutes, less the Thursday pull-out that fell on the 17th.
        policy(e.district(), "EXCUSE");
        period(e.student(), weekly, SHORT_WEEK, p -> p
                .is("mandated.pushIn", 18).is("mandated.pullOut", 18).is("excused.total", 0));
        period(e.student(), monthly, SHORT_WEEK, p -> p
                .is("mandated.pullOut", 120).is("excused.pullOut", 30));
    }

    @Test
    void aClosureNotOwedExcusesItsMinutesAndAnOwedOneKeepsTheWeekAtRisk() throws Exception {
        LocalDate tue22 = LocalDate.of(2026, 9, 22);
        LocalDate thu24 = LocalDate.of(2026, 9, 24);
        Map<LocalDate, String> closedTuesday = Map.of(tue22, "CLOSURE");
        Enrolled notOwed = enroll(closedTuesday);
        Enrolled owed = enroll(closedTuesday);
        UUID[] mandates = {UUID.randomUUID(), UUID.randomUUID()};
        UUID[] misses = {UUID.randomUUID(), UUID.randomUUID()};
        Enrolled[] students = {notOwed, owed};
        for (int i = 0; i < 2; i++) {
            Enrolled e = students[i];
            weeklyIep(e, mandates[i], IEP_START);
            UUID tuesday = UUID.randomUUID();
            events.send(events.series(UUID.randomUUID(), e.student(), mandates[i], provider, e.school(),
                    ServiceSetting.PULL_OUT, List.of(ComplianceEvents.occurrence(tuesday, tue22, 30))));
            series(e, mandates[i], ServiceSetting.PUSH_IN, thu24);
            events.on(tue22);
            events.send(events.missedBySystem(misses[i], e.student(), mandates[i], provider, ServiceSetting.PULL_OUT,
                    tue22, 30, "SCHOOL_CLOSED", i == 0 ? "NOT_OWED" : "OWED", tuesday));
        }
        // Not owed (the district's closure policy): the closure lowers what the week requires, not the mandate.
        period(notOwed.student(), mandates[0], OPEN_WEEK, p -> p
                .is("mandated.pullOut", 30).is("scheduled.pullOut", 0).is("missedNotOwed", 30)
                .is("excused.pullOut", 30).is("forecast.shortfall.total", 0).is("status", "ON_TRACK"));
        // Owed: the minutes stay owed and the open week is at risk until they are made up.
        period(owed.student(), mandates[1], OPEN_WEEK, p -> p
                .is("mandated.pullOut", 30).is("missedOwed", 30).is("owedBalance", 30)
                .is("excused.total", 0).is("forecast.shortfall.pullOut", 30).is("status", "AT_RISK"));
        // Where misses are listed, who recorded them.
        given().get("/api/v1/students/" + owed.student() + "/makeup-ledger").then().statusCode(200)
                .body("mandates[0].misses[0].missId", is(misses[1].toString()))
                .body("mandates[0].misses[0].reason", is("SCHOOL_CLOSED"))
                .body("mandates[0].misses[0].origin", is("SYSTEM"));
    }
}
