package org.iepservices.reporting.domain.compliance;

import org.iepservices.events.ServiceSetting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Under {@link HolidayPolicy#EXCUSE}: the minutes of the sessions a student's series would have
 * held on the period's non-instructional days. schedule-service generates no occurrence on such a
 * day, so they are read from the series' weekly pattern (its weekday, length and dates in force).
 */
public final class HolidayExcuse {

    /** A series' weekly pattern for one student: {@code lastDay} null while it runs on. */
    public record Pattern(ServiceSetting setting, DayOfWeek dayOfWeek, int minutes, LocalDate firstDay,
                          LocalDate lastDay) {
        boolean meetsOn(LocalDate date) {
            return dayOfWeek == date.getDayOfWeek() && (firstDay == null || !date.isBefore(firstDay))
                    && (lastDay == null || !date.isAfter(lastDay));
        }
    }

    private HolidayExcuse() {
    }

    /** Minutes per setting excused in [from, to] (the days a version of the service covers in the period). */
    public static SettingMinutes minutes(Collection<Pattern> patterns, SchoolCalendar calendar, LocalDate from,
                                         LocalDate to) {
        SettingMinutes excused = SettingMinutes.ZERO;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!calendar.isNonInstructional(d)) {
                continue;
            }
            for (Pattern p : patterns) {
                if (p.setting() != null && p.meetsOn(d)) {
                    excused = excused.plus(SettingMinutes.of(p.setting(), p.minutes()));
                }
            }
        }
        return excused;
    }
}
