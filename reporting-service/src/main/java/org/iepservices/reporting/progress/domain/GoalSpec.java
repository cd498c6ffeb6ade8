package org.iepservices.reporting.progress.domain;

/**
 * What the IEP says about how a goal is judged: its measurement method, which way is better, and
 * its numeric target: {@code targetPercent} for percentage goals, {@code targetValue} in the goal's
 * own measure otherwise (count per session, duration in {@code durationUnit}, rubric score on
 * {@code scaleMin}..{@code scaleMax}). Every part may be missing (a goal known only from session data).
 */
public record GoalSpec(String measurementMethod, GoalDirection direction, Integer targetPercent, Double targetValue,
                       String durationUnit, Integer scaleMin, Integer scaleMax) {

    /** A goal of unknown wording: higher is better, no target. */
    public static final GoalSpec UNKNOWN = new GoalSpec(null, GoalDirection.INCREASE, null, null, null, null, null);

    public GoalSpec {
        direction = direction == null ? GoalDirection.INCREASE : direction;
    }

    /** A goal as written before direction and measure details existed: higher is better, target in percent. */
    public static GoalSpec percentGoal(String measurementMethod, Integer targetPercent) {
        return new GoalSpec(measurementMethod, GoalDirection.INCREASE, targetPercent, null, null, null, null);
    }

    /** The target in {@code metric}, null when the goal gives none in that measure. */
    public Double target(GoalMetric metric) {
        return switch (metric) {
            case PERCENT -> targetPercent == null ? null : targetPercent.doubleValue();
            case COUNT, SECONDS, MINUTES, SCORE -> targetValue;
        };
    }
}
