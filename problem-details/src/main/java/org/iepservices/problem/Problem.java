package org.iepservices.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details. {@code violations} lists every offending field, so a client can
 * show all errors of a form at once instead of one per round trip.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: {@code field} is a JSON path like {@code students[0].minutes} or a query parameter name. */
    public record Violation(String field, String message) {
    }

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }
}
