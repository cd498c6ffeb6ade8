package org.iepservices.schedule.domain.scheduling;

import java.time.Duration;
import java.time.LocalTime;

/** A time of day from {@code start} (inclusive) to {@code end} (exclusive). */
public record TimeSpan(LocalTime start, LocalTime end) {

    public TimeSpan {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a time span ends after it starts: " + start + "-" + end);
        }
    }

    public static TimeSpan of(LocalTime start, int minutes) {
        return new TimeSpan(start, start.plusMinutes(minutes));
    }

    /** Whether {@code minutes} from {@code start} stay within the day (no wrap past midnight). */
    public static boolean fitsInDay(LocalTime start, int minutes) {
        return minutes > 0 && start.toSecondOfDay() + minutes * 60L < 24 * 3600L;
    }

    public int minutes() {
        return (int) Duration.between(start, end).toMinutes();
    }

    public boolean overlaps(TimeSpan other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeSpan other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public int overlapMinutes(TimeSpan other) {
        if (!overlaps(other)) {
            return 0;
        }
        LocalTime from = start.isAfter(other.start) ? start : other.start;
        LocalTime to = end.isBefore(other.end) ? end : other.end;
        return (int) Duration.between(from, to).toMinutes();
    }

    /** Minutes between this span and {@code other} (0 when they touch or overlap). */
    public int gapTo(TimeSpan other) {
        if (overlaps(other)) {
            return 0;
        }
        return (int) (other.start.isBefore(start) ? Duration.between(other.end, start) : Duration.between(end,
                other.start)).toMinutes();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
