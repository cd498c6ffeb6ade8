package org.iepservices.session.domain;

import java.util.UUID;

/** Goal data for one IEP goal as entered; see {@link GoalDataRules} for what makes sense. */
public record GoalDataEntry(UUID goalId, GoalMeasure measure, Integer correct, Integer total, Integer count,
                            Integer intervalsObserved, Integer intervalsWithBehavior, CueLevel cueLevel,
                            String probeResult, String note) {
}
