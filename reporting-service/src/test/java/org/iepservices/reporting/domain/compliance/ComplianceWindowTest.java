package org.iepservices.reporting.domain.compliance;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class ComplianceWindowTest {

    private static final LocalDate MON = LocalDate.of(2026, 9, 14);
    private static final CompliancePeriods.Period WEEK = new CompliancePeriods.Period(MON, MON.plusDays(6));
    /** Speech 2 x 30 min/week: 1 push-in + 1 pull-out. */
    private static final MandateTerms SPEECH = new MandateTerms(UUID.randomUUID(), "SPEECH_LANGUAGE", 30,
            MandateTerms.Interval.WEEK, 1, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18));
    private static final LocalDate AFTER_THE_WEEK = MON.plusDays(7);

    private static ComplianceWindow.Inputs inputs(SettingMinutes delivered, SettingMinutes madeUp, int owed) {
        return new ComplianceWindow.Inputs(delivered, madeUp, owed, 0, 0);
    }

    @Test
    void workedExampleClosesOutOfComplianceWithThirtyOwedInPushIn() {
        ComplianceWindow w = ComplianceWindow.evaluate(SPEECH, WEEK,
                inputs(new SettingMinutes(0, 30), SettingMinutes.ZERO, 30), AFTER_THE_WEEK);
        assertEquals(new SettingMinutes(30, 30), w.mandated());
        assertEquals(new SettingMinutes(30, 0), w.shortfall());
        assertEquals(30, w.owedBalance());
        assertTrue(w.closed());
        assertEquals(ComplianceStatus.OUT_OF_COMPLIANCE, w.status());
    }

    @Test
    void aPushInMakeupLinkedToTheMissBringsTheBalanceToZero() {
        ComplianceWindow w = ComplianceWindow.evaluate(SPEECH, WEEK,
                inputs(new SettingMinutes(0, 30), new SettingMinutes(30, 0), 30), AFTER_THE_WEEK);
        assertEquals(0, w.owedBalance());
        assertEquals(SettingMinutes.ZERO, w.shortfall());
        assertEquals(ComplianceStatus.ON_TRACK, w.status());
    }

    @Test
    void extraPullOutDoesNotCoverMissingPushIn() {
        ComplianceWindow w = ComplianceWindow.evaluate(SPEECH, WEEK,
                inputs(new SettingMinutes(0, 60), SettingMinutes.ZERO, 0), AFTER_THE_WEEK);
        assertEquals(ComplianceStatus.OUT_OF_COMPLIANCE, w.status());
        assertEquals(new SettingMinutes(30, 0), w.shortfall());
        assertEquals(new SettingMinutes(0, 30), w.overDelivered());
    }

    @Test
    void everySettingMetWithMoreIsOverDelivered() {
        ComplianceWindow w = ComplianceWindow.evaluate(SPEECH, WEEK,
                inputs(new SettingMinutes(30, 45), SettingMinutes.ZERO, 0), AFTER_THE_WEEK);
        assertEquals(ComplianceStatus.OVER_DELIVERED, w.status());
    }

    @Test
    void openPeriodsAreOnTrackAndFuturePeriodsNotStarted() {
        ComplianceWindow open = ComplianceWindow.evaluate(SPEECH, WEEK,
                inputs(SettingMinutes.ZERO, SettingMinutes.ZERO, 0), MON.plusDays(2));
        assertFalse(open.closed());
        assertEquals(ComplianceStatus.ON_TRACK, open.status());
        assertEquals(ComplianceStatus.NOT_STARTED, ComplianceWindow.evaluate(SPEECH, WEEK,
                inputs(SettingMinutes.ZERO, SettingMinutes.ZERO, 0), MON.minusDays(1)).status());
    }

    @Test
    void aMandateStartingWednesdayIsProratedToThreeOfFiveSchoolDays() {
        MandateTerms fromWednesday = new MandateTerms(UUID.randomUUID(), "SPEECH_LANGUAGE", 30,
                MandateTerms.Interval.WEEK, 1, 1, MON.plusDays(2), LocalDate.of(2027, 6, 18));
        ComplianceWindow w = ComplianceWindow.evaluate(fromWednesday, WEEK,
                inputs(SettingMinutes.ZERO, SettingMinutes.ZERO, 0), AFTER_THE_WEEK);
        assertEquals(new SettingMinutes(18, 18), w.mandated());
    }

    @Test
    void periodsFollowTheIntervalAndTheMandateDates() {
        List<CompliancePeriods.Period> weeks = CompliancePeriods.between(SPEECH, LocalDate.of(2026, 9, 16),
                LocalDate.of(2026, 9, 30), DayOfWeek.MONDAY);
        assertEquals(List.of(MON, MON.plusWeeks(1), MON.plusWeeks(2)), weeks.stream().map(p -> p.start()).toList());
        assertEquals(LocalDate.of(2026, 9, 20), weeks.get(0).end());

        MandateTerms monthly = new MandateTerms(UUID.randomUUID(), "OCCUPATIONAL_THERAPY", 60,
                MandateTerms.Interval.MONTH, 1, 0, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31));
        List<CompliancePeriods.Period> months = CompliancePeriods.between(monthly, LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 12, 31), DayOfWeek.MONDAY);
        assertEquals(2, months.size());
        assertEquals(LocalDate.of(2026, 10, 31), months.get(1).end());

        List<CompliancePeriods.Period> sundayWeeks = CompliancePeriods.between(SPEECH, MON, MON, DayOfWeek.SUNDAY);
        assertEquals(LocalDate.of(2026, 9, 13), sundayWeeks.get(0).start());
    }
}
