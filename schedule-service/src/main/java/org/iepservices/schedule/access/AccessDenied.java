package org.iepservices.schedule.access;

import org.iepservices.problem.Problem.Violation;

import java.util.List;

/**
 * 403: the caller's role allows the endpoint, but not this change (another provider's series, a
 * school that is not theirs, a student they may not schedule). Reads outside the caller's scope are
 * 404 instead ({@link AccessScope#requireStudent}); a refused write changes nothing.
 */
public class AccessDenied extends RuntimeException {

    private final List<Violation> violations;

    public AccessDenied(String detail) {
        this(detail, List.of());
    }

    public AccessDenied(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
