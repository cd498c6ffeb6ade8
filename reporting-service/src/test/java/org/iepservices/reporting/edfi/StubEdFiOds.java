package org.iepservices.reporting.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Ed-Fi ODS/API in the test JVM (JDK HttpServer): the OAuth2 token endpoint (client credentials,
 * HTTP Basic) and POST of the four special-education resources under /data/v3/ed-fi, behaving as the
 * ODS does — a bearer token required (401), every payload checked against the model
 * ({@link EdFiModel}: missing or mistyped required property, or a property the model has not → 400
 * with problem details and validationErrors), references resolved (409 when the StudentIEP or
 * prescription does not exist), upsert by natural key (201 created, 200 updated). A test can make it
 * answer 500 to the next N posts of a resource. As a Quarkus test resource it points edfi.ods.* at itself.
 */
public class StubEdFiOds implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "iep-services";
    public static final String CLIENT_SECRET = "s3cret";

    private static volatile StubEdFiOds running;

    /** One POST the stub answered. */
    public record Request(String resource, int status, JsonNode body) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private HttpServer server;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    public final AtomicInteger tokensIssued = new AtomicInteger();
    /** resource → natural key → the record stored. */
    private final Map<String, Map<List<String>, JsonNode>> store = new ConcurrentHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failNext = new ConcurrentHashMap<>();

    public static StubEdFiOds running() {
        return running;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/oauth/token", this::token);
        server.createContext("/data/v3/ed-fi/", this::resource);
        server.start();
        running = this;
        String base = "http://localhost:" + server.getAddress().getPort();
        return Map.of("edfi.ods.enabled", "true",
                "edfi.ods.base-url", base + "/data/v3/ed-fi",
                "edfi.ods.token-url", base + "/oauth/token",
                "edfi.ods.client-id", CLIENT_ID,
                "edfi.ods.client-secret", CLIENT_SECRET,
                "edfi.ods.max-attempts", "4",
                "edfi.ods.initial-backoff", "20ms",
                "edfi.ods.max-backoff", "100ms");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Forgets every token issued (the next post answers 401); {@code refuseClient}: the token endpoint too. */
    public void revokeTokens(boolean refuseClient) {
        tokens.clear();
        this.refuseClient = refuseClient;
    }

    private volatile boolean refuseClient;

    /** The next {@code n} posts of {@code resource} answer 500 (a transient ODS failure). */
    public void failNext(String resource, int n) {
        failNext.computeIfAbsent(resource, r -> new AtomicInteger()).set(n);
    }

    public Map<List<String>, JsonNode> stored(String resource) {
        return store.getOrDefault(resource, Map.of());
    }

    public List<Request> requests(String resource) {
        return requests.stream().filter(r -> r.resource().equals(resource)).toList();
    }

    private void token(HttpExchange x) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (refuseClient || !"POST".equals(x.getRequestMethod()) || !expected.equals(x.getRequestHeaders().getFirst("Authorization"))
                || !body.contains("grant_type=client_credentials")) {
            send(x, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        tokensIssued.incrementAndGet();
        send(x, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":1800,\"token_type\":\"bearer\"}");
    }

    private void resource(HttpExchange x) throws IOException {
        String resource = x.getRequestURI().getPath().substring("/data/v3/ed-fi/".length());
        byte[] raw = x.getRequestBody().readAllBytes();
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
            answer(x, resource, null, 401, problem(401, "Unauthorized", "Authorization denied.", Map.of()));
            return;
        }
        if (!"POST".equals(x.getRequestMethod()) || !EdFiModel.PROPERTIES.containsKey(resource)) {
            answer(x, resource, null, 404, problem(404, "Not Found", "No such resource: " + resource, Map.of()));
            return;
        }
        JsonNode body;
        try {
            body = mapper.readTree(raw);
        } catch (IOException e) {
            answer(x, resource, null, 400, problem(400, "Bad Request", "The request body is not JSON.", Map.of()));
            return;
        }
        AtomicInteger failures = failNext.get(resource);
        if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(x, resource, body, 500, problem(500, "Internal Server Error", "Transient failure.", Map.of()));
            return;
        }
        List<String> violations = EdFiModel.violations(resource, body, false);
        if (!violations.isEmpty()) {
            answer(x, resource, body, 400, problem(400, "Data Validation Failed",
                    "Data validation failed. See 'validationErrors' for details.", Map.of("$", violations)));
            return;
        }
        if (!resource.equals("studentIEPs") && !stored("studentIEPs").containsKey(iepKey(body.path("studentIEPReference")))) {
            answer(x, resource, body, 409, problem(409, "Unresolved Reference",
                    "The referenced 'StudentIEP' resource does not exist.", Map.of()));
            return;
        }
        JsonNode prescription = body.path("studentIEPServicePrescriptionReference");
        if (resource.equals("studentIEPServiceDeliveries") && prescription.isObject()
                && !stored("studentIEPServicePrescriptions").containsKey(prescriptionKey(prescription))) {
            answer(x, resource, body, 409, problem(409, "Unresolved Reference",
                    "The referenced 'StudentIEPServicePrescription' resource does not exist.", Map.of()));
            return;
        }
        JsonNode previous = store.computeIfAbsent(resource, r -> new ConcurrentHashMap<>())
                .put(naturalKey(resource, body), body);
        answer(x, resource, body, previous == null ? 201 : 200, "");
    }

    static List<String> iepKey(JsonNode ref) {
        return List.of(ref.path("educationOrganizationId").asText(), ref.path("iepFinalizedDate").asText(),
                ref.path("studentIEPIdentifier").asText(), ref.path("studentUniqueId").asText());
    }

    private static List<String> prescriptionKey(JsonNode ref) {
        List<String> key = new ArrayList<>(iepKey(ref));
        key.add(ref.path("servicePrescriptionDescriptor").asText());
        key.add(ref.path("servicePrescriptionDate").asText());
        return key;
    }

    /** The identity of a record: what an Ed-Fi POST upserts on. */
    static List<String> naturalKey(String resource, JsonNode body) {
        if (resource.equals("studentIEPs")) {
            return List.of(body.path("educationOrganizationReference").path("educationOrganizationId").asText(),
                    body.path("iepFinalizedDate").asText(), body.path("studentIEPIdentifier").asText(),
                    body.path("studentReference").path("studentUniqueId").asText());
        }
        List<String> key = new ArrayList<>(iepKey(body.path("studentIEPReference")));
        switch (resource) {
            case "studentIEPServicePrescriptions" -> {
                key.add(body.path("servicePrescriptionDescriptor").asText());
                key.add(body.path("servicePrescriptionDate").asText());
            }
            case "studentIEPServiceDeliveries" -> {
                key.add(body.path("iepServiceDeliveryIdentifier").asText());
                key.add(body.path("serviceDeliveryDescriptor").asText());
                key.add(body.path("serviceDeliveryDate").asText());
            }
            default -> key.add(body.path("iepGoalIdentifier").asText());
        }
        return key;
    }

    private String problem(int status, String title, String detail, Map<String, List<String>> validationErrors)
            throws IOException {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("detail", detail);
        p.put("type", "urn:ed-fi:api:" + title.toLowerCase().replace(' ', '-'));
        p.put("title", title);
        p.put("status", status);
        if (!validationErrors.isEmpty()) {
            p.put("validationErrors", validationErrors);
        }
        return mapper.writeValueAsString(p);
    }

    private void answer(HttpExchange x, String resource, JsonNode body, int status, String response) throws IOException {
        requests.add(new Request(resource, status, body));
        send(x, status, response);
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        } else {
            x.close();
        }
    }
}
