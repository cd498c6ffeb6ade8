package org.iepservices.reporting.progress.domain;

/**
 * The tunable numbers of the trend and status rules (configuration keys {@code progress.*}).
 *
 * @param trendWindow        N: the trend is fitted to the last N data points of a goal
 * @param minPoints          below this many data points a goal has INSUFFICIENT_DATA
 * @param metConsecutive     k: the goal is MET when its last k points are all at or above target
 * @param flatPercentPerWeek a slope smaller than this (percentage points per week, either sign) is FLAT
 * @param flatCountPerWeek   the same threshold for frequency goals (count per session, per week)
 * @param flatSecondsPerWeek the same threshold for duration goals, in seconds per week (minutes goals use
 *                           it divided by 60)
 * @param flatScorePerWeek   the same threshold for rubric goals (rubric points per week)
 */
public record ProgressRules(int trendWindow, int minPoints, int metConsecutive, double flatPercentPerWeek,
                            double flatCountPerWeek, double flatSecondsPerWeek, double flatScorePerWeek) {

    /** The defaults documented in the README. */
    public static final ProgressRules DEFAULTS = new ProgressRules(6, 3, 3, 1.0, 0.5, 2.0, 0.1);

    /** The rules with the default thresholds for durations and rubric scores. */
    public ProgressRules(int trendWindow, int minPoints, int metConsecutive, double flatPercentPerWeek,
                         double flatCountPerWeek) {
        this(trendWindow, minPoints, metConsecutive, flatPercentPerWeek, flatCountPerWeek, 2.0, 0.1);
    }

    public ProgressRules {
        if (trendWindow < 2) {
            throw new IllegalArgumentException("a trend needs a window of at least 2 points");
        }
        if (minPoints < 1 || metConsecutive < 1) {
            throw new IllegalArgumentException("minPoints and metConsecutive must be at least 1");
        }
        if (flatPercentPerWeek < 0 || flatCountPerWeek < 0 || flatSecondsPerWeek < 0 || flatScorePerWeek < 0) {
            throw new IllegalArgumentException("flat thresholds must not be negative");
        }
    }

    public double flatThreshold(GoalMetric metric) {
        return switch (metric) {
            case PERCENT -> flatPercentPerWeek;
            case COUNT -> flatCountPerWeek;
            case SECONDS -> flatSecondsPerWeek;
            case MINUTES -> flatSecondsPerWeek / 60;
            case SCORE -> flatScorePerWeek;
        };
    }
}
