package org.iepservices.session.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class CreditedMinutesTest {

    private static final LocalTime TEN = LocalTime.of(10, 0);
    private static final LocalTime HALF_PAST = LocalTime.of(10, 30);

    private static CreditedMinutes.Entry entry(Attendance attendance, Integer minutes) {
        return new CreditedMinutes.Entry(UUID.randomUUID(), attendance, minutes);
    }

    @Test
    void presentWithoutMinutesIsCreditedTheSessionLength() {
        var result = CreditedMinutes.resolve(TEN, HALF_PAST, List.of(entry(Attendance.PRESENT, null)));
        assertTrue(result.valid());
        assertEquals(List.of(30), result.minutes());
    }

    @Test
    void absentIsCreditedNothingAndPartialKeepsItsMinutes() {
        var result = CreditedMinutes.resolve(TEN, HALF_PAST,
                List.of(entry(Attendance.ABSENT, null), entry(Attendance.PARTIAL, 12)));
        assertTrue(result.valid());
        assertEquals(List.of(0, 12), result.minutes());
    }

    @Test
    void minutesBeyondTheSessionNegativeOrMissingForPartialAreViolations() {
        var result = CreditedMinutes.resolve(TEN, HALF_PAST, List.of(
                entry(Attendance.PRESENT, 31),
                entry(Attendance.PARTIAL, null),
                entry(Attendance.PARTIAL, 30),
                entry(Attendance.ABSENT, 5),
                entry(Attendance.PRESENT, -1)));
        assertEquals(List.of("students[0].minutes", "students[1].minutes", "students[2].minutes",
                        "students[3].minutes", "students[4].minutes"),
                result.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void endNotAfterStartAndDuplicateStudentsAreViolations() {
        assertEquals("endTime", CreditedMinutes.resolve(HALF_PAST, TEN, List.of(entry(Attendance.PRESENT, null)))
                .violations().get(0).field());
        UUID same = UUID.randomUUID();
        var result = CreditedMinutes.resolve(TEN, HALF_PAST, List.of(
                new CreditedMinutes.Entry(same, Attendance.PRESENT, null),
                new CreditedMinutes.Entry(same, Attendance.PRESENT, null)));
        assertEquals("students[1].studentId", result.violations().get(0).field());
    }
}
