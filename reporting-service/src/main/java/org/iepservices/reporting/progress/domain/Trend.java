package org.iepservices.reporting.progress.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Least-squares line through the last N measurements of a goal, x in days. The slope is reported
 * per week because that is how providers and families think about progress; the direction is
 * FLAT while the slope stays within the threshold either way, and otherwise IMPROVING when the
 * values move the way the goal wants ({@link GoalDirection}: up for INCREASE, down for DECREASE).
 *
 * @param direction    IMPROVING / DECLINING in the goal's terms (values falling on a DECREASE goal improve)
 * @param slopePerWeek value change per week (null when INSUFFICIENT_DATA)
 * @param pointsUsed   how many measurements the line was fitted to
 * @param from         date of the first measurement used
 * @param to           date of the last measurement used
 * @param flatThresholdPerWeek the threshold the direction was judged with
 */
public record Trend(TrendDirection direction, Double slopePerWeek, int pointsUsed, LocalDate from, LocalDate to,
                    double flatThresholdPerWeek, Double intercept) {

    /**
     * Fits the trend of {@code measurements} (in date order) over the last {@code window} of them.
     * Needs at least {@code minPoints} (and at least 2) measurements on at least 2 different days.
     */
    public static Trend fit(List<Measurement> measurements, int window, int minPoints, double flatThresholdPerWeek) {
        return fit(measurements, window, minPoints, flatThresholdPerWeek, GoalDirection.INCREASE);
    }

    /** As {@link #fit(List, int, int, double)}, IMPROVING meaning a move the way {@code goal} wants. */
    public static Trend fit(List<Measurement> measurements, int window, int minPoints, double flatThresholdPerWeek,
                            GoalDirection goal) {
        List<Measurement> used = measurements.subList(Math.max(0, measurements.size() - window), measurements.size());
        LocalDate from = used.isEmpty() ? null : used.get(0).date();
        LocalDate to = used.isEmpty() ? null : used.get(used.size() - 1).date();
        if (used.size() < Math.max(2, minPoints)) {
            return new Trend(TrendDirection.INSUFFICIENT_DATA, null, used.size(), from, to, flatThresholdPerWeek, null);
        }
        int n = used.size();
        double meanX = 0;
        double meanY = 0;
        for (Measurement m : used) {
            meanX += x(from, m.date());
            meanY += m.value();
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (Measurement m : used) {
            double dx = x(from, m.date()) - meanX;
            sxy += dx * (m.value() - meanY);
            sxx += dx * dx;
        }
        if (sxx == 0) { // every point on the same day: no line through time
            return new Trend(TrendDirection.INSUFFICIENT_DATA, null, n, from, to, flatThresholdPerWeek, null);
        }
        double slopePerDay = sxy / sxx;
        double intercept = meanY - slopePerDay * meanX;
        double perWeek = slopePerDay * 7;
        double progress = goal.progress(perWeek);
        TrendDirection direction = progress > flatThresholdPerWeek ? TrendDirection.IMPROVING
                : progress < -flatThresholdPerWeek ? TrendDirection.DECLINING
                : TrendDirection.FLAT;
        return new Trend(direction, perWeek, n, from, to, flatThresholdPerWeek, intercept);
    }

    /** Whether the values themselves rise (true), fall (false) or neither (null: flat or no line). */
    public Boolean valuesRising() {
        if (!fitted() || direction == TrendDirection.FLAT) {
            return null;
        }
        return slopePerWeek > 0;
    }

    public boolean fitted() {
        return slopePerWeek != null;
    }

    /** The fitted line's value on {@code date}; only for a fitted trend. */
    public double valueOn(LocalDate date) {
        if (!fitted()) {
            throw new IllegalStateException("no line was fitted");
        }
        return intercept + slopePerWeek / 7 * x(from, date);
    }

    private static double x(LocalDate origin, LocalDate date) {
        return ChronoUnit.DAYS.between(origin, date);
    }
}
