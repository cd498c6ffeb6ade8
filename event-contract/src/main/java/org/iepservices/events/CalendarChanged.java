package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A school's calendar for a school year was created or changed (also after a closure or a
 * bell-schedule override on a date). The subject is the school id. It carries the whole year,
 * not a delta, so a consumer keeps the latest one per school and year and can rebuild from it:
 * {@code instructionalDays} are the weekdays between the first and last day on which students
 * are in school (early-release days included), {@code nonInstructionalDays} the weekdays without
 * instruction with their kind (HOLIDAY, BREAK, PROFESSIONAL_DAY, CLOSURE), and
 * {@code earlyReleaseDays} the instructional days that run a shorter bell schedule.
 * Mandated minutes are owed only on instructional days inside the school year.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CalendarChanged(
        UUID schoolId,
        String schoolYear,
        LocalDate firstDay,
        LocalDate lastDay,
        List<LocalDate> instructionalDays,
        List<DayOff> nonInstructionalDays,
        List<ShortDay> earlyReleaseDays) {

    public static final EventType<CalendarChanged> TYPE =
            new EventType<>("CalendarChanged", Topics.SCHEDULE, 1, CalendarChanged.class);

    public CalendarChanged {
        instructionalDays = instructionalDays == null ? List.of() : List.copyOf(instructionalDays);
        nonInstructionalDays = nonInstructionalDays == null ? List.of() : List.copyOf(nonInstructionalDays);
        earlyReleaseDays = earlyReleaseDays == null ? List.of() : List.copyOf(earlyReleaseDays);
    }

    /** A weekday without instruction: {@code kind} HOLIDAY, BREAK, PROFESSIONAL_DAY or CLOSURE. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DayOff(LocalDate date, String kind, String description) {
    }

    /** An instructional day on a shorter bell schedule, with that schedule's instructional minutes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShortDay(LocalDate date, UUID bellScheduleId, int instructionalMinutes) {
    }
}
