package org.iepservices.student.domain;

import org.iepservices.problem.Problem.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a goal's measure needs, so session data can be checked against it and progress judged:
 * <ul>
 *   <li>a DURATION goal names its unit (SECONDS or MINUTES; SECONDS when not given), no other goal does;</li>
 *   <li>a RUBRIC goal names its scale ({@code scaleMin} below {@code scaleMax}, 0 to 100), no other goal does;</li>
 *   <li>{@code targetValue} is the target in the goal's own measure (count per session, duration in its
 *       unit, rubric score), never negative, within the rubric's scale; a percentage goal states its target as
 *       {@code targetPercent} instead.</li>
 * </ul>
 * The direction defaults to INCREASE, which is what every goal written before it existed meant.
 */
public final class GoalMeasureRules {

    /** The widest rubric scale accepted (rubrics in IEPs are 0-4, 1-5, 0-10 and the like). */
    public static final int MAX_SCALE = 100;

    private GoalMeasureRules() {
    }

    /** Fills the defaults a goal's measure implies: INCREASE, and SECONDS for a DURATION goal. */
    public static void applyDefaults(IepGoal goal) {
        if (goal.direction == null) {
            goal.direction = GoalDirection.INCREASE;
        }
        if (goal.measurementMethod == MeasurementMethod.DURATION && goal.durationUnit == null) {
            goal.durationUnit = DurationUnit.SECONDS;
        }
    }

    /** The violations of one goal; {@code at} is its JSON path with a trailing dot, e.g. {@code goals[0].}. */
    public static List<Violation> check(String at, IepGoal goal) {
        List<Violation> violations = new ArrayList<>();
        MeasurementMethod method = goal.measurementMethod;
        if (goal.durationUnit != null && method != MeasurementMethod.DURATION) {
            violations.add(new Violation(at + "durationUnit", "only a DURATION goal has a duration unit"));
        }
        if (method == MeasurementMethod.RUBRIC) {
            if (goal.scaleMin == null || goal.scaleMax == null) {
                violations.add(new Violation(at + (goal.scaleMin == null ? "scaleMin" : "scaleMax"),
                        "a RUBRIC goal needs its scale (scaleMin and scaleMax)"));
            } else if (goal.scaleMin < 0 || goal.scaleMax > MAX_SCALE || goal.scaleMin >= goal.scaleMax) {
                violations.add(new Violation(at + "scaleMax", "the rubric scale must run upwards from scaleMin to "
                        + "scaleMax within 0 to " + MAX_SCALE + " (got " + goal.scaleMin + " to " + goal.scaleMax + ")"));
            }
        } else if (goal.scaleMin != null || goal.scaleMax != null) {
            violations.add(new Violation(at + (goal.scaleMin != null ? "scaleMin" : "scaleMax"),
                    "only a RUBRIC goal has a scale"));
        }
        if (goal.targetValue != null) {
            if (method == null || method == MeasurementMethod.PERCENT_ACCURACY) {
                violations.add(new Violation(at + "targetValue", "a percentage goal states its target as "
                        + "targetPercent; targetValue is for FREQUENCY, DURATION and RUBRIC goals"));
            } else if (goal.targetValue < 0) {
                violations.add(new Violation(at + "targetValue", "must not be negative"));
            } else if (method == MeasurementMethod.RUBRIC && goal.scaleMin != null && goal.scaleMax != null
                    && (goal.targetValue < goal.scaleMin || goal.targetValue > goal.scaleMax)) {
                violations.add(new Violation(at + "targetValue", "must lie on the rubric's scale " + goal.scaleMin
                        + " to " + goal.scaleMax));
            }
        }
        return violations;
    }
}
