package org.iepservices.reporting.progress.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Trend and status of one goal from its data points: the rules of "goal progress" in one place.
 * Points that carry no value in the goal's metric (e.g. a cue level only) are listed elsewhere but
 * not used here. "Improving" and "meets the target" follow the goal's direction.
 */
public record GoalEvaluation(GoalMetric metric, GoalSpec spec, List<Measurement> measurements, Trend trend,
                             StatusVerdict status) {

    /** Higher is better or lower is better, as the IEP says. */
    public GoalDirection direction() {
        return spec.direction();
    }

    /**
     * A goal written before direction and measure details existed: higher is better, target in percent.
     *
     * @param measurementMethod the goal's IEP measurement method (null if unknown)
     * @param targetPercent     the goal's numeric target in percent (null if none)
     * @param iepEndDate        when the goal's IEP ends (null if unknown)
     */
    public static GoalEvaluation of(String measurementMethod, Integer targetPercent, LocalDate iepEndDate,
                                    List<GoalDataPoint> points, ProgressRules rules) {
        return of(GoalSpec.percentGoal(measurementMethod, targetPercent), iepEndDate, points, rules);
    }

    public static GoalEvaluation of(GoalSpec spec, LocalDate iepEndDate, List<GoalDataPoint> points,
                                    ProgressRules rules) {
        GoalMetric metric = GoalMetric.of(spec.measurementMethod(), spec.durationUnit(), points);
        List<Measurement> measurements = points.stream()
                .filter(p -> p.valueIn(metric) != null)
                .sorted(Comparator.comparing(GoalDataPoint::date))
                .map(p -> new Measurement(p.date(), p.valueIn(metric)))
                .toList();
        Trend trend = Trend.fit(measurements, rules.trendWindow(), rules.minPoints(), rules.flatThreshold(metric),
                spec.direction());
        // A percent target says nothing about counts, and the reverse: only a target in the metric counts.
        Double target = spec.target(metric);
        StatusVerdict status = GoalStatusRule.evaluate(measurements, trend, target, iepEndDate, metric,
                spec.direction(), spec.scaleMin(), spec.scaleMax(), rules);
        return new GoalEvaluation(metric, spec, measurements, trend, status);
    }
}
