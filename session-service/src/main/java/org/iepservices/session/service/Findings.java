package org.iepservices.session.service;

import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects everything wrong with a request before refusing it, so the client sees every bad field
 * at once; keeps apart what is wrong from what is only not known yet (a copy still on its way).
 */
public final class Findings {

    static final String PENDING_HINT = "Copies of rosters, IEPs and schedules reach session-service through "
            + "roster.events, iep.events and schedule.events, usually within seconds of the change: retry shortly, "
            + "or poll GET /api/v1/students/{studentId} (and /mandates) until it shows.";

    private final List<Violation> invalid = new ArrayList<>();
    private final List<Violation> pending = new ArrayList<>();

    public void invalid(String field, String message) {
        invalid.add(new Violation(field, message));
    }

    public void invalid(List<Violation> violations) {
        invalid.addAll(violations);
    }

    /** The referenced thing has no copy here yet; the message should say what is awaited. */
    public void pending(String field, String message) {
        pending.add(new Violation(field, "not known yet: " + message));
    }

    public boolean isEmpty() {
        return invalid.isEmpty() && pending.isEmpty();
    }

    /** Throws a 400 with every violation when there are any (missing or unusable input). */
    public void throwIfInvalidRequest(String what) {
        if (!invalid.isEmpty()) {
            String detail = invalid.size() == 1 ? invalid.get(0).field() + ": " + invalid.get(0).message()
                    : invalid.size() + " fields are invalid";
            throw new ProblemException(ProblemType.VALIDATION, what + ": " + detail, invalid);
        }
    }

    /**
     * Throws a 422 when anything was found: a {@link CopiesPendingException} when the only problems
     * are copies not arrived yet (a retry will likely succeed), otherwise a plain domain-rule problem
     * listing both kinds.
     */
    public void throwIfAny(String what) {
        if (isEmpty()) {
            return;
        }
        if (invalid.isEmpty()) {
            throw new CopiesPendingException(what + " refers to records session-service does not know yet. "
                    + PENDING_HINT, pending);
        }
        List<Violation> all = new ArrayList<>(invalid);
        all.addAll(pending);
        String detail = what + " is inconsistent" + (pending.isEmpty() ? ""
                : "; some of what it refers to is also not known yet (see violations)");
        throw new ProblemException(ProblemType.UNPROCESSABLE, detail, all);
    }
}
