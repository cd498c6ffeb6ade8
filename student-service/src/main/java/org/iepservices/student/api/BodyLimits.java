package org.iepservices.student.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemType;

/**
 * Request bodies: only roster imports may be large. {@code quarkus.http.limits.max-body-size} is
 * the ceiling Quarkus enforces for every request, so it is the import limit (a large district's
 * OneRoster zip, streamed to disk); this filter holds every other request to
 * {@code api.limits.max-body-size}, before the body is read: a declared Content-Length above it is
 * a 413 problem at once, and a chunked body is cut off by Quarkus's own reader at that size.
 */
@ApplicationScoped
public class BodyLimits {

    /** Where Quarkus's body readers look for the current request's limit (VertxHttpRecorder.MAX_REQUEST_SIZE_KEY). */
    static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";

    static final String IMPORTS = "/api/v1/roster/imports";

    private final long limit;
    private final ObjectMapper mapper;

    BodyLimits(@ConfigProperty(name = "api.limits.max-body-size", defaultValue = "10M") MemorySize limit,
               ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.mapper = mapper;
    }

    /** After Quarkus's own limit check (order -2), before any body is read. */
    void install(@Observes Router router) {
        router.route().order(-1).handler(this::limit);
    }

    private void limit(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.POST && IMPORTS.equals(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declared(length) > limit) {
            ObjectNode problem = mapper.createObjectNode();
            problem.put("type", ProblemType.HTTP.uri().toString());
            problem.put("title", "Request Entity Too Large");
            problem.put("status", 413);
            problem.put("detail", "The request body has " + length + " bytes; this endpoint takes at most " + limit
                    + " (only roster imports take larger bodies)");
            problem.putArray("violations");
            if (Problem.currentTraceId() != null) {
                problem.put("traceId", Problem.currentTraceId());
            }
            ctx.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close") // the body is not read
                    .end(problem.toString());
            return;
        }
        ctx.put(MAX_REQUEST_SIZE_KEY, limit);
        ctx.next();
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not a length: refused like one too large
        }
    }
}
