package org.iepservices.reporting.progress.domain;

import java.util.Collection;

/**
 * The number a goal's progress is plotted and judged in. Percent-accuracy, interval and scored
 * probe data are percentages (0-100); frequency goals are counts per session. Higher is taken to
 * be better for both: IEP goals in this system are written as skills to increase.
 */
public enum GoalMetric {
    PERCENT("percentage points", "%"),
    COUNT("per session", "");

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

    /**
     * The IEP's measurement method decides (FREQUENCY: counts; PERCENT_ACCURACY and the rest:
     * percent). When the goal is not known yet or names no method, the data decides: percent if any
     * point can be read as a percentage, else counts if any point has one, else percent.
     */
    public static GoalMetric of(String measurementMethod, Collection<GoalDataPoint> points) {
        if ("FREQUENCY".equals(measurementMethod)) {
            return COUNT;
        }
        if (measurementMethod != null) {
            return PERCENT;
        }
        boolean anyPercent = points.stream().anyMatch(p -> p.percentValue() != null);
        boolean anyCount = points.stream().anyMatch(p -> p.count() != null);
        return !anyPercent && anyCount ? COUNT : PERCENT;
    }
}
