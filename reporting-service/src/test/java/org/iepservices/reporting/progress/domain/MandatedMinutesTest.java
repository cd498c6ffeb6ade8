package org.iepservices.reporting.progress.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

class MandatedMinutesTest {

    private static final LocalDate SEP_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate JUNE_18 = LocalDate.of(2027, 6, 18);

    @Test
    void theWorkedExampleWeekRequires30PushInAnd30PullOut() {
        // speech 2 x 30 per week, 1 push-in + 1 pull-out; week of Mon 2026-09-14
        MandatedMinutes.Terms terms = new MandatedMinutes.Terms("WEEK", 30, 1, 1, SEP_1, JUNE_18);
        MandatedMinutes.BySetting week = MandatedMinutes.over(terms, LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 9, 20), DayOfWeek.MONDAY);
        assertEquals(30, week.pushIn(), 1e-9);
        assertEquals(30, week.pullOut(), 1e-9);
        MandatedMinutes.BySetting threeWeeks = MandatedMinutes.over(terms, LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 10, 4), DayOfWeek.MONDAY);
        assertEquals(180, threeWeeks.total(), 1e-9);
    }

    @Test
    void partialWeeksAreProratedBySchoolDays() {
        MandatedMinutes.Terms terms = new MandatedMinutes.Terms("WEEK", 30, 1, 1, SEP_1, JUNE_18);
        // Wed-Fri of one week: 3 of 5 school days
        MandatedMinutes.BySetting part = MandatedMinutes.over(terms, LocalDate.of(2026, 9, 16),
                LocalDate.of(2026, 9, 18), DayOfWeek.MONDAY);
        assertEquals(18, part.pushIn(), 1e-9);
        // a mandate starting on Thursday Oct 8 contributes 2/5 of that week
        MandatedMinutes.Terms late = new MandatedMinutes.Terms("WEEK", 30, 0, 2, LocalDate.of(2026, 10, 8), JUNE_18);
        assertEquals(24, MandatedMinutes.over(late, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 11),
                DayOfWeek.MONDAY).pullOut(), 1e-9);
        // a weekend alone requires nothing
        assertEquals(0, MandatedMinutes.over(terms, LocalDate.of(2026, 9, 19), LocalDate.of(2026, 9, 20),
                DayOfWeek.MONDAY).total(), 1e-9);
    }

    @Test
    void monthlyAndTermMandatesShareOutTheirSchoolDays() {
        MandatedMinutes.Terms monthly = new MandatedMinutes.Terms("MONTH", 60, 1, 0, SEP_1, JUNE_18);
        // October 2026 has 22 school days; the whole month requires 60
        assertEquals(60, MandatedMinutes.over(monthly, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                DayOfWeek.MONDAY).pushIn(), 1e-9);
        assertEquals(60.0 * 11 / 22, MandatedMinutes.over(monthly, LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 15), DayOfWeek.MONDAY).pushIn(), 1e-9);
        MandatedMinutes.Terms term = new MandatedMinutes.Terms("IEP_TERM", 30, 10, 10, LocalDate.of(2026, 9, 7),
                LocalDate.of(2026, 9, 18)); // 10 school days, 300 + 300 minutes
        assertEquals(300, MandatedMinutes.over(term, SEP_1, JUNE_18, DayOfWeek.MONDAY).pushIn(), 1e-9);
        assertEquals(150, MandatedMinutes.over(term, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 11),
                DayOfWeek.MONDAY).pullOut(), 1e-9);
    }

    @Test
    void outsideTheMandatesDatesNothingIsRequired() {
        MandatedMinutes.Terms terms = new MandatedMinutes.Terms("WEEK", 30, 1, 1, SEP_1, JUNE_18);
        assertEquals(MandatedMinutes.BySetting.ZERO, MandatedMinutes.over(terms, LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 8, 31), DayOfWeek.MONDAY));
    }
}
