package org.iepservices.session.domain;

import org.iepservices.problem.Problem.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class GoalDataRulesTest {

    private static GoalDataEntry trials(Integer correct, Integer total) {
        return new GoalDataEntry(UUID.randomUUID(), GoalMeasure.TRIALS, correct, total, null, null, null,
                CueLevel.MINIMAL, null, null);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void trialsComputeThePercentToOneDecimal() {
        assertEquals(new BigDecimal("66.7"), GoalDataRules.percent(trials(2, 3)));
        assertEquals(new BigDecimal("100.0"), GoalDataRules.percent(trials(10, 10)));
        assertTrue(GoalDataRules.check("g", Attendance.PRESENT, List.of(trials(8, 10))).isEmpty());
    }

    @Test
    void correctAboveTotalNegativeCountsAndAZeroTotalAreRefused() {
        assertEquals(List.of("g[0].correct"), fields(GoalDataRules.check("g", Attendance.PRESENT,
                List.of(trials(11, 10)))));
        assertEquals(List.of("g[0].correct"), fields(GoalDataRules.check("g", Attendance.PRESENT,
                List.of(trials(-1, 10)))));
        assertEquals(List.of("g[0].total"), fields(GoalDataRules.check("g", Attendance.PRESENT,
                List.of(trials(0, 0)))));
        GoalDataEntry negativeTally = new GoalDataEntry(UUID.randomUUID(), GoalMeasure.FREQUENCY, null, null, -3,
                null, null, null, null, null);
        assertEquals(List.of("g[0].count"), fields(GoalDataRules.check("g", Attendance.PARTIAL,
                List.of(negativeTally))));
    }

    @Test
    void intervalDataCannotHaveMoreIntervalsWithTheBehaviorThanObserved() {
        GoalDataEntry ok = new GoalDataEntry(UUID.randomUUID(), GoalMeasure.INTERVAL, null, null, null, 12, 9, null,
                null, null);
        assertEquals(new BigDecimal("75.0"), GoalDataRules.percent(ok));
        assertTrue(GoalDataRules.check("g", Attendance.PRESENT, List.of(ok)).isEmpty());
        GoalDataEntry bad = new GoalDataEntry(UUID.randomUUID(), GoalMeasure.INTERVAL, null, null, null, 5, 6, null,
                null, null);
        assertEquals(List.of("g[0].intervalsWithBehavior"), fields(GoalDataRules.check("g", Attendance.PRESENT,
                List.of(bad))));
    }

    @Test
    void eachMeasureNeedsItsOwnFieldsAndNoOthers() {
        GoalDataEntry frequencyWithTrials = new GoalDataEntry(UUID.randomUUID(), GoalMeasure.FREQUENCY, 3, 4, null,
                null, null, null, null, null);
        assertEquals(List.of("g[0].count", "g[0].correct", "g[0].total"),
                fields(GoalDataRules.check("g", Attendance.PRESENT, List.of(frequencyWithTrials))));
        GoalDataEntry probeWithoutResult = new GoalDataEntry(UUID.randomUUID(), GoalMeasure.PROBE, null, null, null,
                null, null, null, " ", null);
        assertEquals(List.of("g[0].probeResult"), fields(GoalDataRules.check("g", Attendance.PRESENT,
                List.of(probeWithoutResult))));
        GoalDataEntry emptyNote = new GoalDataEntry(UUID.randomUUID(), GoalMeasure.ANECDOTAL, null, null, null, null,
                null, CueLevel.MODERATE, null, null);
        assertEquals(List.of("g[0].note"), fields(GoalDataRules.check("g", Attendance.PRESENT, List.of(emptyNote))));
        GoalDataEntry unscoredProbe = new GoalDataEntry(UUID.randomUUID(), GoalMeasure.PROBE, null, null, null, null,
                null, null, "named 6 of 8 pictures", null);
        assertNull(GoalDataRules.percent(unscoredProbe));
        assertTrue(GoalDataRules.check("g", Attendance.PRESENT, List.of(unscoredProbe)).isEmpty());
    }

    @Test
    void anAbsentStudentHasNoGoalDataAndAGoalIsRecordedOncePerSession() {
        assertEquals(List.of("g"), fields(GoalDataRules.check("g", Attendance.ABSENT, List.of(trials(1, 2)))));
        assertTrue(GoalDataRules.check("g", Attendance.ABSENT, List.of()).isEmpty());
        GoalDataEntry first = trials(1, 2);
        GoalDataEntry again = new GoalDataEntry(first.goalId(), GoalMeasure.FREQUENCY, null, null, 2, null, null,
                null, null, null);
        assertEquals(List.of("g[1].goalId"), fields(GoalDataRules.check("g", Attendance.PRESENT,
                List.of(first, again))));
    }
}
