package org.iepservices.session.service;

import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;

import java.util.List;

/**
 * A request refers to something (a mandate, a provider, an occurrence, a student's school) whose
 * copy has not reached this service from the event topics yet. The same request will very likely
 * succeed in a moment: answered 422 with a {@code Retry-After} header.
 */
public class CopiesPendingException extends ProblemException {

    public static final int RETRY_AFTER_SECONDS = 2;

    public CopiesPendingException(String detail, List<Problem.Violation> violations) {
        super(ProblemType.UNPROCESSABLE, detail, violations);
    }
}
