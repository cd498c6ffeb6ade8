package org.iepservices.reporting.progress.domain;

import java.util.Collection;

/**
 * The number a goal's progress is plotted and judged in. Percent-accuracy, interval and scored
 * probe data are percentages (0-100); frequency goals are counts per session; duration goals are
 * seconds or minutes (as the goal is written); rubric goals are scores on the goal's scale. Whether
 * higher or lower is better is the goal's {@link GoalDirection}, not the metric's.
 */
public enum GoalMetric {
    PERCENT("percentage points", "%"),
    COUNT("per session", ""),
    SECONDS("seconds", " s"),
    MINUTES("minutes", " min"),
    SCORE("rubric points", "");

    private final String unitWords;
    private final String suffix;

    GoalMetric(String unitWords, String suffix) {
        this.unitWords = unitWords;
        this.suffix = suffix;
    }

    public String unitWords() {
        return unitWords;
    }

    public String suffix() {
        return suffix;
    }

    /** The metric's values cannot be below 0 (all of them) or above 100 (percentages). */
    public double clamp(double value, Integer scaleMin, Integer scaleMax) {
        double low = this == SCORE && scaleMin != null ? scaleMin : 0;
        double high = this == PERCENT ? 100 : this == SCORE && scaleMax != null ? scaleMax : Double.MAX_VALUE;
        return Math.max(low, Math.min(high, value));
    }

    /** The metric of a goal measured by {@code measurementMethod}, before any data (see {@link #of(String, String, Collection)}). */
    public static GoalMetric of(String measurementMethod, Collection<GoalDataPoint> points) {
        return of(measurementMethod, null, points);
    }

    /**
     * The IEP's measurement method decides (FREQUENCY: counts; DURATION: seconds or minutes as
     * {@code durationUnit} says, seconds by default; RUBRIC: scores; PERCENT_ACCURACY and the rest:
     * percent). When the goal is not known yet or names no method, the data decides: percent if any
     * point can be read as a percentage, else counts, else durations (seconds), else rubric scores,
     * else percent.
     */
    public static GoalMetric of(String measurementMethod, String durationUnit, Collection<GoalDataPoint> points) {
        if ("FREQUENCY".equals(measurementMethod)) {
            return COUNT;
        }
        if ("DURATION".equals(measurementMethod)) {
            return "MINUTES".equals(durationUnit) ? MINUTES : SECONDS;
        }
        if ("RUBRIC".equals(measurementMethod)) {
            return SCORE;
        }
        if (measurementMethod != null) {
            return PERCENT;
        }
        if (points.stream().anyMatch(p -> p.percentValue() != null)) {
            return PERCENT;
        }
        if (points.stream().anyMatch(p -> p.count() != null)) {
            return COUNT;
        }
        if (points.stream().anyMatch(p -> p.durationSeconds() != null)) {
            return SECONDS;
        }
        if (points.stream().anyMatch(p -> p.rubricScore() != null)) {
            return SCORE;
        }
        return PERCENT;
    }
}
