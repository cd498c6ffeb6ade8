package org.iepservices.schedule.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SchoolYearTest {

    private static final SchoolYear YEAR = new SchoolYear(LocalDate.of(2026, 9, 2), LocalDate.of(2027, 6, 18),
            List.of(new NonInstructionalDay(LocalDate.of(2026, 11, 26), DayKind.HOLIDAY, "Thanksgiving"),
                    new NonInstructionalDay(LocalDate.of(2026, 11, 27), DayKind.BREAK, null)));

    @Test
    void weekdaysInTheYearMinusDaysOffAreInstructional() {
        List<LocalDate> week = YEAR.instructionalDays(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29));
        assertEquals(List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25)), week);
        assertFalse(YEAR.isInstructional(LocalDate.of(2026, 11, 28)), "Saturday");
        assertFalse(YEAR.isInstructional(LocalDate.of(2026, 9, 1)), "before the first day");
    }

    @Test
    void theRangeIsClippedToTheYear() {
        assertEquals(LocalDate.of(2026, 9, 2),
                YEAR.instructionalDays(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 4)).get(0));
    }

    @Test
    void daysOffOutsideTheYearOrTwiceAreViolations() {
        SchoolYear bad = new SchoolYear(LocalDate.of(2026, 9, 2), LocalDate.of(2027, 6, 18), List.of(
                new NonInstructionalDay(LocalDate.of(2027, 7, 4), DayKind.HOLIDAY, null),
                new NonInstructionalDay(LocalDate.of(2026, 12, 24), DayKind.BREAK, null),
                new NonInstructionalDay(LocalDate.of(2026, 12, 24), DayKind.BREAK, null)));
        assertEquals(List.of("nonInstructionalDays[0].date", "nonInstructionalDays[2].date"),
                bad.check().stream().map(v -> v.field()).toList());
    }

    @Test
    void schoolYearNamesAreConsecutiveYears() {
        assertTrue(SchoolYear.isValidName("2026-2027"));
        assertFalse(SchoolYear.isValidName("2026-2028"));
        assertFalse(SchoolYear.isValidName("26-27"));
    }
}
