package org.iepservices.session.domain;

import org.iepservices.problem.Problem.Violation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which goal data makes sense: each measure needs its own numbers and no others, counts are never
 * negative, correct never exceeds total, and an absent student has no goal data at all.
 */
public final class GoalDataRules {

    private GoalDataRules() {
    }

    /**
     * Checks a student's goal data. {@code prefix} is the JSON path of the list, e.g.
     * {@code students[0].goalData}.
     */
    public static List<Violation> check(String prefix, Attendance attendance, List<GoalDataEntry> entries) {
        return check(prefix, attendance, entries, null);
    }

    /**
     * As {@link #check(String, Attendance, List)}, and a DURATION measured in the session is no longer
     * than the session itself ({@code sessionSeconds}, null when the times are not known).
     */
    public static List<Violation> check(String prefix, Attendance attendance, List<GoalDataEntry> entries,
                                        Integer sessionSeconds) {
        List<Violation> violations = new ArrayList<>();
        if (entries.isEmpty()) {
            return violations;
        }
        if (attendance == Attendance.ABSENT) {
            violations.add(new Violation(prefix, "an absent student has no goal data"));
            return violations;
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            GoalDataEntry e = entries.get(i);
            String at = prefix + "[" + i + "].";
            if (e.goalId() != null && !seen.add(e.goalId())) {
                violations.add(new Violation(at + "goalId", "goal listed twice for this student"));
            }
            notNegative(violations, at + "correct", e.correct());
            notNegative(violations, at + "total", e.total());
            notNegative(violations, at + "count", e.count());
            notNegative(violations, at + "intervalsObserved", e.intervalsObserved());
            notNegative(violations, at + "intervalsWithBehavior", e.intervalsWithBehavior());
            notNegative(violations, at + "durationSeconds", e.durationSeconds());
            notNegative(violations, at + "rubricScore", e.rubricScore());
            if (e.measure() == null) {
                continue;
            }
            if (e.measure() != GoalMeasure.DURATION) {
                absent(violations, at + "durationSeconds", e.durationSeconds(), e.measure());
            }
            if (e.measure() != GoalMeasure.RUBRIC) {
                absent(violations, at + "rubricScore", e.rubricScore(), e.measure());
            }
            switch (e.measure()) {
                case TRIALS -> {
                    trials(violations, at, e, true);
                    absent(violations, at + "count", e.count(), e.measure());
                    absent(violations, at + "intervalsObserved", e.intervalsObserved(), e.measure());
                    absent(violations, at + "intervalsWithBehavior", e.intervalsWithBehavior(), e.measure());
                }
                case FREQUENCY -> {
                    if (e.count() == null) {
                        violations.add(new Violation(at + "count", "a frequency tally needs its count"));
                    }
                    absent(violations, at + "correct", e.correct(), e.measure());
                    absent(violations, at + "total", e.total(), e.measure());
                    absent(violations, at + "intervalsObserved", e.intervalsObserved(), e.measure());
                    absent(violations, at + "intervalsWithBehavior", e.intervalsWithBehavior(), e.measure());
                }
                case INTERVAL -> {
                    if (e.intervalsObserved() == null || e.intervalsObserved() < 1) {
                        violations.add(new Violation(at + "intervalsObserved",
                                "interval data needs at least one interval observed"));
                    }
                    if (e.intervalsWithBehavior() == null) {
                        violations.add(new Violation(at + "intervalsWithBehavior",
                                "interval data needs the intervals with the target behavior"));
                    } else if (e.intervalsObserved() != null && e.intervalsWithBehavior() > e.intervalsObserved()) {
                        violations.add(new Violation(at + "intervalsWithBehavior",
                                "cannot exceed the intervals observed (" + e.intervalsObserved() + ")"));
                    }
                    absent(violations, at + "correct", e.correct(), e.measure());
                    absent(violations, at + "total", e.total(), e.measure());
                    absent(violations, at + "count", e.count(), e.measure());
                }
                case PROBE -> {
                    if (e.probeResult() == null || e.probeResult().isBlank()) {
                        violations.add(new Violation(at + "probeResult", "a probe needs its result"));
                    }
                    if (e.correct() != null || e.total() != null) {
                        trials(violations, at, e, false);
                    }
                    absent(violations, at + "count", e.count(), e.measure());
                    absent(violations, at + "intervalsObserved", e.intervalsObserved(), e.measure());
                    absent(violations, at + "intervalsWithBehavior", e.intervalsWithBehavior(), e.measure());
                }
                case DURATION -> {
                    if (e.durationSeconds() == null) {
                        violations.add(new Violation(at + "durationSeconds", "duration data needs durationSeconds"));
                    } else if (sessionSeconds != null && e.durationSeconds() > sessionSeconds) {
                        violations.add(new Violation(at + "durationSeconds", "cannot exceed the session's length ("
                                + sessionSeconds + " seconds)"));
                    }
                    onlyItsOwn(violations, at, e);
                }
                case RUBRIC -> {
                    // The scale is the goal's: checked against the goal in ReferenceChecks.
                    if (e.rubricScore() == null) {
                        violations.add(new Violation(at + "rubricScore", "rubric data needs rubricScore"));
                    }
                    onlyItsOwn(violations, at, e);
                }
                case ANECDOTAL -> {
                    if (e.note() == null || e.note().isBlank()) {
                        violations.add(new Violation(at + "note", "an anecdotal record needs its note"));
                    }
                    absent(violations, at + "correct", e.correct(), e.measure());
                    absent(violations, at + "total", e.total(), e.measure());
                    absent(violations, at + "count", e.count(), e.measure());
                    absent(violations, at + "intervalsObserved", e.intervalsObserved(), e.measure());
                    absent(violations, at + "intervalsWithBehavior", e.intervalsWithBehavior(), e.measure());
                }
            }
        }
        return violations;
    }

    /** The session's length in seconds, null when a time is missing or the end is not after the start. */
    public static Integer sessionSeconds(LocalTime start, LocalTime end) {
        if (start == null || end == null || !end.isAfter(start)) {
            return null;
        }
        return (int) Duration.between(start, end).toSeconds();
    }

    /** A duration or rubric score carries none of the counts of the other measures. */
    private static void onlyItsOwn(List<Violation> violations, String at, GoalDataEntry e) {
        absent(violations, at + "correct", e.correct(), e.measure());
        absent(violations, at + "total", e.total(), e.measure());
        absent(violations, at + "count", e.count(), e.measure());
        absent(violations, at + "intervalsObserved", e.intervalsObserved(), e.measure());
        absent(violations, at + "intervalsWithBehavior", e.intervalsWithBehavior(), e.measure());
    }

    /** Percent accuracy (trials, scored probe) or percent of intervals, one decimal; null when not a ratio. */
    public static BigDecimal percent(GoalDataEntry e) {
        if (e.measure() == null) {
            return null;
        }
        return switch (e.measure()) {
            case TRIALS, PROBE -> ratio(e.correct(), e.total());
            case INTERVAL -> ratio(e.intervalsWithBehavior(), e.intervalsObserved());
            default -> null;
        };
    }

    private static BigDecimal ratio(Integer part, Integer whole) {
        if (part == null || whole == null || whole <= 0 || part < 0 || part > whole) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static void trials(List<Violation> violations, String at, GoalDataEntry e, boolean required) {
        if (e.total() == null || e.total() < 1) {
            violations.add(new Violation(at + "total", (required ? "trials need" : "a scored probe needs")
                    + " a total of at least 1"));
        }
        if (e.correct() == null) {
            violations.add(new Violation(at + "correct", (required ? "trials need" : "a scored probe needs")
                    + " the number correct"));
        } else if (e.total() != null && e.correct() > e.total()) {
            violations.add(new Violation(at + "correct", "cannot exceed total (" + e.total() + ")"));
        }
    }

    private static void notNegative(List<Violation> violations, String field, Integer value) {
        if (value != null && value < 0) {
            violations.add(new Violation(field, "must not be negative"));
        }
    }

    private static void absent(List<Violation> violations, String field, Integer value, GoalMeasure measure) {
        if (value != null) {
            violations.add(new Violation(field, "does not apply to " + measure + " data"));
        }
    }
}
