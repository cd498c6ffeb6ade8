package org.iepservices.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.iepservices.client.reporting.api.AdministrationApi;
import org.iepservices.client.reporting.api.DeliveredMinutesApi;
import org.iepservices.client.reporting.model.DeliveredMinutesResponse;
import org.iepservices.client.schedule.api.SessionSeriesApi;
import org.iepservices.client.session.api.SessionLogsApi;
import org.iepservices.client.session.model.CompleteRequest;
import org.iepservices.client.student.api.StudentsApi;
import org.iepservices.e2e.Clients.Call;
import org.iepservices.e2e.Clients.Refusal;
import org.iepservices.e2e.OtlpTraceReceiver.Kind;
import org.iepservices.e2e.OtlpTraceReceiver.ReceivedSpan;
import org.iepservices.e2e.TestDistrict.Enrolled;
import org.iepservices.localinfra.ServiceLayout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.iepservices.e2e.Clients.*;
import static org.iepservices.e2e.TestDistrict.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * One trace from {@code POST /api/v1/session-logs/{id}/complete} in session-service to the compliance
 * projection in reporting-service, as the services export it over OTLP to a collector in this JVM
 * ({@link OtlpTraceReceiver}). The request carries a W3C {@code traceparent} of the test's own, so the
 * trace is known before anything happens; the reporting consumer's span can only be in it if the
 * transactional outbox stored the context and the relay's Kafka record carried it.
 */
class TracingIT {

    @Test
    void completingASessionIsOneTraceFromTheRequestToTheReportingProjection() throws Exception {
        Enrolled e = speechStudent(1, 1);
        UUID logId = draftLog(e, "2026-09-16", "PULL_OUT", 30);
        String traceId = hex(16);
        String callerSpanId = hex(8);

        // The provider signs, their request carrying the caller's own trace context (a header no document declares).
        JsonNode signed = json(status(session(RunningSystem.url(ServiceLayout.SESSION), providerToken(e),
                Map.of("traceparent", "00-" + traceId + "-" + callerSpanId + "-01"), SessionLogsApi::new)
                .completeSessionLogWithHttpInfo(logId, new CompleteRequest().signedBy("Dana Whitfield")
                        .credentials("CCC-SLP")), 200));
        assertTrue(signed.path("locked").asBoolean(), signed.toString());
        eventually(PROPAGATION).untilAsserted(() -> {
            DeliveredMinutesResponse minutes = status(reporting(DeliveredMinutesApi::new)
                    .getDeliveredMinutesStudentWithHttpInfo(e.studentId(), LocalDate.parse("2026-09-14"),
                            LocalDate.parse("2026-09-20")), 200);
            assertEquals(30, minutes.getDelivered().getTotal());
        });

        OtlpTraceReceiver traces = RunningSystem.traces();
        await().atMost(Duration.ofSeconds(30)).until(() -> projectionSpan(traces.trace(traceId)).isPresent());
        List<ReceivedSpan> trace = traces.trace(traceId);
        Map<String, ReceivedSpan> byId = trace.stream()
                .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
        String tree = tree(trace);
        System.out.println("TRACE of one completed session (" + trace.size() + " spans, trace " + traceId + "):\n"
                + tree);

        ReceivedSpan http = trace.stream()
                .filter(s -> s.service().equals("session-service") && s.kind() == Kind.SERVER
                        && callerSpanId.equals(s.parentSpanId()))
                .findFirst().orElseThrow(() -> new AssertionError("no session-service request span:\n" + tree));
        assertEquals("/api/v1/session-logs/{id}/complete", http.attributes().get("http.route"), tree);

        ReceivedSpan send = trace.stream()
                .filter(s -> s.service().equals("session-service") && s.kind() == Kind.PRODUCER
                        && "SessionCompleted".equals(s.attributes().get("cloudevents.event_type")))
                .findFirst().orElseThrow(() -> new AssertionError("no outbox relay span for SessionCompleted:\n" + tree));
        assertEquals("session.events publish", send.name());
        assertTrue(descends(send, http, byId), "the relay's send descends from the request that wrote the row:\n" + tree);

        ReceivedSpan projection = projectionSpan(trace).orElseThrow();
        assertEquals("reporting-service", projection.service());
        assertEquals(send.attributes().get("cloudevents.event_id"), projection.attributes().get("cloudevents.event_id"),
                "the projection applied the event that was sent");
        assertTrue(descends(projection, send, byId), "the projection continues the Kafka record's trace:\n" + tree);
        assertTrue(descends(projection, http, byId), "one trace from the HTTP request to the projection:\n" + tree);
    }

    @Test
    void everyServiceNamesTheRequestsTraceInItsProblemJson() throws Exception {
        String admin = RunningSystem.adminToken();
        Map<ServiceLayout, Function<String, Call>> unknownRecord = Map.of(
                ServiceLayout.STUDENT, traceparent -> () -> student(RunningSystem.url(ServiceLayout.STUDENT), admin,
                        Map.of("traceparent", traceparent), StudentsApi::new).getStudent(UUID.randomUUID()),
                ServiceLayout.SCHEDULE, traceparent -> () -> schedule(RunningSystem.url(ServiceLayout.SCHEDULE), admin,
                        Map.of("traceparent", traceparent), SessionSeriesApi::new).getSessionSeries(UUID.randomUUID()),
                ServiceLayout.SESSION, traceparent -> () -> session(RunningSystem.url(ServiceLayout.SESSION), admin,
                        Map.of("traceparent", traceparent), SessionLogsApi::new).getSessionLog(UUID.randomUUID()),
                ServiceLayout.REPORTING, traceparent -> () -> reporting(RunningSystem.url(ServiceLayout.REPORTING),
                        admin, Map.of("traceparent", traceparent), AdministrationApi::new).getRebuild(UUID.randomUUID()));
        for (ServiceLayout service : ServiceLayout.ALL) {
            String traceId = hex(16);
            Refusal refusal = refused(404, unknownRecord.get(service).apply("00-" + traceId + "-" + hex(8) + "-01"));
            assertTrue(refusal.contentType().startsWith("application/problem+json"), service + ": " + refusal);
            assertEquals(traceId, JSON.readTree(refusal.body()).path("traceId").asText(), service + ": " + refusal);
        }
        // Without a caller's trace, the service starts one and still names it.
        Refusal own = refused(404, () -> session(SessionLogsApi::new).getSessionLog(UUID.randomUUID()));
        String ownTrace = JSON.readTree(own.body()).path("traceId").asText();
        assertTrue(ownTrace.matches("[0-9a-f]{32}"), own.toString());
    }

    /** reporting-service's compliance consumer applying the SessionCompleted. */
    private static Optional<ReceivedSpan> projectionSpan(List<ReceivedSpan> trace) {
        return trace.stream().filter(s -> s.service().equals("reporting-service") && s.kind() == Kind.CONSUMER
                && s.name().equals("compliance.session SessionCompleted")).findFirst();
    }

    /** Whether {@code ancestor} is on {@code span}'s chain of parents (within the trace as exported). */
    private static boolean descends(ReceivedSpan span, ReceivedSpan ancestor, Map<String, ReceivedSpan> byId) {
        for (ReceivedSpan at = span; at != null; at = byId.get(at.parentSpanId())) {
            if (at.parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }

    /** The trace as an indented tree, parents before children (the closing note's figure). */
    private static String tree(List<ReceivedSpan> trace) {
        Map<String, List<ReceivedSpan>> children = trace.stream().collect(Collectors.groupingBy(ReceivedSpan::parentSpanId));
        List<String> ids = trace.stream().map(ReceivedSpan::spanId).toList();
        List<ReceivedSpan> roots = trace.stream().filter(s -> !ids.contains(s.parentSpanId())).toList();
        StringBuilder out = new StringBuilder();
        for (ReceivedSpan root : roots) {
            print(root, children, 0, out);
        }
        return out.toString();
    }

    private static void print(ReceivedSpan span, Map<String, List<ReceivedSpan>> children, int depth, StringBuilder out) {
        out.append("  ".repeat(depth + 1)).append(span.service()).append("  ").append(span.kind()).append("  ")
                .append(span.name());
        String type = span.attributes().get("cloudevents.event_type");
        if (type != null && !span.name().endsWith(type)) {
            out.append("  (").append(type).append(')');
        }
        out.append('\n');
        List<ReceivedSpan> kids = new ArrayList<>(children.getOrDefault(span.spanId(), List.of()));
        kids.sort(Comparator.comparing(ReceivedSpan::service).thenComparing(ReceivedSpan::name));
        for (ReceivedSpan kid : kids) {
            print(kid, children, depth + 1, out);
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never the all-zero id W3C forbids
        return HexFormat.of().formatHex(b);
    }
}
