package org.iepservices.session.domain;

import org.iepservices.problem.Problem.Violation;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules for the minutes a session credits to each student. A present student is credited
 * the session's length unless the provider says less; a partial attendance needs its minutes
 * and must be shorter than the session; an absent student gets none.
 */
public final class CreditedMinutes {

    /** One student line as entered; {@code minutes} may be null for PRESENT. */
    public record Entry(UUID studentId, Attendance attendance, Integer minutes) {
    }

    /** The checked result: minutes resolved for every student, or the violations found. */
    public record Result(List<Integer> minutes, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private CreditedMinutes() {
    }

    public static Result resolve(LocalTime start, LocalTime end, List<Entry> entries) {
        List<Violation> violations = new ArrayList<>();
        List<Integer> resolved = new ArrayList<>();
        if (start == null || end == null || !end.isAfter(start)) {
            violations.add(new Violation("endTime", "must be after startTime"));
            return new Result(List.of(), violations);
        }
        int length = (int) Duration.between(start, end).toMinutes();
        if (entries.isEmpty()) {
            violations.add(new Violation("students", "a session needs at least one student"));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String field = "students[" + i + "].minutes";
            if (!seen.add(entry.studentId())) {
                violations.add(new Violation("students[" + i + "].studentId", "student listed twice"));
            }
            Integer minutes = entry.minutes();
            if (minutes != null && minutes < 0) {
                violations.add(new Violation(field, "must not be negative"));
                resolved.add(0);
                continue;
            }
            switch (entry.attendance()) {
                case PRESENT -> {
                    int credited = minutes == null ? length : minutes;
                    if (credited > length) {
                        violations.add(new Violation(field, "cannot exceed the session length of " + length + " minutes"));
                    } else if (credited == 0) {
                        violations.add(new Violation(field, "a present student is credited more than 0 minutes"));
                    }
                    resolved.add(credited);
                }
                case PARTIAL -> {
                    if (minutes == null || minutes == 0) {
                        violations.add(new Violation(field, "partial attendance needs the minutes attended"));
                    } else if (minutes >= length) {
                        violations.add(new Violation(field, "partial attendance must be shorter than the session ("
                                + length + " minutes)"));
                    }
                    resolved.add(minutes == null ? 0 : minutes);
                }
                case ABSENT -> {
                    if (minutes != null && minutes != 0) {
                        violations.add(new Violation(field, "an absent student is credited 0 minutes"));
                    }
                    resolved.add(0);
                }
            }
        }
        return new Result(resolved, violations);
    }
}
