package org.iepservices.reporting.domain.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The days of one school as the events tell them.
 *
 * <p>With no calendar known for the school (no {@code CalendarChanged} yet), every weekday is an
 * instructional day, as before calendars were published. Once the school has calendars, only the
 * weekdays inside one of its school years count, and inside a year only its instructional days.
 *
 * <p>Three notions, because the rules need all three:
 * <ul>
 *   <li>an <b>instructional day</b> is a day the calendar planned instruction on: it carries the
 *   mandate. A closure (a {@code SchoolClosed} date or a day off of kind CLOSURE) stays an
 *   instructional day here: what a closure costs is the closure policy's verdict on its misses
 *   (owed or not), never a lower mandate;</li>
 *   <li>a <b>non-instructional day</b> is a weekday inside the school year the calendar plans no
 *   instruction on (HOLIDAY, BREAK, PROFESSIONAL_DAY): the holiday policy decides what it does to
 *   the mandate;</li>
 *   <li>a <b>school day</b> is an instructional day that is not closed: students are in school,
 *   so a session can take place (the forecast's days left, a report's share of a period).</li>
 * </ul>
 */
public record SchoolCalendar(Set<LocalDate> closures, List<SchoolYear> years) {

    public static final SchoolCalendar WEEKDAYS = new SchoolCalendar(Set.of());

    /** The kind of a day off that is a closure, not a planned day without instruction. */
    public static final String CLOSURE = "CLOSURE";

    /**
     * One school year of the school's calendar: {@code instructional} the planned instructional
     * days (when the calendar lists none, every weekday not listed as a day off), {@code daysOff}
     * the weekdays without instruction with their kind.
     */
    public record SchoolYear(LocalDate firstDay, LocalDate lastDay, Set<LocalDate> instructional,
                             Map<LocalDate, String> daysOff) {
        public SchoolYear {
            instructional = Set.copyOf(instructional);
            daysOff = Map.copyOf(daysOff);
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(firstDay) && !date.isAfter(lastDay);
        }

        boolean closed(LocalDate date) {
            return CLOSURE.equals(daysOff.get(date));
        }

        boolean plannedOff(LocalDate date) {
            return daysOff.containsKey(date) && !closed(date);
        }

        boolean plannedInstruction(LocalDate date) {
            if (closed(date)) {
                return true;
            }
            return instructional.isEmpty() ? !plannedOff(date) : instructional.contains(date);
        }
    }

    public SchoolCalendar(Set<LocalDate> closures) {
        this(closures, List.of());
    }

    public SchoolCalendar {
        closures = Set.copyOf(closures);
        years = List.copyOf(years);
    }

    private static boolean weekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    private Optional<SchoolYear> yearOf(LocalDate date) {
        return years.stream().filter(y -> y.contains(date)).findFirst();
    }

    /** Inside a school year of the school (always, while no calendar is known). */
    public boolean inSchoolYear(LocalDate date) {
        return years.isEmpty() || yearOf(date).isPresent();
    }

    /** A weekday the calendar planned instruction on (closures included): it carries the mandate. */
    public boolean isInstructional(LocalDate date) {
        if (!weekday(date)) {
            return false;
        }
        return years.isEmpty() || yearOf(date).map(y -> y.plannedInstruction(date)).orElse(false);
    }

    /** A weekday inside the school year without planned instruction (holiday, break, professional day). */
    public boolean isNonInstructional(LocalDate date) {
        return weekday(date) && yearOf(date).map(y -> y.plannedOff(date)).orElse(false);
    }

    public boolean isClosed(LocalDate date) {
        return closures.contains(date) || yearOf(date).map(y -> y.closed(date)).orElse(false);
    }

    /** Students are in school: an instructional day that is not closed. */
    public boolean isSchoolDay(LocalDate date) {
        return isInstructional(date) && !isClosed(date);
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

    /** Instructional days in [from, to] (closures included). */
    public int countInstructionalDays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isInstructional(d)) {
                count++;
            }
        }
        return count;
    }

    /** Weekdays in [from, to] inside a school year, instructional or not. */
    public int countSchoolYearWeekdays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (weekday(d) && inSchoolYear(d)) {
                count++;
            }
        }
        return count;
    }

    /** Weekdays in [from, to]: a full period's days, what a weekly or monthly mandate is stated for. */
    public static int countWeekdays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (weekday(d)) {
                count++;
            }
        }
        return count;
    }
}
