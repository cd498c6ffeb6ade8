package org.iepservices.session.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Which days a school holds instruction, from what session-service knows of its calendar: the
 * school years published with CalendarChanged (their instructional days) and the closures
 * (SchoolClosed). A closure is never a school day. Inside a known school year only its
 * instructional days count; a weekday between two known years (summer) does not; a weekday
 * outside every known year counts, so a school whose calendar has not arrived is counted by
 * weekdays rather than not at all.
 */
public record SchoolDays(List<Year> years, Set<LocalDate> closures) {

    /** One school year: first and last day, and its instructional days. */
    public record Year(LocalDate firstDay, LocalDate lastDay, Set<LocalDate> instructionalDays) {

        boolean covers(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }
    }

    public SchoolDays {
        years = List.copyOf(years);
        closures = Set.copyOf(closures);
    }

    /** Weekdays only: nothing is known of the school's calendar. */
    public static SchoolDays weekdays() {
        return new SchoolDays(List.of(), Set.of());
    }

    public boolean isSchoolDay(LocalDate day) {
        if (closures.contains(day) || day.getDayOfWeek() == DayOfWeek.SATURDAY
                || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        for (Year year : years) {
            if (year.covers(day)) {
                return year.instructionalDays().contains(day);
            }
        }
        boolean afterAYear = years.stream().anyMatch(y -> y.lastDay().isBefore(day));
        boolean beforeAYear = years.stream().anyMatch(y -> y.firstDay().isAfter(day));
        return !(afterAYear && beforeAYear);
    }

    /** School days after {@code date} up to and including {@code today}. */
    public int after(LocalDate date, LocalDate today) {
        int count = 0;
        for (LocalDate day = date.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (isSchoolDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * An occurrence on {@code date} still undocumented {@code today} is overdue once
     * {@code schoolDays} school days have passed since it.
     */
    public boolean overdue(LocalDate date, LocalDate today, int schoolDays) {
        return after(date, today) >= schoolDays;
    }
}
