package org.iepservices.backbone.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The W3C trace context survives the outbox row and the Kafka record headers unchanged. */
class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    private static Context requestSpan(TraceState state) {
        return Context.root().with(Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), state)));
    }

    @Test
    void theRowKeepsTraceparentAndTracestateAndGivesBackTheSameRemoteParent() {
        TraceState state = TraceState.builder().put("district", "d7").put("vendor", "x1").build();
        TraceContext.Carrier row = TraceContext.capture(requestSpan(state));
        assertEquals("00-" + TRACE_ID + "-" + SPAN_ID + "-01", row.traceparent());
        assertEquals("vendor=x1,district=d7", row.tracestate(), "W3C order: the newest member first");

        SpanContext restored = Span.fromContext(TraceContext.restore(row.traceparent(), row.tracestate())).getSpanContext();
        assertTrue(restored.isValid() && restored.isRemote());
        assertEquals(TRACE_ID, restored.getTraceId());
        assertEquals(SPAN_ID, restored.getSpanId());
        assertTrue(restored.isSampled());
        assertEquals("d7", restored.getTraceState().get("district"));
    }

    @Test
    void outsideAnyTraceNothingIsStoredAndNothingRestored() {
        assertNull(TraceContext.capture(Context.root()));
        assertFalse(Span.fromContext(TraceContext.restore(null, null)).getSpanContext().isValid());
        assertFalse(Span.fromContext(TraceContext.restore("not-a-traceparent", null)).getSpanContext().isValid());
        assertNull(TraceContext.capture(requestSpan(TraceState.getDefault())).tracestate());
    }

    @Test
    void theHeadersRoundTripAndReplaceTraceHeadersAlreadyThere() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        headers.add(TraceContext.TRACEPARENT, ("00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01")
                .getBytes(StandardCharsets.UTF_8));
        TraceContext.inject(requestSpan(TraceState.builder().put("k", "v").build()), headers);

        List<String> traceparents = new ArrayList<>();
        for (Header h : headers.headers(TraceContext.TRACEPARENT)) {
            traceparents.add(new String(h.value(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("00-" + TRACE_ID + "-" + SPAN_ID + "-01"), traceparents, "one traceparent, the new one");
        assertEquals("k=v", new String(headers.lastHeader(TraceContext.TRACESTATE).value(), StandardCharsets.UTF_8));
        assertNotNull(headers.lastHeader("ce_id"), "other headers stay");

        SpanContext producer = Span.fromContext(TraceContext.extract(headers, Context.root())).getSpanContext();
        assertEquals(TRACE_ID, producer.getTraceId());
        assertEquals(SPAN_ID, producer.getSpanId());
        assertEquals("v", producer.getTraceState().get("k"));
    }

    @Test
    void aRecordWithoutAValidTraceparentContinuesWhateverIsCurrent() {
        Context current = requestSpan(TraceState.getDefault());
        assertSame(current, TraceContext.extract(new RecordHeaders(), current));
        RecordHeaders garbage = new RecordHeaders();
        garbage.add(TraceContext.TRACEPARENT, "00-zz-yy-01".getBytes(StandardCharsets.UTF_8));
        assertSame(current, TraceContext.extract(garbage, current));
        assertSame(current, TraceContext.extract(null, current));
    }
}
