package org.iepservices.reporting.progress.domain;

import org.iepservices.events.ServiceSetting;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One data point on an IEP goal: what the provider recorded for the goal in one session, with the
 * session's date and setting (after any addendum). Which measurement fields are set depends on
 * {@code measure} (TRIALS, FREQUENCY, INTERVAL, PROBE, DURATION, RUBRIC), as in
 * {@code SessionCompleted.GoalData}.
 */
public record GoalDataPoint(
        UUID sessionLogId,
        UUID goalId,
        LocalDate date,
        ServiceSetting setting,
        String measure,
        Integer correct,
        Integer total,
        Double percent,
        Integer count,
        Integer intervalsObserved,
        Integer intervalsWithBehavior,
        String cueLevel,
        String probeResult,
        String note,
        Integer durationSeconds,
        Integer rubricScore) {

    /** A point of the measures that existed before DURATION and RUBRIC. */
    public GoalDataPoint(UUID sessionLogId, UUID goalId, LocalDate date, ServiceSetting setting, String measure,
                         Integer correct, Integer total, Double percent, Integer count, Integer intervalsObserved,
                         Integer intervalsWithBehavior, String cueLevel, String probeResult, String note) {
        this(sessionLogId, goalId, date, setting, measure, correct, total, percent, count, intervalsObserved,
                intervalsWithBehavior, cueLevel, probeResult, note, null, null);
    }

    /**
     * The point as a percentage: the recorded percent, else correct/total for trials, else the
     * share of observed intervals with the behaviour. Null when the point has none of these.
     */
    public Double percentValue() {
        if (percent != null) {
            return percent;
        }
        if (correct != null && total != null && total > 0) {
            return 100.0 * correct / total;
        }
        if (intervalsWithBehavior != null && intervalsObserved != null && intervalsObserved > 0) {
            return 100.0 * intervalsWithBehavior / intervalsObserved;
        }
        return null;
    }

    /** The point's value in {@code metric}, or null when it was not measured that way. */
    public Double valueIn(GoalMetric metric) {
        return switch (metric) {
            case PERCENT -> percentValue();
            case COUNT -> count == null ? null : count.doubleValue();
            case SECONDS -> durationSeconds == null ? null : durationSeconds.doubleValue();
            case MINUTES -> durationSeconds == null ? null : durationSeconds / 60.0;
            case SCORE -> rubricScore == null ? null : rubricScore.doubleValue();
        };
    }
}
