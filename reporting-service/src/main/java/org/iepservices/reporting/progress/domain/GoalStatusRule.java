package org.iepservices.reporting.progress.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Decides a goal's status, in this order:
 * <ol>
 *   <li>INSUFFICIENT_DATA when there are fewer than {@code minPoints} measurements;</li>
 *   <li>NO_TARGET when there is no numeric target to compare with;</li>
 *   <li>MET when the last {@code metConsecutive} measurements all meet the target: at or above it for
 *       an INCREASE goal, at or below it for a DECREASE goal (fewer disfluencies, shorter outbursts);</li>
 *   <li>otherwise the trend line is projected to the IEP's end date: ON_TRACK when it reaches the
 *       target there (the same way), NOT_ON_TRACK when it does not, INSUFFICIENT_DATA when no line
 *       could be fitted. Without an end date the line is read at the last measurement (the current
 *       level). The projection stays within the metric's range (0-100 %, never below 0, on the rubric).</li>
 * </ol>
 */
public final class GoalStatusRule {

    private GoalStatusRule() {
    }

    public static StatusVerdict evaluate(List<Measurement> measurements, Trend trend, Double target,
                                         LocalDate iepEndDate, GoalMetric metric, ProgressRules rules) {
        return evaluate(measurements, trend, target, iepEndDate, metric, GoalDirection.INCREASE, null, null, rules);
    }

    public static StatusVerdict evaluate(List<Measurement> measurements, Trend trend, Double target,
                                         LocalDate iepEndDate, GoalMetric metric, GoalDirection direction,
                                         Integer scaleMin, Integer scaleMax, ProgressRules rules) {
        int streak = 0;
        if (target != null) {
            for (int i = measurements.size() - 1; i >= 0 && direction.meets(measurements.get(i).value(), target); i--) {
                streak++;
            }
        }
        if (measurements.size() < rules.minPoints()) {
            return new StatusVerdict(GoalStatus.INSUFFICIENT_DATA, target, null, null, streak);
        }
        if (target == null) {
            return new StatusVerdict(GoalStatus.NO_TARGET, null, null, null, streak);
        }
        if (streak >= rules.metConsecutive()) {
            return new StatusVerdict(GoalStatus.MET, target, null, null, streak);
        }
        if (!trend.fitted()) {
            return new StatusVerdict(GoalStatus.INSUFFICIENT_DATA, target, null, null, streak);
        }
        LocalDate on = iepEndDate != null ? iepEndDate : trend.to();
        double projected = metric.clamp(trend.valueOn(on), scaleMin, scaleMax);
        return new StatusVerdict(direction.meets(projected, target) ? GoalStatus.ON_TRACK : GoalStatus.NOT_ON_TRACK, target, on,
                projected, streak);
    }
}
