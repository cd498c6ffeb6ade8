package org.iepservices.reporting.api;

import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads and checks query parameters, collecting every bad one into one 400 problem. Parameters
 * arrive as strings and are parsed here: a date or number JAX-RS could not convert would otherwise
 * be a 404, and only the first bad one would be reported.
 */
public final class QueryParams {

    /** The longest date range any report accepts. */
    public static final long MAX_DAYS = 400;

    private final List<Problem.Violation> violations = new ArrayList<>();

    /** [from, to], both inclusive. */
    public record DateRange(LocalDate from, LocalDate to) {
    }

    /** A report's period: from and to required, dates, ordered and at most {@link #MAX_DAYS} apart; else 400. */
    public static DateRange requiredRange(String from, String to) {
        QueryParams params = new QueryParams();
        LocalDate start = params.date("from", from, true);
        LocalDate end = params.date("to", to, true);
        params.range(start, end);
        params.check();
        return new DateRange(start, end);
    }

    public LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Problem.Violation(field, "is required (YYYY-MM-DD)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "'" + value + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** Checks a date range once both ends parsed: ordered and at most {@link #MAX_DAYS} long. */
    public void range(LocalDate from, LocalDate to) {
        range(from, to, MAX_DAYS);
    }

    /** Checks a date range once both ends parsed: ordered and at most {@code maxDays} long. */
    public void range(LocalDate from, LocalDate to, long maxDays) {
        if (from == null || to == null) {
            return;
        }
        if (to.isBefore(from)) {
            violations.add(new Problem.Violation("to", "must not be before from"));
        } else if (ChronoUnit.DAYS.between(from, to) > maxDays) {
            violations.add(new Problem.Violation("to", "the range may span at most " + maxDays + " days"));
        }
    }

    /** A whole number in [min, max]; {@code defaultValue} when absent. */
    public int integer(String field, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                violations.add(new Problem.Violation(field, "must be between " + min + " and " + max));
            }
            return number;
        } catch (NumberFormatException e) {
            violations.add(new Problem.Violation(field, "'" + value + "' is not a whole number"));
            return defaultValue;
        }
    }

    /** A UUID, or null when absent. */
    public UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation(field, "'" + value + "' is not a UUID"));
            return null;
        }
    }

    public void violation(String field, String message) {
        violations.add(new Problem.Violation(field, message));
    }

    public void add(ProblemException e) {
        violations.addAll(e.violations());
    }

    /** Throws the 400 problem listing every bad parameter seen so far, if any. */
    public void check() {
        if (violations.isEmpty()) {
            return;
        }
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " query parameters are invalid";
        throw new ProblemException(ProblemType.VALIDATION, detail, violations);
    }
}
