package org.iepservices.schedule.domain.series;

import org.iepservices.schedule.domain.SchoolYear;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Which dates a weekly pattern falls on: every instructional day of the school's calendars (no
 * weekends, holidays, breaks, professional days or closures) on its weekday within [from, to].
 * A date no calendar covers is not a school day.
 */
public final class OccurrencePlan {

    private OccurrencePlan() {
    }

    public static List<LocalDate> dates(DayOfWeek day, LocalDate from, LocalDate to, Collection<SchoolYear> years) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        if (to.isBefore(from)) {
            return List.of();
        }
        for (SchoolYear year : years) {
            for (LocalDate date : year.instructionalDays(from, to)) {
                if (date.getDayOfWeek() == day) {
                    dates.add(date);
                }
            }
        }
        return List.copyOf(dates);
    }
}
