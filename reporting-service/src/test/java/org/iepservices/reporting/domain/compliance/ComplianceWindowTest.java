package org.iepservices.reporting.domain.compliance;

import org.iepservices.events.ServiceSetting;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The period, forecast and status rules on the worked example of domain.md and variations of it. */
class ComplianceWindowTest {

    private static final LocalDate MON = LocalDate.of(2026, 9, 14);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);
    private static final LocalDate THU = MON.plusDays(3);
    private static final LocalDate FRI = MON.plusDays(4);
    private static final LocalDate NEXT_MON = MON.plusDays(7);
    private static final UUID MANDATE = UUID.randomUUID();
    private static final Instant CLOSE = NEXT_MON.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final OffsetDateTime DURING_WEEK = OffsetDateTime.of(2026, 9, 15, 14, 0, 0, 0, ZoneOffset.UTC);

    /** Speech 2 x 30 min/week: 1 push-in + 1 pull-out. */
    private static MandateChains.Chain speech(LocalDate start, LocalDate end) {
        return MandateChains.build(List.of(stated(MANDATE, null, start, end)), List.of(), java.util.Map.of(), null)
                .get(0);
    }

    static MandateChains.StatedMandate stated(UUID id, UUID continues, LocalDate start, LocalDate end) {
        return new MandateChains.StatedMandate(id, UUID.randomUUID(), continues, "SPEECH_LANGUAGE", 2, 30, "WEEK", 1,
                1, start, end, null, DURING_WEEK.minusDays(30));
    }

    private static CompliancePeriods.ServicePeriod week(MandateChains.Chain chain, SchoolCalendar calendar) {
        return CompliancePeriods.of(chain, MON, MON, DayOfWeek.MONDAY, calendar).get(0);
    }

    private static PeriodFacts.Delivered delivered(LocalDate date, ServiceSetting setting, int minutes,
                                                   PeriodFacts.Repayment... repays) {
        return new PeriodFacts.Delivered(UUID.randomUUID(), MANDATE, setting, date, minutes, null, List.of(repays),
                DURING_WEEK);
    }

    private static PeriodFacts.Occurrence occurrence(LocalDate date, ServiceSetting setting, boolean scheduled,
                                                     boolean logged) {
        return new PeriodFacts.Occurrence(UUID.randomUUID(), MANDATE, setting, date, 30, scheduled, logged);
    }

    private static ComplianceWindow evaluate(CompliancePeriods.ServicePeriod sp, List<PeriodFacts.Delivered> delivered,
                                             List<PeriodFacts.Miss> misses, List<PeriodFacts.MakeupCredit> credits,
                                             List<PeriodFacts.Occurrence> occurrences, LocalDate today,
                                             SchoolCalendar calendar) {
        Set<UUID> known = new java.util.HashSet<>();
        misses.forEach(m -> known.add(m.missId()));
        ComplianceWindow.Inputs in = PeriodLedger.inputs(sp, delivered, misses, credits, occurrences, known,
                List.of(), today, CLOSE);
        return ComplianceWindow.evaluate(sp, in, today, calendar);
    }

    private final PeriodFacts.Miss pushInMissOwed = new PeriodFacts.Miss(UUID.randomUUID(), MANDATE,
            ServiceSetting.PUSH_IN, THU, 30, "OWED", null, DURING_WEEK);

    @Test
    void workedExampleClosesOutOfComplianceWithThirtyOwedInPushIn() {
        CompliancePeriods.ServicePeriod sp = week(speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18)),
                SchoolCalendar.WEEKDAYS);
        ComplianceWindow w = evaluate(sp, List.of(delivered(TUE, ServiceSetting.PULL_OUT, 30)), List.of(pushInMissOwed),
                List.of(), List.of(), NEXT_MON, SchoolCalendar.WEEKDAYS);
        assertEquals(new SettingMinutes(30, 30), w.mandated());
        assertEquals(new SettingMinutes(0, 30), w.delivered());
        assertEquals(30, w.missedOwed());
        assertEquals(new SettingMinutes(30, 0), w.shortfall());
        assertEquals(30, w.owedBalance());
        assertTrue(w.closed());
        assertEquals(ComplianceStatus.OUT_OF_COMPLIANCE, w.status());
        assertFalse(w.revisedAfterClose());
    }

    @Test
    void aPushInMakeupLinkedToTheMissBringsTheBalanceToZero() {
        CompliancePeriods.ServicePeriod sp = week(speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18)),
                SchoolCalendar.WEEKDAYS);
        PeriodFacts.MakeupCredit makeup = new PeriodFacts.MakeupCredit(pushInMissOwed.missId(), UUID.randomUUID(),
                ServiceSetting.PUSH_IN, NEXT_MON.plusDays(1), 30, DURING_WEEK);
        ComplianceWindow w = evaluate(sp, List.of(delivered(TUE, ServiceSetting.PULL_OUT, 30)), List.of(pushInMissOwed),
                List.of(makeup), List.of(), NEXT_MON.plusDays(2), SchoolCalendar.WEEKDAYS);
        assertEquals(new SettingMinutes(30, 0), w.madeUp());
        assertEquals(0, w.owedBalance());
        assertEquals(SettingMinutes.ZERO, w.shortfall());
        assertEquals(ComplianceStatus.ON_TRACK, w.status());
    }

    @Test
    void theRepaidPartOfAMakeupSessionIsNotOrdinaryDeliveryInItsOwnWeek() {
        MandateChains.Chain chain = speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18));
        CompliancePeriods.ServicePeriod nextWeek = CompliancePeriods.of(chain, NEXT_MON, NEXT_MON, DayOfWeek.MONDAY,
                SchoolCalendar.WEEKDAYS).get(0);
        PeriodFacts.Delivered makeup = delivered(NEXT_MON.plusDays(1), ServiceSetting.PUSH_IN, 40,
                new PeriodFacts.Repayment(pushInMissOwed.missId(), 30));
        ComplianceWindow w = evaluate(nextWeek, List.of(makeup), List.of(pushInMissOwed), List.of(), List.of(),
                NEXT_MON.plusDays(7), SchoolCalendar.WEEKDAYS);
        assertEquals(new SettingMinutes(10, 0), w.delivered());
        // A repayment of a miss the projection has not seen yet stays ordinary until the miss arrives.
        ComplianceWindow.Inputs unknown = PeriodLedger.inputs(nextWeek, List.of(makeup), List.of(), List.of(),
                List.of(), Set.of(), List.of(), NEXT_MON, CLOSE);
        assertEquals(new SettingMinutes(40, 0), unknown.delivered());
    }

    @Test
    void extraPullOutDoesNotCoverMissingPushInAndNotOwedMissesExcuse() {
        CompliancePeriods.ServicePeriod sp = week(speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18)),
                SchoolCalendar.WEEKDAYS);
        ComplianceWindow w = evaluate(sp, List.of(delivered(TUE, ServiceSetting.PULL_OUT, 60)), List.of(), List.of(),
                List.of(), NEXT_MON, SchoolCalendar.WEEKDAYS);
        assertEquals(ComplianceStatus.OUT_OF_COMPLIANCE, w.status());
        assertEquals(new SettingMinutes(30, 0), w.shortfall());
        assertEquals(new SettingMinutes(0, 30), w.overDelivered());

        PeriodFacts.Miss studentAbsent = new PeriodFacts.Miss(UUID.randomUUID(), MANDATE, ServiceSetting.PUSH_IN, THU,
                30, "NOT_OWED", null, DURING_WEEK);
        ComplianceWindow excused = evaluate(sp, List.of(delivered(TUE, ServiceSetting.PULL_OUT, 30)),
                List.of(studentAbsent), List.of(), List.of(), NEXT_MON, SchoolCalendar.WEEKDAYS);
        assertEquals(new SettingMinutes(30, 0), excused.excused());
        assertEquals(SettingMinutes.ZERO, excused.shortfall());
        assertEquals(0, excused.owedBalance());
        assertEquals(ComplianceStatus.ON_TRACK, excused.status());
    }

    @Test
    void everySettingMetWithMoreIsOverDelivered() {
        CompliancePeriods.ServicePeriod sp = week(speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18)),
                SchoolCalendar.WEEKDAYS);
        ComplianceWindow w = evaluate(sp, List.of(delivered(TUE, ServiceSetting.PULL_OUT, 45),
                delivered(THU, ServiceSetting.PUSH_IN, 30)), List.of(), List.of(), List.of(), NEXT_MON,
                SchoolCalendar.WEEKDAYS);
        assertEquals(ComplianceStatus.OVER_DELIVERED, w.status());
    }

    @Test
    void anOpenWeekIsOnTrackWhileTheScheduleCoversIt() {
        CompliancePeriods.ServicePeriod sp = week(speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18)),
                SchoolCalendar.WEEKDAYS);
        ComplianceWindow w = evaluate(sp, List.of(delivered(TUE, ServiceSetting.PULL_OUT, 30)), List.of(), List.of(),
                List.of(occurrence(TUE, ServiceSetting.PULL_OUT, true, true),
                        occurrence(THU, ServiceSetting.PUSH_IN, true, false)), WED, SchoolCalendar.WEEKDAYS);
        assertFalse(w.closed());
        assertEquals(new SettingMinutes(30, 30), w.scheduled());
        assertEquals(new SettingMinutes(30, 0), w.forecast().remaining());
        assertEquals(new SettingMinutes(30, 30), w.forecast().minutes());
        assertEquals(ComplianceStatus.ON_TRACK, w.status());
        assertNull(w.forecast().lastChanceDate());
    }

    @Test
    void aClosureOnTheLastScheduledPushInPutsTheWeekAtRiskWithTheLastDayToMakeItUp() {
        SchoolCalendar closedThursday = new SchoolCalendar(Set.of(THU));
        CompliancePeriods.ServicePeriod sp = week(speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18)),
                closedThursday);
        assertEquals(new SettingMinutes(30, 30), sp.mandated(), "a closure does not lower the mandate");
        ComplianceWindow w = evaluate(sp, List.of(delivered(TUE, ServiceSetting.PULL_OUT, 30)), List.of(), List.of(),
                List.of(occurrence(TUE, ServiceSetting.PULL_OUT, true, true),
                        occurrence(THU, ServiceSetting.PUSH_IN, false, false)), WED, closedThursday);
        assertEquals(ComplianceStatus.AT_RISK, w.status());
        assertEquals(new SettingMinutes(30, 0), w.forecast().shortfall());
        // One session short; Wednesday and Friday are school days left: Friday is the last chance.
        assertEquals(FRI, w.forecast().lastChanceDate());
        assertTrue(w.forecast().recoverable());

        ComplianceWindow onFriday = evaluate(sp, List.of(delivered(TUE, ServiceSetting.PULL_OUT, 30)), List.of(),
                List.of(), List.of(), FRI, closedThursday);
        assertEquals(FRI, onFriday.forecast().lastChanceDate());
        SchoolCalendar closedFriday = new SchoolCalendar(Set.of(THU, FRI));
        ComplianceWindow tooLate = evaluate(week(speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18)),
                        closedFriday), List.of(), List.of(), List.of(), List.of(), FRI, closedFriday);
        assertEquals(ComplianceStatus.AT_RISK, tooLate.status());
        assertNull(tooLate.forecast().lastChanceDate(), "two sessions needed, no school day left");
        assertFalse(tooLate.forecast().recoverable());
    }

    @Test
    void twoSessionsShortNeedTwoSchoolDays() {
        CompliancePeriods.ServicePeriod sp = week(speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18)),
                SchoolCalendar.WEEKDAYS);
        ComplianceWindow w = evaluate(sp, List.of(), List.of(), List.of(), List.of(), WED, SchoolCalendar.WEEKDAYS);
        assertEquals(new SettingMinutes(30, 30), w.forecast().shortfall());
        assertEquals(THU, w.forecast().lastChanceDate());
    }

    @Test
    void futurePeriodsAreNotStarted() {
        CompliancePeriods.ServicePeriod sp = week(speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18)),
                SchoolCalendar.WEEKDAYS);
        assertEquals(ComplianceStatus.NOT_STARTED, evaluate(sp, List.of(), List.of(), List.of(), List.of(),
                MON.minusDays(1), SchoolCalendar.WEEKDAYS).status());
    }

    @Test
    void aFactRecordedAfterTheWeekClosedMarksTheWeekRevised() {
        CompliancePeriods.ServicePeriod sp = week(speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18)),
                SchoolCalendar.WEEKDAYS);
        OffsetDateTime lateLog = OffsetDateTime.of(2026, 9, 22, 9, 0, 0, 0, ZoneOffset.UTC);
        PeriodFacts.Delivered late = new PeriodFacts.Delivered(UUID.randomUUID(), MANDATE, ServiceSetting.PUSH_IN, THU,
                30, null, List.of(), lateLog);
        ComplianceWindow w = evaluate(sp, List.of(delivered(TUE, ServiceSetting.PULL_OUT, 30), late), List.of(),
                List.of(), List.of(), NEXT_MON.plusDays(3), SchoolCalendar.WEEKDAYS);
        assertTrue(w.revisedAfterClose());
        assertEquals(lateLog, w.revisedAt());
        assertEquals(ComplianceStatus.ON_TRACK, w.status());
    }

    @Test
    void aMandateStartingWednesdayIsProratedToThreeOfFiveSchoolDays() {
        CompliancePeriods.ServicePeriod sp = week(speech(WED, LocalDate.of(2027, 6, 18)), SchoolCalendar.WEEKDAYS);
        assertEquals(new SettingMinutes(18, 18), sp.mandated());
        assertEquals(WED, sp.firstCoveredDay());
        // A closure is no holiday: it never lowers the mandate (its misses' verdict decides what it costs).
        CompliancePeriods.ServicePeriod closedMonday = week(speech(WED, LocalDate.of(2027, 6, 18)),
                new SchoolCalendar(Set.of(MON)));
        assertEquals(new SettingMinutes(18, 18), closedMonday.mandated());
    }

    @Test
    void periodsFollowTheIntervalAndTheMandateDates() {
        MandateTerms speech = new MandateTerms(UUID.randomUUID(), "SPEECH_LANGUAGE", 30, MandateTerms.Interval.WEEK, 1,
                1, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18));
        List<CompliancePeriods.Period> weeks = CompliancePeriods.between(speech, LocalDate.of(2026, 9, 16),
                LocalDate.of(2026, 9, 30), DayOfWeek.MONDAY);
        assertEquals(List.of(MON, MON.plusWeeks(1), MON.plusWeeks(2)), weeks.stream().map(p -> p.start()).toList());
        assertEquals(LocalDate.of(2026, 9, 20), weeks.get(0).end());

        MandateTerms monthly = new MandateTerms(UUID.randomUUID(), "OCCUPATIONAL_THERAPY", 60,
                MandateTerms.Interval.MONTH, 1, 0, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31));
        List<CompliancePeriods.Period> months = CompliancePeriods.between(monthly, LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 12, 31), DayOfWeek.MONDAY);
        assertEquals(2, months.size());
        assertEquals(LocalDate.of(2026, 10, 31), months.get(1).end());

        List<CompliancePeriods.Period> sundayWeeks = CompliancePeriods.between(speech, MON, MON, DayOfWeek.SUNDAY);
        assertEquals(LocalDate.of(2026, 9, 13), sundayWeeks.get(0).start());
    }
}
