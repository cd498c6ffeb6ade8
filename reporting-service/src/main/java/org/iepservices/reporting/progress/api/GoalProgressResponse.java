package org.iepservices.reporting.progress.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ServiceSetting;
import org.iepservices.reporting.progress.domain.GoalDataPoint;
import org.iepservices.reporting.progress.domain.GoalMetric;
import org.iepservices.reporting.progress.domain.GoalStatus;
import org.iepservices.reporting.progress.domain.PlainWords;
import org.iepservices.reporting.progress.domain.ProgressRules;
import org.iepservices.reporting.progress.domain.StatusVerdict;
import org.iepservices.reporting.progress.domain.Trend;
import org.iepservices.reporting.progress.domain.TrendDirection;
import org.iepservices.reporting.progress.service.GoalProgress;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A goal's data points, trend and status against its IEP target")
public record GoalProgressResponse(
        UUID studentId,
        UUID goalId,
        @Schema(description = "False while no IEP event naming this goal has arrived: the goal is known only from session data")
        boolean goalKnown,
        UUID iepId,
        @Schema(description = "Whether the IEP in force lists this goal (or a goal it continues)")
        boolean inCurrentIep,
        @Schema(description = "Goals of earlier IEP versions this goal continues (continuesGoalId), nearest first; "
                + "their data points are listed here too")
        List<UUID> continuesGoalIds,
        String area,
        String description,
        String baseline,
        String target,
        Integer targetPercent,
        String measurementMethod,
        String skillStage,
        String serviceType,
        LocalDate iepEndDate,
        @Schema(description = "What the points are plotted and judged in: PERCENT (0-100) or COUNT per session")
        GoalMetric metric,
        int pointCount,
        int pushInPoints,
        int pullOutPoints,
        List<Point> points,
        TrendView trend,
        StatusView status) {

    @Schema(description = "One session's data on the goal. value is the point in the goal's metric (null when the point has none, e.g. a cue level only)")
    public record Point(LocalDate date, UUID sessionLogId, ServiceSetting setting, Double value, String measure,
                        Integer correct, Integer total, Double percent, Integer count, Integer intervalsObserved,
                        Integer intervalsWithBehavior, String cueLevel, String probeResult, String note,
                        @Schema(description = "The goal the session recorded the point for (an earlier version's "
                                + "goal for data from before the amendment)") UUID goalId) {
    }

    @Schema(description = "Least-squares slope over the last `window` points; FLAT within the threshold either way")
    public record TrendView(TrendDirection direction, Double slopePerWeek, String unit, int window, int pointsUsed,
                            LocalDate from, LocalDate to, double flatThresholdPerWeek, String explanation) {
    }

    @Schema(description = "MET: last `metConsecutive` points at or above target; ON_TRACK / NOT_ON_TRACK: the trend "
            + "line's value at the IEP end date; INSUFFICIENT_DATA: fewer than `minPoints` points; NO_TARGET: no numeric target")
    public record StatusView(GoalStatus status, Double target, LocalDate projectionDate, Double projectedValue,
                             int lastAtOrAboveTarget, int minPoints, int metConsecutive, String explanation) {
    }

    static GoalProgressResponse of(GoalProgress g, ProgressRules rules) {
        GoalMetric metric = g.evaluation().metric();
        List<Point> points = g.points().stream().map(p -> point(p, metric)).toList();
        var w = g.wording();
        return new GoalProgressResponse(g.studentId(), g.goalId(), g.known(), g.iep() == null ? null : g.iep().iepId(),
                g.inCurrentIep(), g.continuesGoalIds(), w == null ? null : w.area, w == null ? null : w.description,
                w == null ? null : w.baseline, w == null ? null : w.target, w == null ? null : w.targetPercent,
                w == null ? null : w.measurementMethod, w == null ? null : w.skillStage,
                w == null ? null : w.serviceType, g.iepEndDate(), metric, points.size(),
                (int) g.points().stream().filter(p -> p.setting() == ServiceSetting.PUSH_IN).count(),
                (int) g.points().stream().filter(p -> p.setting() == ServiceSetting.PULL_OUT).count(),
                points, trend(g.evaluation().trend(), metric, rules), status(g, rules));
    }

    private static Point point(GoalDataPoint p, GoalMetric metric) {
        return new Point(p.date(), p.sessionLogId(), p.setting(), p.valueIn(metric), p.measure(), p.correct(),
                p.total(), p.percent(), p.count(), p.intervalsObserved(), p.intervalsWithBehavior(), p.cueLevel(),
                p.probeResult(), p.note(), p.goalId());
    }

    private static TrendView trend(Trend t, GoalMetric metric, ProgressRules rules) {
        String unit = metric.unitWords() + " per week";
        String explanation = switch (t.direction()) {
            case INSUFFICIENT_DATA -> "Fewer than " + Math.max(2, rules.minPoints())
                    + " points on at least two different days: no trend";
            case IMPROVING, DECLINING, FLAT -> "Slope " + PlainWords.number(t.slopePerWeek()) + " " + unit
                    + " over " + t.pointsUsed() + " points; FLAT within \u00b1"
                    + PlainWords.number(t.flatThresholdPerWeek());
        };
        return new TrendView(t.direction(), t.slopePerWeek(), unit, rules.trendWindow(), t.pointsUsed(), t.from(),
                t.to(), t.flatThresholdPerWeek(), explanation);
    }

    private static StatusView status(GoalProgress g, ProgressRules rules) {
        StatusVerdict v = g.evaluation().status();
        GoalMetric metric = g.evaluation().metric();
        int measured = g.evaluation().measurements().size();
        String explanation = switch (v.status()) {
            case INSUFFICIENT_DATA -> measured < rules.minPoints()
                    ? measured + " of the " + rules.minPoints() + " points needed"
                    : "No trend line could be fitted (all points on one day)";
            case NO_TARGET -> "The goal has no numeric target in " + metric.name().toLowerCase() + " terms";
            case MET -> "The last " + v.lastAtOrAboveTarget() + " points are at or above the target of "
                    + PlainWords.value(v.target(), metric);
            case ON_TRACK, NOT_ON_TRACK -> "The trend line reads " + PlainWords.value(v.projectedValue(), metric)
                    + " on " + v.projectionDate() + (v.status() == GoalStatus.ON_TRACK ? ", at or above" : ", below")
                    + " the target of " + PlainWords.value(v.target(), metric);
        };
        return new StatusView(v.status(), v.target(), v.projectionDate(), v.projectedValue(), v.lastAtOrAboveTarget(),
                rules.minPoints(), rules.metConsecutive(), explanation);
    }
}
