package org.iepservices.schedule.domain.availability;

import org.iepservices.problem.Problem.Violation;
import org.iepservices.schedule.domain.scheduling.TimeSpan;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rules shared by class activity blocks and provider availability: a window of a weekday is a
 * school day (Monday to Friday), ends after it starts, and overlaps no other window of the same
 * owner (class or provider) on that day.
 */
public final class WeeklyWindows {

    /** Another window of the same owner, as stored. */
    public record Existing(UUID id, DayOfWeek day, TimeSpan time, String label) {
    }

    private WeeklyWindows() {
    }

    public static List<Violation> check(DayOfWeek day, LocalTime start, LocalTime end,
                                        List<Existing> others, UUID self) {
        List<Violation> violations = new ArrayList<>();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            violations.add(new Violation("dayOfWeek", "must be a school day, MONDAY to FRIDAY"));
        }
        if (!end.isAfter(start)) {
            violations.add(new Violation("endTime", "must be after startTime"));
            return violations;
        }
        TimeSpan time = new TimeSpan(start, end);
        for (Existing other : others) {
            if (other.day() == day && !other.id().equals(self) && other.time().overlaps(time)) {
                violations.add(new Violation("startTime", "overlaps " + other.label() + " " + other.time()
                        + " on " + day));
            }
        }
        return violations;
    }
}
