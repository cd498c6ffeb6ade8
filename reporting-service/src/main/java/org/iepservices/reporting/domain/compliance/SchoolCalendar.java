package org.iepservices.reporting.domain.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The school days of one school as the events tell them: Monday to Friday, less the dates a
 * SchoolClosed announced. Proration and the forecast's "days left" count these days only.
 */
public record SchoolCalendar(Set<LocalDate> closures) {

    public static final SchoolCalendar WEEKDAYS = new SchoolCalendar(Set.of());

    public SchoolCalendar {
        closures = Set.copyOf(closures);
    }

    public boolean isSchoolDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !closures.contains(date);
    }

    public boolean isClosed(LocalDate date) {
        return closures.contains(date);
    }

    /** School days in [from, to], in order; empty when to is before from. */
    public List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isSchoolDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    public int countSchoolDays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isSchoolDay(d)) {
                count++;
            }
        }
        return count;
    }
}
