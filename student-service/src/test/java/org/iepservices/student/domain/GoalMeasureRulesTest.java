package org.iepservices.student.domain;

import org.iepservices.problem.Problem.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GoalMeasureRulesTest {

    private static IepGoal goal(MeasurementMethod method) {
        IepGoal g = new IepGoal();
        g.measurementMethod = method;
        return g;
    }

    private static List<String> fields(IepGoal g) {
        return GoalMeasureRules.check("goals[0].", g).stream().map(Violation::field).toList();
    }

    @Test
    void defaultsAreIncreaseAndSecondsForDuration() {
        IepGoal duration = goal(MeasurementMethod.DURATION);
        duration.direction = null;
        GoalMeasureRules.applyDefaults(duration);
        assertEquals(GoalDirection.INCREASE, duration.direction);
        assertEquals(DurationUnit.SECONDS, duration.durationUnit);
        IepGoal count = goal(MeasurementMethod.FREQUENCY);
        count.direction = GoalDirection.DECREASE;
        GoalMeasureRules.applyDefaults(count);
        assertEquals(GoalDirection.DECREASE, count.direction);
        assertNull(count.durationUnit);
    }

    @Test
    void aRubricNeedsAnUpwardScaleAndItsTargetOnIt() {
        IepGoal rubric = goal(MeasurementMethod.RUBRIC);
        assertEquals(List.of("goals[0].scaleMin"), fields(rubric));
        rubric.scaleMin = 4;
        rubric.scaleMax = 1;
        assertEquals(List.of("goals[0].scaleMax"), fields(rubric));
        rubric.scaleMin = 1;
        rubric.scaleMax = 4;
        rubric.targetValue = 4.0;
        assertEquals(List.of(), fields(rubric));
        rubric.targetValue = 4.5;
        assertEquals(List.of("goals[0].targetValue"), fields(rubric));
    }

    @Test
    void measureDetailsBelongToTheirMeasure() {
        IepGoal percent = goal(MeasurementMethod.PERCENT_ACCURACY);
        percent.targetValue = 80.0;
        percent.scaleMax = 4;
        percent.durationUnit = DurationUnit.MINUTES;
        assertEquals(List.of("goals[0].durationUnit", "goals[0].scaleMax", "goals[0].targetValue"), fields(percent));
        IepGoal count = goal(MeasurementMethod.FREQUENCY);
        count.targetValue = -1.0;
        assertEquals(List.of("goals[0].targetValue"), fields(count));
        count.targetValue = 2.0;
        assertEquals(List.of(), fields(count));
    }
}
