package org.iepservices.schedule.domain.availability;

import org.iepservices.problem.Problem.Violation;
import org.iepservices.schedule.domain.scheduling.TimeSpan;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WeeklyWindowsTest {

    static final UUID READING = UUID.randomUUID();
    static final List<WeeklyWindows.Existing> DAY = List.of(new WeeklyWindows.Existing(READING, DayOfWeek.TUESDAY,
            new TimeSpan(LocalTime.of(9, 0), LocalTime.of(10, 0)), "ELA_READING"));

    @Test
    void aWindowMustNotOverlapAnotherOfTheSameDay() {
        List<Violation> violations = WeeklyWindows.check(DayOfWeek.TUESDAY, LocalTime.of(9, 30), LocalTime.of(10, 30),
                DAY, null);
        assertEquals(List.of("startTime"), violations.stream().map(Violation::field).toList());
        assertEquals(List.of(), WeeklyWindows.check(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(10, 30), DAY,
                null));
        assertEquals(List.of(), WeeklyWindows.check(DayOfWeek.WEDNESDAY, LocalTime.of(9, 30), LocalTime.of(10, 30),
                DAY, null));
        assertEquals(List.of(), WeeklyWindows.check(DayOfWeek.TUESDAY, LocalTime.of(9, 30), LocalTime.of(10, 30), DAY,
                READING), "a window does not overlap itself when it changes");
    }

    @Test
    void weekendsAndBackwardsTimesAreRefused() {
        List<Violation> violations = WeeklyWindows.check(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(9, 0),
                List.of(), null);
        assertEquals(List.of("dayOfWeek", "endTime"), violations.stream().map(Violation::field).toList());
    }
}
