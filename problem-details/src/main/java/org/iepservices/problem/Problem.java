package org.iepservices.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details. {@code violations} lists every offending field, so a client can
 * show all errors of a form at once instead of one per round trip. {@code traceId} (an extension
 * member) is the W3C trace id of the request that failed, the one in the service's log lines and in
 * the exported trace: a client reporting an error quotes it and support finds the request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance, List<Violation> violations,
                      String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: {@code field} is a JSON path like {@code students[0].minutes} or a query parameter name. */
    public record Violation(String field, String message) {
    }

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** A problem of the request being served: its trace id is the current span's. */
    public Problem(URI type, String title, int status, String detail, URI instance, List<Violation> violations) {
        this(type, title, status, detail, instance, violations, currentTraceId());
    }

    /** The trace id of the current span (32 hex digits), or null outside any trace. */
    public static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
