package org.iepservices.session.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SchoolDaysTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 9, 1);
    private static final LocalDate LAST = LocalDate.of(2027, 6, 18);
    private static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26);
    private static final LocalDate DAY_AFTER = LocalDate.of(2026, 11, 27);

    /** The 2026-27 year: every weekday instructional but Thanksgiving and the day after. */
    private static SchoolDays.Year year() {
        Set<LocalDate> days = new HashSet<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !d.equals(THANKSGIVING) && !d.equals(DAY_AFTER)) {
                days.add(d);
            }
        }
        return new SchoolDays.Year(FIRST, LAST, days);
    }

    @Test
    void withoutACalendarWeekdaysCount() {
        SchoolDays days = SchoolDays.weekdays();
        // Mon 2026-09-14: Tue..Fri and the next Monday are five school days later.
        assertEquals(5, days.after(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 21)));
        assertEquals(4, days.after(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 20)));
        assertFalse(days.isSchoolDay(LocalDate.of(2026, 9, 19)), "a Saturday");
    }

    @Test
    void holidaysOfTheCalendarDoNotCount() {
        SchoolDays days = new SchoolDays(List.of(year()), Set.of());
        // Mon 2026-11-23: Tue, Wed, (Thanksgiving and Friday off), Mon, Tue, Wed.
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertFalse(days.overdue(monday, LocalDate.of(2026, 11, 30), 5));
        assertEquals(3, days.after(monday, LocalDate.of(2026, 11, 30)));
        assertTrue(days.overdue(monday, LocalDate.of(2026, 12, 2), 5));
    }

    @Test
    void aClosureIsNoSchoolDayEvenOnAnInstructionalDay() {
        LocalDate snowDay = LocalDate.of(2026, 9, 16);
        SchoolDays days = new SchoolDays(List.of(year()), Set.of(snowDay));
        assertFalse(days.isSchoolDay(snowDay));
        assertEquals(4, days.after(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 21)));
    }

    @Test
    void summerBetweenTwoKnownYearsIsNoSchool() {
        SchoolDays.Year next = new SchoolDays.Year(LocalDate.of(2027, 9, 1), LocalDate.of(2028, 6, 16),
                Set.of(LocalDate.of(2027, 9, 1)));
        SchoolDays days = new SchoolDays(List.of(year(), next), Set.of());
        assertFalse(days.isSchoolDay(LocalDate.of(2027, 7, 7)), "a July weekday between two school years");
        assertTrue(days.isSchoolDay(LocalDate.of(2027, 9, 1)));
        assertFalse(days.isSchoolDay(LocalDate.of(2027, 9, 2)), "not instructional in the known year");
    }

    @Test
    void daysBeyondEveryKnownYearCountAsWeekdays() {
        SchoolDays days = new SchoolDays(List.of(year()), Set.of());
        assertTrue(days.isSchoolDay(LocalDate.of(2027, 7, 7)), "after the last known year: weekdays");
        assertTrue(days.isSchoolDay(LocalDate.of(2026, 8, 26)), "before the first known year: weekdays");
    }

    @Test
    void theDayItselfAndEarlierDaysNeverCount() {
        SchoolDays days = SchoolDays.weekdays();
        LocalDate date = LocalDate.of(2026, 9, 14);
        assertEquals(0, days.after(date, date));
        assertEquals(0, days.after(date, date.minusDays(3)));
        assertTrue(days.overdue(date, date, 0));
    }
}
