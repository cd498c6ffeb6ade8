package org.iepservices.schedule.domain.series;

import org.iepservices.schedule.domain.DayKind;
import org.iepservices.schedule.domain.NonInstructionalDay;
import org.iepservices.schedule.domain.SchoolYear;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OccurrencePlanTest {

    static final SchoolYear YEAR = new SchoolYear(LocalDate.of(2026, 9, 2), LocalDate.of(2027, 6, 18), List.of(
            new NonInstructionalDay(LocalDate.of(2026, 10, 12), DayKind.HOLIDAY, "Indigenous Peoples' Day"),
            new NonInstructionalDay(LocalDate.of(2026, 10, 20), DayKind.CLOSURE, "Snow day")));

    @Test
    void weeklyDatesSkipHolidaysAndClosures() {
        assertEquals(List.of(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 26)),
                OccurrencePlan.dates(DayOfWeek.MONDAY, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                        List.of(YEAR)));
        assertEquals(List.of(LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 27)),
                OccurrencePlan.dates(DayOfWeek.TUESDAY, LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 27),
                        List.of(YEAR)));
    }

    @Test
    void datesOutsideEveryCalendarAreNotSchoolDays() {
        assertEquals(List.of(LocalDate.of(2026, 9, 7)), OccurrencePlan.dates(DayOfWeek.MONDAY,
                LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 8), List.of(YEAR)));
        assertEquals(List.of(), OccurrencePlan.dates(DayOfWeek.MONDAY, LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 1), List.of(YEAR)));
        assertEquals(List.of(), OccurrencePlan.dates(DayOfWeek.MONDAY, LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), List.of()));
    }
}
