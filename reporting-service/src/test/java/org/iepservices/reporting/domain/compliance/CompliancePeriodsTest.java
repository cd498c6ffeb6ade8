package org.iepservices.reporting.domain.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** How much of a period's mandate a report over a date range counts (the caseload report). */
class CompliancePeriodsTest {

    private static final CompliancePeriods.Period WEEK = new CompliancePeriods.Period(LocalDate.of(2026, 9, 14),
            LocalDate.of(2026, 9, 20));

    @Test
    void aRangeCoveringThePeriodCountsAllOfIt() {
        assertEquals(1.0, WEEK.shareWithin(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 20),
                SchoolCalendar.WEEKDAYS));
        assertEquals(1.0, WEEK.shareWithin(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30),
                SchoolCalendar.WEEKDAYS));
    }

    @Test
    void aRangeCuttingThePeriodCountsItsShareOfTheSchoolDays() {
        // Monday to Wednesday: 3 of 5 school days; the weekend adds none.
        assertEquals(0.6, WEEK.shareWithin(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 16),
                SchoolCalendar.WEEKDAYS), 1e-9);
        assertEquals(0.0, WEEK.shareWithin(LocalDate.of(2026, 9, 19), LocalDate.of(2026, 9, 25),
                SchoolCalendar.WEEKDAYS));
        // A closure on Friday leaves 4 school days in the week, 3 of them in the range.
        SchoolCalendar closedFriday = new SchoolCalendar(Set.of(LocalDate.of(2026, 9, 18)));
        assertEquals(0.75, WEEK.shareWithin(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 16), closedFriday),
                1e-9);
    }

    @Test
    void outsideThePeriodOrAPeriodWithoutSchoolDaysCountsNothing() {
        assertEquals(0.0, WEEK.shareWithin(LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 25),
                SchoolCalendar.WEEKDAYS));
        CompliancePeriods.Period weekend = new CompliancePeriods.Period(LocalDate.of(2026, 9, 19),
                LocalDate.of(2026, 9, 20));
        assertEquals(0.0, weekend.shareWithin(LocalDate.of(2026, 9, 19), LocalDate.of(2026, 9, 19),
                SchoolCalendar.WEEKDAYS));
    }
}
