package org.iepservices.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Every problem+json names the trace of the request that failed, the id its log lines carry too. */
class ProblemTraceIdTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProblemExceptionMappers mappers = new ProblemExceptionMappers();

    /** The span a traced request runs in (as Quarkus' HTTP server instrumentation makes it current). */
    private static Scope inRequestSpan() {
        return Span.wrap(SpanContext.create(TRACE_ID, "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault())).makeCurrent();
    }

    @Test
    void everyMapperWritesTheTraceIdOfTheCurrentSpan() throws Exception {
        try (Scope ignored = inRequestSpan()) {
            List<Response> responses = List.of(
                    mappers.problem(ProblemException.notFound("Class", "c-1"), null),
                    mappers.webApplication(new NotFoundException(), null),
                    mappers.unexpected(new IllegalStateException("boom"), null),
                    ProblemExceptionMappers.lastResort(new IllegalStateException("mapper broke")));
            for (Response response : responses) {
                Problem problem = (Problem) response.getEntity();
                assertEquals(TRACE_ID, problem.traceId(), problem.title());
                JsonNode body = JSON.readTree(JSON.writeValueAsString(problem));
                assertEquals(TRACE_ID, body.path("traceId").asText(), body.toString());
            }
        }
    }

    @Test
    void outsideAnyTraceTheMemberIsLeftOut() throws Exception {
        Problem problem = new Problem(URI.create("https://example.org/p"), "Not Found", 404, "gone", null, List.of());
        assertNull(problem.traceId());
        assertFalse(JSON.readTree(JSON.writeValueAsString(problem)).has("traceId"));
    }
}
