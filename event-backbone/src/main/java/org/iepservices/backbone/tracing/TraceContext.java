package org.iepservices.backbone.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C trace context (https://www.w3.org/TR/trace-context/) as it travels through the transactional
 * outbox: captured from the writing request into two columns of the row, handed by the relay to Kafka as
 * record headers ({@code traceparent}, {@code tracestate}), read back from the headers by the consumer.
 * Always W3C, whatever propagators a service configures for HTTP: the row and the record outlive any one
 * service's configuration, and every consumer must be able to read what any producer wrote.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** A trace context in its W3C text form; {@code tracestate} may be null. */
    public record Carrier(String traceparent, String tracestate) {
    }

    /**
     * The W3C form of {@code context}'s span, or null when it holds no valid span (a write outside any
     * trace, or tracing switched off): the row then carries nothing and its consumers start traces of their own.
     */
    public static Carrier capture(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> fields = new HashMap<>(2);
        W3C.inject(context, fields, Map::put);
        String traceparent = fields.get(TRACEPARENT);
        if (traceparent == null) {
            return null;
        }
        String tracestate = fields.get(TRACESTATE);
        return new Carrier(traceparent, tracestate == null || tracestate.isEmpty() ? null : tracestate);
    }

    /** The context a stored carrier describes (a remote parent), or the root context when there is none or it is malformed. */
    public static Context restore(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> fields = new HashMap<>(2);
        fields.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            fields.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), fields, MAP);
    }

    /** Writes {@code context}'s span onto a Kafka record's headers, replacing any trace headers already there. */
    public static void inject(Context context, Headers headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        Carrier carrier = capture(context);
        if (carrier == null) {
            return;
        }
        headers.add(TRACEPARENT, carrier.traceparent().getBytes(StandardCharsets.UTF_8));
        if (carrier.tracestate() != null) {
            headers.add(TRACESTATE, carrier.tracestate().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The producer's context from a Kafka record's headers (the last {@code traceparent} wins, as Kafka
     * keeps every header added), or {@code otherwise} when the record carries none that is valid.
     */
    public static Context extract(Headers headers, Context otherwise) {
        if (headers == null || headers.lastHeader(TRACEPARENT) == null) {
            return otherwise;
        }
        Context extracted = W3C.extract(Context.root(), headers, HEADERS);
        return Span.fromContext(extracted).getSpanContext().isValid() ? extracted : otherwise;
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceContext() {
    }
}
