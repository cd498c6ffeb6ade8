package org.iepservices.schedule.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which days assigned another bell schedule are early-release days of the year. */
class EarlyReleaseTest {

    static final SchoolYear YEAR = new SchoolYear(LocalDate.of(2026, 9, 2), LocalDate.of(2027, 6, 18),
            List.of(new NonInstructionalDay(LocalDate.of(2026, 11, 26), DayKind.HOLIDAY, "Thanksgiving")));

    static BellSchedule schedule(String name, boolean isDefault, String end) {
        BellSchedule s = new BellSchedule();
        s.id = UUID.randomUUID();
        s.name = name;
        s.isDefault = isDefault;
        s.periods.add(new BellPeriod("Morning", LocalTime.of(8, 0), LocalTime.of(11, 30), true));
        s.periods.add(new BellPeriod("Lunch", LocalTime.of(11, 30), LocalTime.of(12, 0), false));
        if (!end.equals("12:00")) {
            s.periods.add(new BellPeriod("Afternoon", LocalTime.of(12, 0), LocalTime.parse(end), true));
        }
        return s;
    }

    @Test
    void aShorterScheduleOnASchoolDayIsAnEarlyRelease() {
        BellSchedule regular = schedule("Regular", true, "15:00");
        BellSchedule early = schedule("Early release", false, "12:00");
        BellSchedule testing = schedule("Testing", false, "15:00");
        List<EarlyRelease> days = EarlyRelease.of(YEAR, Optional.of(regular), Map.of(
                LocalDate.of(2026, 11, 25), early,
                LocalDate.of(2026, 11, 26), early, // a holiday: no school at all
                LocalDate.of(2026, 12, 2), testing)); // same length: not shorter
        assertEquals(1, days.size());
        EarlyRelease day = days.get(0);
        assertEquals(LocalDate.of(2026, 11, 25), day.date());
        assertEquals(LocalTime.NOON, day.dismissal());
        assertEquals(210, day.instructionalMinutes());
    }

    @Test
    void withoutADefaultEveryAssignedSchoolDayCounts() {
        assertEquals(1, EarlyRelease.of(YEAR, Optional.empty(),
                Map.of(LocalDate.of(2026, 12, 2), schedule("Testing", false, "15:00"))).size());
    }
}
