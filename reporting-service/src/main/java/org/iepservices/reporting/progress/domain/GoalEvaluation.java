package org.iepservices.reporting.progress.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Trend and status of one goal from its data points: the rules of "goal progress" in one place.
 * Points that carry no value in the goal's metric (e.g. a cue level only) are listed elsewhere but
 * not used here.
 */
public record GoalEvaluation(GoalMetric metric, List<Measurement> measurements, Trend trend, StatusVerdict status) {

    /**
     * @param measurementMethod the goal's IEP measurement method (null if unknown)
     * @param targetPercent     the goal's numeric target in percent (null if none)
     * @param iepEndDate        when the goal's IEP ends (null if unknown)
     */
    public static GoalEvaluation of(String measurementMethod, Integer targetPercent, LocalDate iepEndDate,
                                    List<GoalDataPoint> points, ProgressRules rules) {
        GoalMetric metric = GoalMetric.of(measurementMethod, points);
        List<Measurement> measurements = points.stream()
                .filter(p -> p.valueIn(metric) != null)
                .sorted(Comparator.comparing(GoalDataPoint::date))
                .map(p -> new Measurement(p.date(), p.valueIn(metric)))
                .toList();
        Trend trend = Trend.fit(measurements, rules.trendWindow(), rules.minPoints(), rules.flatThreshold(metric));
        // A percent target says nothing about counts: a frequency goal has no numeric target here.
        Double target = metric == GoalMetric.PERCENT && targetPercent != null ? targetPercent.doubleValue() : null;
        StatusVerdict status = GoalStatusRule.evaluate(measurements, trend, target, iepEndDate, metric, rules);
        return new GoalEvaluation(metric, measurements, trend, status);
    }
}
