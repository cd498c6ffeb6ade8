package org.iepservices.reporting.progress.domain;

import org.iepservices.events.ServiceSetting;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class GoalStatusRuleTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 14);
    private static final ProgressRules RULES = ProgressRules.DEFAULTS; // window 6, min 3, k 3, flat 1.0 / 0.5

    private static List<GoalDataPoint> weeklyPercent(double... values) {
        List<GoalDataPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new GoalDataPoint(UUID.randomUUID(), null, MONDAY.plusWeeks(i),
                    i % 2 == 0 ? ServiceSetting.PULL_OUT : ServiceSetting.PUSH_IN, "TRIALS", null, null, values[i],
                    null, null, null, null, null, null));
        }
        return points;
    }

    @Test
    void underTheMinimumNumberOfPointsIsInsufficientData() {
        GoalEvaluation e = GoalEvaluation.of("PERCENT_ACCURACY", 80, MONDAY.plusWeeks(30), weeklyPercent(90, 95), RULES);
        assertEquals(GoalStatus.INSUFFICIENT_DATA, e.status().status());
        assertEquals(TrendDirection.INSUFFICIENT_DATA, e.trend().direction());
    }

    @Test
    void theLastKPointsAtOrAboveTargetAreMet() {
        GoalEvaluation e = GoalEvaluation.of("PERCENT_ACCURACY", 80, MONDAY.plusWeeks(30),
                weeklyPercent(50, 85, 80, 90), RULES);
        assertEquals(GoalStatus.MET, e.status().status());
        assertEquals(3, e.status().lastMeetingTarget());
    }

    @Test
    void twoOfTheLastThreeAboveTargetIsNotMetButProjected() {
        // 60, 85, 70, 90: rising about 8/week; k=3 not reached because of the 70
        GoalEvaluation e = GoalEvaluation.of("PERCENT_ACCURACY", 80, MONDAY.plusWeeks(30),
                weeklyPercent(60, 85, 70, 90), RULES);
        assertEquals(GoalStatus.ON_TRACK, e.status().status());
        assertEquals(1, e.status().lastMeetingTarget());
        assertEquals(100.0, e.status().projectedValue(), 1e-9, "a percent projection is capped at 100");
    }

    @Test
    void theTrendProjectedToTheIepEndDecidesOnTrackOrNot() {
        // +2/week from 40: reaches 80 after 20 weeks
        List<GoalDataPoint> points = weeklyPercent(40, 42, 44, 46);
        GoalEvaluation reaches = GoalEvaluation.of("PERCENT_ACCURACY", 80, MONDAY.plusWeeks(20), points, RULES);
        assertEquals(GoalStatus.ON_TRACK, reaches.status().status());
        assertEquals(80.0, reaches.status().projectedValue(), 1e-9);
        assertEquals(MONDAY.plusWeeks(20), reaches.status().projectionDate());

        GoalEvaluation shortOf = GoalEvaluation.of("PERCENT_ACCURACY", 80, MONDAY.plusWeeks(19), points, RULES);
        assertEquals(GoalStatus.NOT_ON_TRACK, shortOf.status().status());
        assertEquals(78.0, shortOf.status().projectedValue(), 1e-9);
    }

    @Test
    void aFlatOrDecliningGoalBelowTargetIsNotOnTrack() {
        GoalEvaluation e = GoalEvaluation.of("PERCENT_ACCURACY", 80, MONDAY.plusWeeks(30),
                weeklyPercent(60, 58, 56), RULES);
        assertEquals(TrendDirection.DECLINING, e.trend().direction());
        assertEquals(GoalStatus.NOT_ON_TRACK, e.status().status());
        assertEquals(0.0, e.status().projectedValue(), 1e-9, "a percent projection is floored at 0");
    }

    @Test
    void aGoalWithoutNumericTargetIsNoTargetButStillHasATrend() {
        GoalEvaluation e = GoalEvaluation.of(null, null, MONDAY.plusWeeks(30), weeklyPercent(40, 50, 60), RULES);
        assertEquals(GoalStatus.NO_TARGET, e.status().status());
        assertEquals(TrendDirection.IMPROVING, e.trend().direction());
    }

    @Test
    void frequencyGoalsAreCountsAndAPercentTargetDoesNotApply() {
        List<GoalDataPoint> counts = new ArrayList<>();
        int[] values = {2, 3, 5};
        for (int i = 0; i < values.length; i++) {
            counts.add(new GoalDataPoint(UUID.randomUUID(), null, MONDAY.plusWeeks(i), ServiceSetting.PUSH_IN,
                    "FREQUENCY", null, null, null, values[i], null, null, "MINIMAL", null, null));
        }
        GoalEvaluation e = GoalEvaluation.of("FREQUENCY", 80, MONDAY.plusWeeks(30), counts, RULES);
        assertEquals(GoalMetric.COUNT, e.metric());
        assertEquals(GoalStatus.NO_TARGET, e.status().status());
        assertEquals(1.5, e.trend().slopePerWeek(), 1e-9);
        assertEquals(0.5, e.trend().flatThresholdPerWeek());
        // without the IEP's method, the data decides: counts only, so COUNT
        assertEquals(GoalMetric.COUNT, GoalMetric.of(null, counts));
    }

    @Test
    void trialsAndIntervalsAreReadAsPercentagesAndCueOnlyPointsAreSkipped() {
        GoalDataPoint trials = new GoalDataPoint(UUID.randomUUID(), null, MONDAY, ServiceSetting.PULL_OUT, "TRIALS",
                7, 10, null, null, null, null, null, null, null);
        GoalDataPoint interval = new GoalDataPoint(UUID.randomUUID(), null, MONDAY.plusWeeks(1),
                ServiceSetting.PUSH_IN, "INTERVAL", null, null, null, null, 20, 5, null, null, null);
        GoalDataPoint cueOnly = new GoalDataPoint(UUID.randomUUID(), null, MONDAY.plusWeeks(2),
                ServiceSetting.PUSH_IN, "PROBE", null, null, null, null, null, null, "MODERATE", "emerging", null);
        assertEquals(70.0, trials.percentValue(), 1e-9);
        assertEquals(25.0, interval.percentValue(), 1e-9);
        assertNull(cueOnly.percentValue());
        GoalEvaluation e = GoalEvaluation.of("PERCENT_ACCURACY", 80, null, List.of(trials, interval, cueOnly), RULES);
        assertEquals(2, e.measurements().size());
        assertEquals(GoalStatus.INSUFFICIENT_DATA, e.status().status());
    }

    @Test
    void withoutAnIepEndDateTheLineIsReadAtTheLastPoint() {
        GoalEvaluation e = GoalEvaluation.of("PERCENT_ACCURACY", 80, null, weeklyPercent(60, 65, 70), RULES);
        assertEquals(MONDAY.plusWeeks(2), e.status().projectionDate());
        assertEquals(70.0, e.status().projectedValue(), 1e-9);
        assertEquals(GoalStatus.NOT_ON_TRACK, e.status().status());
    }

    @Test
    void rulesRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ProgressRules(1, 3, 3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ProgressRules(6, 0, 3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ProgressRules(6, 3, 3, -1, 1));
    }
}
