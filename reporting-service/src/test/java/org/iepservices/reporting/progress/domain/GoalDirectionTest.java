package org.iepservices.reporting.progress.domain;

import org.iepservices.events.ServiceSetting;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The direction rules: "better" follows the goal, not the sign of the numbers. */
class GoalDirectionTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 14);
    private static final LocalDate IEP_END = MONDAY.plusWeeks(30);
    private static final ProgressRules RULES = ProgressRules.DEFAULTS;

    private static GoalSpec decreasing(String method, Double target) {
        return new GoalSpec(method, GoalDirection.DECREASE, null, target, null, null, null);
    }

    private static List<GoalDataPoint> weeklyCounts(int... counts) {
        List<GoalDataPoint> points = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            points.add(new GoalDataPoint(UUID.randomUUID(), null, MONDAY.plusWeeks(i), ServiceSetting.PULL_OUT,
                    "FREQUENCY", null, null, null, counts[i], null, null, null, null, null));
        }
        return points;
    }

    private static List<GoalDataPoint> weekly(String measure, Integer[] seconds, Integer[] scores) {
        List<GoalDataPoint> points = new ArrayList<>();
        int n = seconds != null ? seconds.length : scores.length;
        for (int i = 0; i < n; i++) {
            points.add(new GoalDataPoint(UUID.randomUUID(), null, MONDAY.plusWeeks(i), ServiceSetting.PULL_OUT,
                    measure, null, null, null, null, null, null, null, null, null,
                    seconds == null ? null : seconds[i], scores == null ? null : scores[i]));
        }
        return points;
    }

    @Test
    void aDirectionOfNothingOrUnknownIsIncrease() {
        assertEquals(GoalDirection.INCREASE, GoalDirection.of(null));
        assertEquals(GoalDirection.INCREASE, GoalDirection.of("SIDEWAYS"));
        assertEquals(GoalDirection.DECREASE, GoalDirection.of("DECREASE"));
        assertTrue(GoalDirection.DECREASE.meets(2, 3));
        assertTrue(GoalDirection.DECREASE.meets(3, 3));
        assertFalse(GoalDirection.DECREASE.meets(3.5, 3));
        assertTrue(GoalDirection.INCREASE.meets(3, 3));
        assertFalse(GoalDirection.INCREASE.meets(2, 3));
    }

    @Test
    void fallingCountsOnAReductionGoalImproveAndMeetTheTargetAtOrBelowIt() {
        GoalEvaluation e = GoalEvaluation.of(decreasing("FREQUENCY", 3.0), IEP_END, weeklyCounts(8, 6, 3, 2, 2), RULES);
        assertEquals(GoalMetric.COUNT, e.metric());
        assertEquals(TrendDirection.IMPROVING, e.trend().direction());
        assertTrue(e.trend().slopePerWeek() < 0, "the slope keeps the values' sign");
        assertEquals(Boolean.FALSE, e.trend().valuesRising());
        assertEquals(GoalStatus.MET, e.status().status());
        assertEquals(3, e.status().lastMeetingTarget());
    }

    @Test
    void risingCountsOnAReductionGoalDeclineAndAreNotOnTrack() {
        GoalEvaluation e = GoalEvaluation.of(decreasing("FREQUENCY", 3.0), IEP_END, weeklyCounts(4, 5, 6, 7), RULES);
        assertEquals(TrendDirection.DECLINING, e.trend().direction());
        assertEquals(GoalStatus.NOT_ON_TRACK, e.status().status());
        assertTrue(e.status().projectedValue() > 3.0);
        assertEquals(0, e.status().lastMeetingTarget());
    }

    @Test
    void theSameCountsOnASkillGoalReadTheOtherWay() {
        GoalSpec increase = new GoalSpec("FREQUENCY", GoalDirection.INCREASE, null, 3.0, null, null, null);
        GoalEvaluation e = GoalEvaluation.of(increase, IEP_END, weeklyCounts(8, 6, 3, 2, 2), RULES);
        assertEquals(TrendDirection.DECLINING, e.trend().direction());
        assertEquals(GoalStatus.NOT_ON_TRACK, e.status().status());
    }

    @Test
    void aReductionGoalTrendingDownIsOnTrackWhenTheLineReachesTheTargetByTheIepEnd() {
        // 20, 18, 16, 14 per session, target 5 or fewer: about -2/week reaches 5 long before week 30
        GoalEvaluation e = GoalEvaluation.of(decreasing("FREQUENCY", 5.0), IEP_END, weeklyCounts(20, 18, 16, 14),
                RULES);
        assertEquals(GoalStatus.ON_TRACK, e.status().status());
        assertEquals(0.0, e.status().projectedValue(), 1e-9, "a count projection never goes below 0");
    }

    @Test
    void aReductionPercentGoalUsesTargetPercent() {
        GoalSpec stutteredSyllables = new GoalSpec("PERCENT_ACCURACY", GoalDirection.DECREASE, 5, null, null, null,
                null);
        List<GoalDataPoint> points = new ArrayList<>();
        double[] percents = {12, 9, 5, 4, 3};
        for (int i = 0; i < percents.length; i++) {
            points.add(new GoalDataPoint(UUID.randomUUID(), null, MONDAY.plusWeeks(i), ServiceSetting.PUSH_IN, "TRIALS",
                    null, null, percents[i], null, null, null, null, null, null));
        }
        GoalEvaluation e = GoalEvaluation.of(stutteredSyllables, IEP_END, points, RULES);
        assertEquals(GoalStatus.MET, e.status().status());
        assertEquals(5.0, e.status().target());
        assertEquals(TrendDirection.IMPROVING, e.trend().direction());
    }

    @Test
    void durationGoalsAreSecondsOrMinutesAndRubricGoalsScoresOnTheirScale() {
        Integer[] seconds = {300, 240, 180, 150};
        GoalSpec inMinutes = new GoalSpec("DURATION", GoalDirection.DECREASE, null, 2.0, "MINUTES", null, null);
        GoalEvaluation minutes = GoalEvaluation.of(inMinutes, IEP_END, weekly("DURATION", seconds, null), RULES);
        assertEquals(GoalMetric.MINUTES, minutes.metric());
        assertEquals(List.of(5.0, 4.0, 3.0, 2.5), minutes.measurements().stream().map(Measurement::value).toList());
        assertEquals(TrendDirection.IMPROVING, minutes.trend().direction());
        assertEquals(GoalStatus.ON_TRACK, minutes.status().status());

        GoalSpec onTask = new GoalSpec("DURATION", GoalDirection.INCREASE, null, 600.0, null, null, null);
        assertEquals(GoalMetric.SECONDS, GoalEvaluation.of(onTask, IEP_END, weekly("DURATION", seconds, null), RULES)
                .metric());

        GoalSpec rubric = new GoalSpec("RUBRIC", GoalDirection.INCREASE, null, 3.0, null, 1, 4);
        GoalEvaluation scores = GoalEvaluation.of(rubric, IEP_END, weekly("RUBRIC", null, new Integer[]{1, 2, 3, 3, 3}),
                RULES);
        assertEquals(GoalMetric.SCORE, scores.metric());
        assertEquals(GoalStatus.MET, scores.status().status());
        GoalEvaluation rising = GoalEvaluation.of(new GoalSpec("RUBRIC", GoalDirection.INCREASE, null, 4.0, null, 1, 4),
                IEP_END, weekly("RUBRIC", null, new Integer[]{1, 2, 2, 3}), RULES);
        assertEquals(4.0, rising.status().projectedValue(), 1e-9, "a rubric projection stays on the scale");
    }

    @Test
    void aGoalWithoutAMethodTakesItsMetricFromTheData() {
        assertEquals(GoalMetric.SECONDS, GoalMetric.of(null, null, weekly("DURATION", new Integer[]{3, 4}, null)));
        assertEquals(GoalMetric.SCORE, GoalMetric.of(null, null, weekly("RUBRIC", null, new Integer[]{3, 4})));
        assertEquals(GoalMetric.COUNT, GoalMetric.of(null, null, weeklyCounts(1)));
    }
}
