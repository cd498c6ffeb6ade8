package org.iepservices.schedule.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BellScheduleRulesTest {

    private static BellPeriod p(String name, int fromHour, int fromMinute, int toHour, int toMinute) {
        return new BellPeriod(name, LocalTime.of(fromHour, fromMinute), LocalTime.of(toHour, toMinute), true);
    }

    @Test
    void backToBackPeriodsInAnyOrderAreFine() {
        assertEquals(List.of(), BellScheduleRules.check(List.of(p("2", 9, 0, 10, 0), p("1", 8, 0, 9, 0))));
        assertEquals("1", BellScheduleRules.sorted(List.of(p("2", 9, 0, 10, 0), p("1", 8, 0, 9, 0))).get(0).name());
    }

    @Test
    void overlapsInvertedTimesAndDuplicateNamesAreViolations() {
        var violations = BellScheduleRules.check(List.of(p("Math", 8, 0, 9, 0), p("math", 8, 59, 9, 30),
                p("Lunch", 12, 0, 11, 30)));
        assertEquals(List.of("periods[1].name", "periods[1].startTime", "periods[2].endTime"),
                violations.stream().map(v -> v.field()).toList());
    }
}
