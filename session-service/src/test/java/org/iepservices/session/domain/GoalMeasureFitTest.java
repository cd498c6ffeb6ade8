package org.iepservices.session.domain;

import org.iepservices.problem.Problem.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class GoalMeasureFitTest {

    private static GoalDataEntry entry(GoalMeasure measure, Integer seconds, Integer score) {
        return new GoalDataEntry(UUID.randomUUID(), measure, null, null, null, null, null, null, null, "n", seconds,
                score);
    }

    private static List<String> fields(GoalDataEntry e, String method, Integer min, Integer max) {
        return GoalMeasureFit.check("g.", e, method, min, max).stream().map(Violation::field).toList();
    }

    @Test
    void durationAndRubricDataBelongToGoalsMeasuredThatWay() {
        assertEquals(List.of(), fields(entry(GoalMeasure.DURATION, 30, null), "DURATION", null, null));
        assertEquals(List.of("g.measure"), fields(entry(GoalMeasure.DURATION, 30, null), "FREQUENCY", null, null));
        assertEquals(List.of("g.measure"), fields(entry(GoalMeasure.RUBRIC, null, 2), null, null, null));
        assertEquals(List.of("g.measure"), fields(entry(GoalMeasure.FREQUENCY, null, null), "RUBRIC", 1, 4));
        assertEquals(List.of(), fields(entry(GoalMeasure.ANECDOTAL, null, null), "DURATION", null, null));
        assertEquals(List.of(), fields(entry(GoalMeasure.TRIALS, null, null), "PERCENT_ACCURACY", null, null));
    }

    @Test
    void aRubricScoreLiesOnTheGoalsScale() {
        assertEquals(List.of(), fields(entry(GoalMeasure.RUBRIC, null, 1), "RUBRIC", 1, 4));
        assertEquals(List.of(), fields(entry(GoalMeasure.RUBRIC, null, 4), "RUBRIC", 1, 4));
        assertEquals(List.of("g.rubricScore"), fields(entry(GoalMeasure.RUBRIC, null, 0), "RUBRIC", 1, 4));
        assertEquals(List.of("g.rubricScore"), fields(entry(GoalMeasure.RUBRIC, null, 5), "RUBRIC", 1, 4));
        assertEquals(List.of("g.rubricScore"), fields(entry(GoalMeasure.RUBRIC, null, 2), "RUBRIC", null, null));
    }

    @Test
    void aDurationIsNeededAndNoLongerThanTheSession() {
        GoalDataEntry tooLong = entry(GoalMeasure.DURATION, 1801, null);
        assertEquals(List.of("p[0].durationSeconds"), GoalDataRules.check("p", Attendance.PRESENT, List.of(tooLong),
                1800).stream().map(Violation::field).toList());
        assertEquals(List.of(), GoalDataRules.check("p", Attendance.PRESENT, List.of(tooLong), null));
        assertEquals(List.of("p[0].durationSeconds"), GoalDataRules.check("p", Attendance.PRESENT,
                List.of(entry(GoalMeasure.DURATION, null, null)), 1800).stream().map(Violation::field).toList());
        assertEquals(List.of("p[0].rubricScore"), GoalDataRules.check("p", Attendance.PRESENT,
                List.of(entry(GoalMeasure.DURATION, 10, 3)), 1800).stream().map(Violation::field).toList());
        assertEquals(1800, GoalDataRules.sessionSeconds(java.time.LocalTime.of(10, 0), java.time.LocalTime.of(10, 30)));
    }
}
