package org.iepservices.reporting.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.iepservices.webhooks.domain.WebhookSigner;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A district's webhook receiver in the test JVM (JDK HttpServer): verifies every delivery's signature and
 * timestamp with the subscription's secret as the Standard Webhooks spec tells receivers to, deduplicates by
 * {@code webhook-id}, and answers 204 (401 for a bad signature). It can be stopped and started again on the same
 * port, to play a receiver that is down for a while.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One endpoint (a path) with its subscription's secret and what it received. */
    static final class Endpoint {
        final String path;
        volatile String secret;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        final Map<String, JsonNode> byId = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> timesById = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Instant> firstReceipts = new ConcurrentLinkedQueue<>();

        Endpoint(String path) {
            this.path = path;
        }

        int distinct() {
            return byId.size();
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private volatile HttpServer server;
    private int port;

    Endpoint endpoint(String path) {
        return endpoints.computeIfAbsent(path, Endpoint::new);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void start() throws IOException {
        IOException last = null;
        for (int i = 0; i < 50; i++) { // the port of a stopped server may take a moment to be free again
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                s.createContext("/", this::handle);
                s.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
                s.start();
                server = s;
                port = s.getAddress().getPort();
                return;
            } catch (BindException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException(ie);
                }
            }
        }
        throw last;
    }

    /** Down: the port refuses connections until {@link #start()}. */
    void stop() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
            ((java.util.concurrent.ExecutorService) s.getExecutor()).shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (endpoint == null || !"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            endpoint.requests.incrementAndGet();
            String body = new String(raw, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            boolean valid = WebhookSigner.verify(endpoint.secret, id,
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
                    exchange.getRequestHeaders().getFirst("webhook-signature"), Instant.now(), Duration.ofMinutes(5));
            if (!valid) {
                endpoint.badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode event = mapper.readTree(body);
            if (endpoint.byId.putIfAbsent(id, event) == null) {
                endpoint.firstReceipts.add(Instant.now());
            }
            endpoint.timesById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
