package org.iepservices.schedule.domain.scheduling;

import org.iepservices.events.ServiceSetting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Time already taken: a weekly series pattern on {@code day} from {@code from} to {@code to},
 * minus the dates whose occurrence was cancelled or moved away ({@code skipped}); or one moved
 * occurrence ({@code occurrenceId} set, {@code from == to}). {@code students} maps each student
 * to the mandate the session serves.
 */
public record Booking(UUID seriesId, UUID occurrenceId, UUID schoolId, ServiceSetting setting, DayOfWeek day,
                      TimeSpan time, LocalDate from, LocalDate to, Set<LocalDate> skipped,
                      Map<UUID, UUID> students) {

    public Booking {
        skipped = Set.copyOf(skipped);
        students = Map.copyOf(students);
    }

    public static Booking single(UUID seriesId, UUID occurrenceId, UUID schoolId, ServiceSetting setting,
                                 LocalDate date, TimeSpan time, Map<UUID, UUID> students) {
        return new Booking(seriesId, occurrenceId, schoolId, setting, date.getDayOfWeek(), time, date, date, Set.of(),
                students);
    }

    /** A weekly pattern (a series), not one moved occurrence. */
    public boolean recurring() {
        return occurrenceId == null;
    }

    public boolean occursOn(LocalDate date) {
        return date.getDayOfWeek() == day && !date.isBefore(from) && !date.isAfter(to) && !skipped.contains(date);
    }

    public List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from.with(TemporalAdjusters.nextOrSame(day)); !d.isAfter(to); d = d.plusWeeks(1)) {
            if (!skipped.contains(d)) {
                dates.add(d);
            }
        }
        return dates;
    }

    /** The first date both take place on, if any. */
    public Optional<LocalDate> firstDateShared(Booking other) {
        if (other.day != day || other.to.isBefore(from) || other.from.isAfter(to)) {
            return Optional.empty();
        }
        return dates().stream().filter(other::occursOn).findFirst();
    }

    /** Whether the date ranges overlap at all (ignoring weekdays). */
    public boolean overlapsPeriod(LocalDate start, LocalDate end) {
        return !to.isBefore(start) && !from.isAfter(end);
    }
}
