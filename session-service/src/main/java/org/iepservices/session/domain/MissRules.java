package org.iepservices.session.domain;

import org.iepservices.problem.Problem.Violation;

import java.util.ArrayList;
import java.util.List;

/** What a recorded miss must say: OTHER needs a note; a circumstance must belong to the reason. */
public final class MissRules {

    private MissRules() {
    }

    public static List<Violation> check(MissReason reason, MissCircumstance circumstance, String note, Integer minutes) {
        List<Violation> violations = new ArrayList<>();
        if (reason == MissReason.OTHER && (note == null || note.isBlank())) {
            violations.add(new Violation("note", "a note is required when the reason is OTHER"));
        }
        if (circumstance != null && reason != null && circumstance.reason() != reason) {
            violations.add(new Violation("circumstance", circumstance + " is a circumstance of "
                    + circumstance.reason() + ", not of " + reason));
        }
        if (minutes != null && minutes <= 0) {
            violations.add(new Violation("minutes", "a missed session has more than 0 minutes"));
        }
        return violations;
    }
}
