package org.iepservices.reporting.progress.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ServiceSetting;
import org.iepservices.reporting.progress.domain.GoalDataPoint;
import org.iepservices.reporting.progress.domain.GoalDirection;
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
        @Schema(description = "INCREASE when higher values are better, DECREASE when lower values are (a behaviour or "
                + "disfluencies to reduce): the trend's IMPROVING/DECLINING and the status follow it")
        GoalDirection direction,
        @Schema(description = "The target in the goal's own measure when it is not a percentage (count per session, "
                + "duration in durationUnit, rubric score)")
        Double targetValue,
        @Schema(description = "DURATION goals: SECONDS or MINUTES") String durationUnit,
        @Schema(description = "RUBRIC goals: the rubric's lowest score") Integer scaleMin,
        @Schema(description = "RUBRIC goals: the rubric's highest score") Integer scaleMax,
        @Schema(description = "What the points are plotted and judged in: PERCENT (0-100), COUNT per session, SECONDS "
                + "or MINUTES (DURATION goals), SCORE on the rubric (RUBRIC goals)")
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
                                + "goal for data from before the amendment)") UUID goalId,
                        @Schema(description = "DURATION data, in seconds") Integer durationSeconds,
                        @Schema(description = "RUBRIC data: the score on the goal's scale") Integer rubricScore) {
    }

    @Schema(description = "Least-squares slope over the last `window` points; FLAT within the threshold either way. "
            + "IMPROVING means moving the way the goal wants: values rising for an INCREASE goal, falling for a "
            + "DECREASE goal (slopePerWeek keeps the values' own sign)")
    public record TrendView(TrendDirection direction, Double slopePerWeek, String unit, int window, int pointsUsed,
                            LocalDate from, LocalDate to, double flatThresholdPerWeek, String explanation) {
    }

    @Schema(description = "MET: last `metConsecutive` points meet the target (at or above it; at or below it for a "
            + "DECREASE goal); ON_TRACK / NOT_ON_TRACK: the trend line's value at the IEP end date reaches the target "
            + "or not; INSUFFICIENT_DATA: fewer than `minPoints` points; NO_TARGET: no numeric target in the metric")
    public record StatusView(GoalStatus status, Double target, LocalDate projectionDate, Double projectedValue,
                             @Schema(description = "Deprecated name of lastMeetingTarget (for a DECREASE goal it counts "
                                     + "points at or below the target)", deprecated = true) int lastAtOrAboveTarget,
                             @Schema(description = "How many of the latest points in a row meet the target")
                             int lastMeetingTarget, int minPoints, int metConsecutive, String explanation) {
    }

    static GoalProgressResponse of(GoalProgress g, ProgressRules rules) {
        GoalMetric metric = g.evaluation().metric();
        List<Point> points = g.points().stream().map(p -> point(p, metric)).toList();
        var w = g.wording();
        return new GoalProgressResponse(g.studentId(), g.goalId(), g.known(), g.iep() == null ? null : g.iep().iepId(),
                g.inCurrentIep(), g.continuesGoalIds(), w == null ? null : w.area, w == null ? null : w.description,
                w == null ? null : w.baseline, w == null ? null : w.target, w == null ? null : w.targetPercent,
                w == null ? null : w.measurementMethod, w == null ? null : w.skillStage,
                w == null ? null : w.serviceType, g.iepEndDate(), g.evaluation().direction(),
                w == null ? null : w.targetValue, w == null ? null : w.durationUnit, w == null ? null : w.scaleMin,
                w == null ? null : w.scaleMax, metric, points.size(),
                (int) g.points().stream().filter(p -> p.setting() == ServiceSetting.PUSH_IN).count(),
                (int) g.points().stream().filter(p -> p.setting() == ServiceSetting.PULL_OUT).count(),
                points, trend(g.evaluation().trend(), metric, g.evaluation().direction(), rules), status(g, rules));
    }

    private static Point point(GoalDataPoint p, GoalMetric metric) {
        return new Point(p.date(), p.sessionLogId(), p.setting(), p.valueIn(metric), p.measure(), p.correct(),
                p.total(), p.percent(), p.count(), p.intervalsObserved(), p.intervalsWithBehavior(), p.cueLevel(),
                p.probeResult(), p.note(), p.goalId(), p.durationSeconds(), p.rubricScore());
    }

    private static TrendView trend(Trend t, GoalMetric metric, GoalDirection direction, ProgressRules rules) {
        String unit = metric.unitWords() + " per week";
        String explanation = switch (t.direction()) {
            case INSUFFICIENT_DATA -> "Fewer than " + Math.max(2, rules.minPoints())
                    + " points on at least two different days: no trend";
            case IMPROVING, DECLINING, FLAT -> "Slope " + PlainWords.number(t.slopePerWeek()) + " " + unit
                    + " over " + t.pointsUsed() + " points; FLAT within \u00b1"
                    + PlainWords.number(t.flatThresholdPerWeek())
                    + (direction == GoalDirection.DECREASE ? "; lower is better for this goal" : "");
        };
        return new TrendView(t.direction(), t.slopePerWeek(), unit, rules.trendWindow(), t.pointsUsed(), t.from(),
                t.to(), t.flatThresholdPerWeek(), explanation);
    }

    private static StatusView status(GoalProgress g, ProgressRules rules) {
        StatusVerdict v = g.evaluation().status();
        GoalMetric metric = g.evaluation().metric();
        boolean lower = g.evaluation().direction() == GoalDirection.DECREASE;
        int measured = g.evaluation().measurements().size();
        String explanation = switch (v.status()) {
            case INSUFFICIENT_DATA -> measured < rules.minPoints()
                    ? measured + " of the " + rules.minPoints() + " points needed"
                    : "No trend line could be fitted (all points on one day)";
            case NO_TARGET -> "The goal has no numeric target in " + metric.name().toLowerCase() + " terms";
            case MET -> "The last " + v.lastMeetingTarget() + " points are at or " + (lower ? "below" : "above")
                    + " the target of " + PlainWords.value(v.target(), metric);
            case ON_TRACK, NOT_ON_TRACK -> "The trend line reads " + PlainWords.value(v.projectedValue(), metric)
                    + " on " + v.projectionDate() + (v.status() == GoalStatus.ON_TRACK
                    ? (lower ? ", at or below" : ", at or above") : (lower ? ", above" : ", below"))
                    + " the target of " + PlainWords.value(v.target(), metric);
        };
        return new StatusView(v.status(), v.target(), v.projectionDate(), v.projectedValue(), v.lastMeetingTarget(),
                v.lastMeetingTarget(), rules.minPoints(), rules.metConsecutive(), explanation);
    }
}
