package org.iepservices.session.domain;

import org.iepservices.problem.Problem.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Goal data must fit the goal it is about, as the IEP measures it:
 * <ul>
 *   <li>DURATION data is taken on DURATION goals, RUBRIC data on RUBRIC goals, and only there;</li>
 *   <li>a DURATION or RUBRIC goal takes its own kind of data, or an ANECDOTAL note (a trial count says
 *       nothing about how long something lasted or where it sits on a rubric);</li>
 *   <li>a rubric score lies on the goal's scale ({@code scaleMin} to {@code scaleMax}); a RUBRIC goal
 *       whose scale is not known cannot be scored.</li>
 * </ul>
 * Goals measured as PERCENT_ACCURACY or FREQUENCY (or not saying) take the measures they always
 * took: trials, tallies, intervals, probes and notes.
 */
public final class GoalMeasureFit {

    private GoalMeasureFit() {
    }

    /**
     * @param at                the entry's JSON path with a trailing dot, e.g. {@code students[0].goalData[1].}
     * @param goalMeasurement   the goal's IEP measurement method (PERCENT_ACCURACY, FREQUENCY, DURATION, RUBRIC
     *                          or null)
     */
    public static List<Violation> check(String at, GoalDataEntry entry, String goalMeasurement, Integer scaleMin,
                                        Integer scaleMax) {
        List<Violation> violations = new ArrayList<>();
        GoalMeasure measure = entry.measure();
        if (measure == null) {
            return violations;
        }
        boolean durationGoal = "DURATION".equals(goalMeasurement);
        boolean rubricGoal = "RUBRIC".equals(goalMeasurement);
        String goalWords = "goal " + entry.goalId() + " is measured "
                + (goalMeasurement == null ? "without a stated method" : "by " + goalMeasurement);
        if (measure == GoalMeasure.DURATION && !durationGoal) {
            violations.add(new Violation(at + "measure", goalWords + "; DURATION data is for DURATION goals"));
        } else if (measure == GoalMeasure.RUBRIC && !rubricGoal) {
            violations.add(new Violation(at + "measure", goalWords + "; RUBRIC data is for RUBRIC goals"));
        } else if ((durationGoal || rubricGoal) && measure != GoalMeasure.ANECDOTAL
                && measure != GoalMeasure.valueOf(goalMeasurement)) {
            violations.add(new Violation(at + "measure", goalWords + ": record " + goalMeasurement
                    + " data (or an ANECDOTAL note), not " + measure));
        } else if (measure == GoalMeasure.RUBRIC && entry.rubricScore() != null) {
            if (scaleMin == null || scaleMax == null) {
                violations.add(new Violation(at + "rubricScore", "goal " + entry.goalId()
                        + " has no rubric scale in its IEP, so a score cannot be checked"));
            } else if (entry.rubricScore() < scaleMin || entry.rubricScore() > scaleMax) {
                violations.add(new Violation(at + "rubricScore", "must lie on the goal's rubric scale " + scaleMin
                        + " to " + scaleMax + " (got " + entry.rubricScore() + ")"));
            }
        }
        return violations;
    }
}
