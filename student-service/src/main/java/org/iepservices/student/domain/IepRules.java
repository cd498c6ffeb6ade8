package org.iepservices.student.domain;

import org.iepservices.problem.Problem.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes an IEP draft coherent: dates in order, and every mandate's sessions split exactly
 * into push-in and pull-out, since compliance is tracked per setting.
 */
public final class IepRules {

    /** The parts of a mandate the rules look at. */
    public record MandateShape(int sessionsPerInterval, int pushInSessions, int pullOutSessions) {
    }

    private IepRules() {
    }

    public static List<Violation> check(LocalDate start, LocalDate end, LocalDate annualReview,
                                        List<MandateShape> mandates) {
        List<Violation> violations = new ArrayList<>();
        if (start != null && end != null && !end.isAfter(start)) {
            violations.add(new Violation("endDate", "must be after startDate"));
        }
        if (annualReview != null && start != null && annualReview.isBefore(start)) {
            violations.add(new Violation("annualReviewDate", "must not be before startDate"));
        }
        if (mandates.isEmpty()) {
            violations.add(new Violation("mandates", "an IEP for related services needs at least one service mandate"));
        }
        for (int i = 0; i < mandates.size(); i++) {
            MandateShape m = mandates.get(i);
            if (m.pushInSessions() + m.pullOutSessions() != m.sessionsPerInterval()) {
                violations.add(new Violation("mandates[" + i + "].pushInSessions",
                        "push-in (" + m.pushInSessions() + ") and pull-out (" + m.pullOutSessions()
                                + ") sessions must add up to sessionsPerInterval (" + m.sessionsPerInterval() + ")"));
            }
        }
        return violations;
    }

    /** Only a draft may be edited or activated; an active IEP changes through a new IEP. */
    public static boolean isEditable(IepStatus status) {
        return status == IepStatus.DRAFT;
    }
}
