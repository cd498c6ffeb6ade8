package org.iepservices.reporting.progress.api;

import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads query parameters and collects every problem with them, so one 400 answer lists all bad
 * fields. Parameters arrive as strings: a date JAX-RS could not convert would otherwise be a 404.
 */
final class QueryParams {

    private final List<Problem.Violation> violations = new ArrayList<>();

    LocalDate date(String field, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                violations.add(new Problem.Violation(field, "is required (YYYY-MM-DD)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "'" + raw + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    int integer(String field, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                violations.add(new Problem.Violation(field, "must be between " + min + " and " + max));
            }
            return value;
        } catch (NumberFormatException e) {
            violations.add(new Problem.Violation(field, "'" + raw + "' is not a whole number"));
            return defaultValue;
        }
    }

    /** A period: both dates valid, {@code to} not before {@code from}, at most {@code maxDays} long. */
    void period(LocalDate from, LocalDate to, long maxDays) {
        if (from == null || to == null) {
            return;
        }
        if (to.isBefore(from)) {
            violations.add(new Problem.Violation("to", "must not be before from"));
        } else if (ChronoUnit.DAYS.between(from, to) > maxDays) {
            violations.add(new Problem.Violation("to", "the range may span at most " + maxDays + " days"));
        }
    }

    void throwIfInvalid() {
        if (violations.isEmpty()) {
            return;
        }
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " query parameters are invalid";
        throw new ProblemException(ProblemType.VALIDATION, detail, violations);
    }
}
