package org.iepservices.schedule.domain;

import org.iepservices.problem.Problem.Violation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The school-year rules as plain Java: a date is instructional when it is a weekday between the
 * first and last day and not a holiday, break, professional day or closure. Sessions are only
 * generated on instructional days, and compliance forecasts count them.
 */
public record SchoolYear(LocalDate firstDay, LocalDate lastDay, List<NonInstructionalDay> nonInstructionalDays) {

    /** "2026-2027": consecutive years. */
    public static boolean isValidName(String schoolYear) {
        if (schoolYear == null || !schoolYear.matches("\\d{4}-\\d{4}")) {
            return false;
        }
        return Integer.parseInt(schoolYear.substring(5)) == Integer.parseInt(schoolYear.substring(0, 4)) + 1;
    }

    public List<Violation> check() {
        List<Violation> violations = new ArrayList<>();
        if (!lastDay.isAfter(firstDay)) {
            violations.add(new Violation("lastDay", "must be after firstDay"));
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < nonInstructionalDays.size(); i++) {
            LocalDate date = nonInstructionalDays.get(i).date();
            if (date.isBefore(firstDay) || date.isAfter(lastDay)) {
                violations.add(new Violation("nonInstructionalDays[" + i + "].date",
                        date + " is outside the school year " + firstDay + " to " + lastDay));
            } else if (!seen.add(date)) {
                violations.add(new Violation("nonInstructionalDays[" + i + "].date", date + " is listed twice"));
            }
        }
        return violations;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }

    public Optional<NonInstructionalDay> exception(LocalDate date) {
        return nonInstructionalDays.stream().filter(d -> d.date().equals(date)).findFirst();
    }

    public boolean isInstructional(LocalDate date) {
        return covers(date) && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && exception(date).isEmpty();
    }

    /** The weekdays of the year without instruction, by date (a day off listed on a weekend changes nothing). */
    public List<NonInstructionalDay> weekdaysOff() {
        return nonInstructionalDays.stream()
                .filter(d -> d.date().getDayOfWeek() != DayOfWeek.SATURDAY && d.date().getDayOfWeek() != DayOfWeek.SUNDAY)
                .sorted(java.util.Comparator.comparing(NonInstructionalDay::date)).toList();
    }

    /** The instructional dates in [from, to], clipped to the school year. */
    public List<LocalDate> instructionalDays(LocalDate from, LocalDate to) {
        Map<LocalDate, NonInstructionalDay> off = nonInstructionalDays.stream()
                .collect(Collectors.toMap(NonInstructionalDay::date, Function.identity(), (a, b) -> a));
        List<LocalDate> days = new ArrayList<>();
        LocalDate start = from.isBefore(firstDay) ? firstDay : from;
        LocalDate end = to.isAfter(lastDay) ? lastDay : to;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !off.containsKey(d)) {
                days.add(d);
            }
        }
        return days;
    }
}
