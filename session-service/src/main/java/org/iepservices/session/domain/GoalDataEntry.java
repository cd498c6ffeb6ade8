package org.iepservices.session.domain;

import java.util.UUID;

/**
 * Goal data for one IEP goal as entered; see {@link GoalDataRules} for what makes sense on its own
 * and {@code ReferenceChecks} for what must fit the goal (its measure, its rubric scale).
 */
public record GoalDataEntry(UUID goalId, GoalMeasure measure, Integer correct, Integer total, Integer count,
                            Integer intervalsObserved, Integer intervalsWithBehavior, CueLevel cueLevel,
                            String probeResult, String note, Integer durationSeconds, Integer rubricScore) {

    /** Goal data of the measures that existed before DURATION and RUBRIC. */
    public GoalDataEntry(UUID goalId, GoalMeasure measure, Integer correct, Integer total, Integer count,
                         Integer intervalsObserved, Integer intervalsWithBehavior, CueLevel cueLevel,
                         String probeResult, String note) {
        this(goalId, measure, correct, total, count, intervalsObserved, intervalsWithBehavior, cueLevel, probeResult,
                note, null, null);
    }
}
