package org.iepservices.schedule.api;

import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Checks the date-range query parameters of the views (400 on a missing or backwards range). */
final class Dates {

    /** Longest range a view or coverage query may span: a school year and a bit. */
    static final int MAX_DAYS = 400;

    private Dates() {
    }

    static void range(LocalDate from, LocalDate to) {
        List<Violation> violations = new ArrayList<>();
        if (from == null) {
            violations.add(new Violation("from", "is required (YYYY-MM-DD)"));
        }
        if (to == null) {
            violations.add(new Violation("to", "is required (YYYY-MM-DD)"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                violations.add(new Violation("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
                violations.add(new Violation("to", "at most " + MAX_DAYS + " days after from"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, violations.size() == 1 ? violations.get(0).field()
                    + ": " + violations.get(0).message() : violations.size() + " query parameters are invalid",
                    violations);
        }
    }
}
