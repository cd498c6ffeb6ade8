package org.iepservices.reporting.progress.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Minutes a mandate requires over a date range, by setting. A mandate is stated per WEEK, MONTH or
 * IEP_TERM; over a range that covers only part of an interval (or a mandate that starts or ends
 * inside one) the interval's minutes are prorated by school days (Monday to Friday), the same
 * convention as the compliance projection. Holidays are not known here, so a range that is all
 * holiday still counts as school days: the caseload report says so.
 */
public final class MandatedMinutes {

    /** What a mandate requires per interval, between its dates (both inclusive). */
    public record Terms(String interval, int minutesPerSession, int pushInSessions, int pullOutSessions,
                        LocalDate start, LocalDate end) {
    }

    /** Minutes by setting. */
    public record BySetting(double pushIn, double pullOut) {
        public static final BySetting ZERO = new BySetting(0, 0);

        public BySetting plus(BySetting other) {
            return new BySetting(pushIn + other.pushIn, pullOut + other.pullOut);
        }

        public double total() {
            return pushIn + pullOut;
        }
    }

    private MandatedMinutes() {
    }

    public static BySetting over(Terms terms, LocalDate from, LocalDate to, DayOfWeek weekStart) {
        LocalDate first = max(from, terms.start());
        LocalDate last = min(to, terms.end());
        if (last.isBefore(first)) {
            return BySetting.ZERO;
        }
        double intervals = switch (terms.interval()) {
            case "WEEK" -> shares(first, last, first.with(TemporalAdjusters.previousOrSame(weekStart)), true);
            case "MONTH" -> shares(first, last, first.withDayOfMonth(1), false);
            case "IEP_TERM" -> share(first, last, terms.start(), terms.end());
            default -> throw new IllegalArgumentException("unknown mandate interval " + terms.interval());
        };
        return new BySetting(intervals * terms.pushInSessions() * terms.minutesPerSession(),
                intervals * terms.pullOutSessions() * terms.minutesPerSession());
    }

    /** Sum over the weeks (or months) from {@code start} of the share of each one's school days in [first, last]. */
    private static double shares(LocalDate first, LocalDate last, LocalDate start, boolean weeks) {
        double total = 0;
        for (LocalDate period = start; !period.isAfter(last); period = weeks ? period.plusWeeks(1) : period.plusMonths(1)) {
            LocalDate periodEnd = (weeks ? period.plusWeeks(1) : period.plusMonths(1)).minusDays(1);
            total += share(max(first, period), min(last, periodEnd), period, periodEnd);
        }
        return total;
    }

    private static double share(LocalDate from, LocalDate to, LocalDate periodStart, LocalDate periodEnd) {
        int all = schoolDays(periodStart, periodEnd);
        return all == 0 || to.isBefore(from) ? 0 : (double) schoolDays(from, to) / all;
    }

    static int schoolDays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
