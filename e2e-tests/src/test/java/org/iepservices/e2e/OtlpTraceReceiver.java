package org.iepservices.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A tiny OpenTelemetry collector in the test JVM: the services export their spans to it over OTLP/HTTP
 * ({@code http/protobuf}, {@code POST /v1/traces}) exactly as they would to a real collector, and the
 * tests read what arrived. The protobuf messages are decoded here from the wire format (only the fields
 * the tests look at: the resource's {@code service.name}, and per span its ids, parent, name, kind,
 * string attributes and links), so nothing of the services' own exporter is reused to check it.
 */
final class OtlpTraceReceiver implements AutoCloseable {

    /** One exported span. Ids are lower-case hex; {@code parentSpanId} is empty for a root span. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
                        Map<String, String> attributes, List<String> linkedSpanIds) {

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + spanId + " <- " + (parentSpanId.isEmpty() ? "(root)"
                    : parentSpanId);
        }
    }

    /** OTLP's Span.SpanKind, in its wire order. */
    enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    private final HttpServer server;
    /**
     * The newest spans, the oldest dropped beyond {@link #KEPT}: the whole suite exports into this JVM
     * (the demo district alone makes tens of thousands of spans), and a test looks only at its own trace.
     */
    private final Deque<ReceivedSpan> spans = new ArrayDeque<>();
    private static final int KEPT = 100_000;
    /** The span attributes kept (the rest are not needed by the tests and would only fill the heap). */
    private static final Set<String> ATTRIBUTES = Set.of("http.route", "http.request.method", "url.path",
            "messaging.destination.name", "messaging.consumer.name", "cloudevents.event_id", "cloudevents.event_type");
    private volatile String lastError;

    private OtlpTraceReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpTraceReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(0), 50);
            OtlpTraceReceiver receiver = new OtlpTraceReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "otlp-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a service needs to export here: the endpoint, OTLP over HTTP, and a short batch delay. */
    Map<String, String> serviceConfig() {
        return Map.of(
                "quarkus.otel.exporter.otlp.endpoint", "http://localhost:" + server.getAddress().getPort(),
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "200ms");
    }

    synchronized List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    synchronized int received() {
        return spans.size();
    }

    private synchronized void keep(List<ReceivedSpan> batch) {
        spans.addAll(batch);
        while (spans.size() > KEPT) {
            spans.removeFirst();
        }
    }

    /** The last request that could not be decoded, if any (a test failing on a missing span says why). */
    String lastError() {
        return lastError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            if (exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                try {
                    keep(exportTraceServiceRequest(body));
                } catch (RuntimeException e) {
                    lastError = e.toString();
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
            }
            // An empty ExportTraceServiceResponse: everything accepted.
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- OTLP trace messages (opentelemetry-proto, trace/v1/trace.proto), decoded from the wire format ---

    /** ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; } */
    static List<ReceivedSpan> exportTraceServiceRequest(byte[] message) {
        List<ReceivedSpan> out = new ArrayList<>();
        Wire request = new Wire(message, 0, message.length);
        while (request.more()) {
            int tag = request.tag();
            if (tag >>> 3 == 1) {
                resourceSpans(request.message(), out);
            } else {
                request.skip(tag);
            }
        }
        return out;
    }

    /** ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; } */
    private static void resourceSpans(Wire m, List<ReceivedSpan> out) {
        String service = "";
        List<Wire> scopes = new ArrayList<>();
        while (m.more()) {
            int tag = m.tag();
            switch (tag >>> 3) {
                case 1 -> service = attributes(m.message(), 1).getOrDefault("service.name", "");
                case 2 -> scopes.add(m.message());
                default -> m.skip(tag);
            }
        }
        for (Wire scope : scopes) {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            while (scope.more()) {
                int tag = scope.tag();
                if (tag >>> 3 == 2) {
                    out.add(span(scope.message(), service));
                } else {
                    scope.skip(tag);
                }
            }
        }
    }

    /**
     * Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
     * repeated KeyValue attributes = 9; repeated Link links = 13; }
     */
    private static ReceivedSpan span(Wire m, String service) {
        String traceId = "", spanId = "", parent = "", name = "";
        Kind kind = Kind.UNSPECIFIED;
        Map<String, String> attributes = new HashMap<>();
        List<String> links = new ArrayList<>();
        while (m.more()) {
            int tag = m.tag();
            switch (tag >>> 3) {
                case 1 -> traceId = HexFormat.of().formatHex(m.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(m.bytes());
                case 4 -> parent = HexFormat.of().formatHex(m.bytes());
                case 5 -> name = m.string();
                case 6 -> kind = Kind.values()[(int) m.varint()];
                case 9 -> {
                    keyValue(m.message(), attributes);
                    attributes.keySet().retainAll(ATTRIBUTES);
                }
                case 13 -> {
                    // Link { bytes trace_id = 1; bytes span_id = 2; ... }
                    Wire link = m.message();
                    while (link.more()) {
                        int t = link.tag();
                        if (t >>> 3 == 2) {
                            links.add(HexFormat.of().formatHex(link.bytes()));
                        } else {
                            link.skip(t);
                        }
                    }
                }
                default -> m.skip(tag);
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, attributes, links);
    }

    /** The string-valued KeyValues of field {@code field} of {@code m} (Resource: attributes = 1). */
    private static Map<String, String> attributes(Wire m, int field) {
        Map<String, String> out = new HashMap<>();
        while (m.more()) {
            int tag = m.tag();
            if (tag >>> 3 == field) {
                keyValue(m.message(), out);
            } else {
                m.skip(tag);
            }
        }
        return out;
    }

    /** KeyValue { string key = 1; AnyValue value = 2; }, AnyValue { string string_value = 1; bool = 2; int = 3; } */
    private static void keyValue(Wire kv, Map<String, String> out) {
        String key = null, value = null;
        while (kv.more()) {
            int tag = kv.tag();
            if (tag >>> 3 == 1) {
                key = kv.string();
            } else if (tag >>> 3 == 2) {
                Wire any = kv.message();
                while (any.more()) {
                    int t = any.tag();
                    switch (t >>> 3) {
                        case 1 -> value = any.string();
                        case 2 -> value = String.valueOf(any.varint() != 0);
                        case 3 -> value = String.valueOf(any.varint());
                        default -> any.skip(t);
                    }
                }
            } else {
                kv.skip(tag);
            }
        }
        if (key != null && value != null) {
            out.put(key, value);
        }
    }

    /** Protocol Buffers wire format (https://protobuf.dev/programming-guides/encoding/), reading one message. */
    private static final class Wire {
        private final byte[] data;
        private int pos;
        private final int end;

        Wire(byte[] data, int from, int to) {
            this.data = data;
            this.pos = from;
            this.end = to;
        }

        boolean more() {
            return pos < end;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[pos++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        Wire message() {
            int length = (int) varint();
            if (length < 0 || pos + length > end) {
                throw new IllegalArgumentException("length " + length + " beyond the message");
            }
            Wire sub = new Wire(data, pos, pos + length);
            pos += length;
            return sub;
        }

        byte[] bytes() {
            Wire sub = message();
            byte[] out = new byte[sub.end - sub.pos];
            System.arraycopy(data, sub.pos, out, 0, out.length);
            return out;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> message();
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
            }
        }
    }
}
