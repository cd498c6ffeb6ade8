package org.iepservices.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Hostile input against every operation a running service publishes in its OpenAPI document
 * ({@code /q/openapi?format=json}): path ids with encoded spaces, quotes, unicode, NUL, huge numbers
 * and non-UUIDs; query parameters of the wrong type; bodies that are not JSON, arrays instead of
 * objects, the empty object, and each field in turn of the wrong type or a huge number; a wrong
 * content type and an unacceptable Accept; and every operation once without a token.
 * <p>
 * The contract checked is the one every service promises: no input of the client's makes a 5xx,
 * and every 4xx is RFC 9457 {@code application/problem+json} whose {@code status} is the response's.
 * Every offence is collected, so one run lists all of them ({@link Report#offences()}).
 * <p>
 * Each malformed request breaks one thing and keeps the rest plausible (random UUIDs for the other
 * ids, required query parameters present), so the malformation is what the service must refuse.
 * Nothing it sends is valid as a whole except the unauthenticated request, which a secured service
 * refuses with 401, so it changes no data of the service under test.
 */
public final class OpenApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String HUGE_NUMBER = "99999999999999999999999999999999999999";

    /** Path segments a client may send in place of an id, already percent-encoded as on the wire. */
    static final List<String> BAD_PATH_VALUES = List.of(
            "a%20b", "%22quoted%22", "%27", "%3Cscript%3E", "caf%C3%A9-%E2%9C%93", "%F0%9F%98%80", "%00", "%25",
            "x".repeat(1500), HUGE_NUMBER, "-1", "0", "not-a-uuid", "00000000-0000-0000-0000-00000000000Z",
            "..%2F..%2Fetc%2Fpasswd", "%E0%A4%A");

    /** Query values of the wrong type for any declared parameter, percent-encoded. */
    static final List<String> BAD_QUERY_VALUES = List.of(
            "abc", HUGE_NUMBER, "-" + HUGE_NUMBER, "-1", "1.5", "", "%00", "a%20b%22c", "%F0%9F%98%80",
            "2026-13-45", "NOT_A_VALUE", "true", "x".repeat(1500));

    private final URI root;
    private final String token;
    private JsonNode components = NODES.objectNode();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout = Duration.ofSeconds(30);

    private OpenApiFuzzer(URI root, String token) {
        this.root = root;
        this.token = token;
    }

    /**
     * A fuzzer of the service at {@code root} (e.g. {@code http://localhost:8081/}) sending
     * {@code bearerToken} (a district admin's, so the requests get past the role checks).
     */
    public static OpenApiFuzzer against(URI root, String bearerToken) {
        String base = root.toString().endsWith("/") ? root.toString().substring(0, root.toString().length() - 1)
                : root.toString();
        return new OpenApiFuzzer(URI.create(base), bearerToken);
    }

    /** What a run drove and what it found. */
    public record Report(int operations, int requests, int serverErrors, List<String> offences) {

        /** Fails with every offending operation and input in one message. */
        public void assertClean() {
            if (!offences.isEmpty()) {
                throw new AssertionError(offences.size() + " of " + requests + " hostile requests to " + operations
                        + " operations were not answered with a problem+json 4xx (" + serverErrors + " were 5xx):\n  "
                        + String.join("\n  ", offences));
            }
        }

        @Override
        public String toString() {
            return operations + " operations, " + requests + " requests, " + serverErrors + " 5xx, "
                    + offences.size() + " offences";
        }
    }

    /** Drives every operation of the service's OpenAPI document. */
    public Report run() {
        JsonNode api = openApi();
        components = api.path("components");
        List<String> offences = new ArrayList<>();
        int[] counts = new int[3]; // operations, requests, 5xx
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            Attempt wrongMethod = wrongMethod(path.getKey(), path.getValue());
            if (wrongMethod != null) {
                counts[1]++;
                String offence = send(wrongMethod);
                if (offence != null) {
                    counts[2] += offence.startsWith("5") ? 1 : 0;
                    offences.add(wrongMethod.method + " " + path.getKey() + " with " + wrongMethod.what + " -> " + offence);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                counts[0]++;
                Operation operation = Operation.of(this, op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        path.getValue(), op.getValue());
                for (Attempt attempt : attempts(operation)) {
                    counts[1]++;
                    String offence = send(attempt);
                    if (offence != null) {
                        if (offence.startsWith("5")) {
                            counts[2]++;
                        }
                        offences.add(operation.method + " " + operation.template + " with " + attempt.what
                                + " -> " + offence);
                    }
                }
            }
        }
        return new Report(counts[0], counts[1], counts[2], List.copyOf(offences));
    }

    private JsonNode openApi() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(root + "/q/openapi?format=json"))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/q/openapi answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document of " + root, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request to send: what it breaks (for the report) and how. */
    record Attempt(String what, String method, String pathAndQuery, String contentType, byte[] body, String accept,
                   boolean authenticated) {
    }

    List<Attempt> attempts(Operation op) {
        List<Attempt> attempts = new ArrayList<>();
        Map<String, String> goodPath = new LinkedHashMap<>();
        op.pathParams.forEach((name, schema) -> goodPath.put(name, plausible(schema)));
        String goodQuery = op.requiredQuery();
        byte[] plausibleBody = op.jsonBody ? JSON.valueToTree(sample(op.bodySchema, 0)).toString()
                .getBytes(StandardCharsets.UTF_8) : null;

        for (String name : op.pathParams.keySet()) {
            for (String bad : BAD_PATH_VALUES) {
                Map<String, String> path = new LinkedHashMap<>(goodPath);
                path.put(name, bad);
                attempts.add(new Attempt("path " + name + "=" + abbreviate(bad), op.method,
                        op.path(path) + goodQuery, op.contentType(), plausibleBody, null, true));
            }
        }
        for (Map.Entry<String, JsonNode> query : op.queryParams.entrySet()) {
            for (String bad : BAD_QUERY_VALUES) {
                if (bad.equals(plausible(query.getValue()))) {
                    continue;
                }
                attempts.add(new Attempt("query " + query.getKey() + "=" + abbreviate(bad), op.method,
                        op.path(goodPath) + op.queryWith(query.getKey(), bad), op.contentType(), plausibleBody,
                        null, true));
            }
        }
        if (op.hasBody) {
            String target = op.path(goodPath) + goodQuery;
            for (Map.Entry<String, String> body : malformedBodies(op).entrySet()) {
                attempts.add(new Attempt("body " + body.getKey(), op.method, target, op.contentType(),
                        body.getValue().getBytes(StandardCharsets.UTF_8), null, true));
            }
            if (op.jsonBody) {
                attempts.add(new Attempt("content type text/plain", op.method, target, "text/plain",
                        "hello".getBytes(StandardCharsets.UTF_8), null, true));
            }
        }
        attempts.add(new Attempt("Accept: application/x-unknown", op.method, op.path(goodPath) + goodQuery,
                op.contentType(), plausibleBody, "application/x-unknown", true));
        attempts.add(new Attempt("no token", op.method, op.path(goodPath) + goodQuery, op.contentType(),
                plausibleBody, null, false));
        return attempts;
    }

    /** A method the path does not offer (405), with plausible ids; null when it offers them all. */
    private Attempt wrongMethod(String template, JsonNode pathItem) {
        for (String method : List.of("patch", "delete", "put", "post", "get")) {
            if (!pathItem.has(method)) {
                Operation op = Operation.of(this, method.toUpperCase(Locale.ROOT), template,
                        pathItem, NODES.objectNode());
                Map<String, String> ids = new LinkedHashMap<>();
                op.pathParams.forEach((name, schema) -> ids.put(name, plausible(schema)));
                return new Attempt("a method the path does not offer", op.method, op.path(ids), null, null, null, true);
            }
        }
        return null;
    }

    /** Bodies that are not what the operation takes, by name for the report. */
    private Map<String, String> malformedBodies(Operation op) {
        Map<String, String> bodies = new LinkedHashMap<>();
        if (!op.jsonBody) {
            bodies.put("of bytes that are no such file", "PK\u0003\u0004 this is not a zip or a csv \u0000\u00ff");
            bodies.put("empty", "");
            return bodies;
        }
        bodies.put("not JSON", "this is not json");
        bodies.put("truncated JSON", "{\"a\": ");
        bodies.put("empty", "");
        bodies.put("null", "null");
        bodies.put("a number", HUGE_NUMBER);
        bodies.put("a string", "\"text\"");
        bodies.put("deeply nested", "[".repeat(5000) + "]".repeat(5000));
        JsonNode schema = op.bodySchema;
        boolean array = "array".equals(schema.path("type").asText());
        bodies.put(array ? "an object instead of an array" : "an array instead of an object", array ? "{}" : "[{}]");
        bodies.put(array ? "an empty array" : "the empty object", array ? "[]" : "{}");
        if (array) {
            bodies.put("an array of strings", "[\"x\", \"y\"]");
            schema = op.resolve(schema.path("items"));
        }
        JsonNode properties = schema.path("properties");
        ObjectNode base = sample(schema, 0) instanceof ObjectNode o ? o : NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode fieldSchema = op.resolve(field.getValue());
            for (Map.Entry<String, JsonNode> wrong : wrongValues(op, fieldSchema).entrySet()) {
                ObjectNode body = base.deepCopy();
                body.set(field.getKey(), wrong.getValue());
                String json = body.toString();
                if (wrong.getValue().isTextual() && wrong.getValue().asText().equals("$HUGE$")) {
                    body.put(field.getKey(), 0);
                    json = body.toString().replace("\"" + field.getKey() + "\":0", "\"" + field.getKey() + "\":" + HUGE_NUMBER);
                }
                bodies.put(field.getKey() + " " + wrong.getKey(), array ? "[" + json + "]" : json);
            }
        }
        return bodies;
    }

    /** Values of the wrong kind for a field of this schema (and a huge one for a number). */
    private Map<String, JsonNode> wrongValues(Operation op, JsonNode schema) {
        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        String type = type(op, schema);
        switch (type) {
            case "integer", "number" -> {
                wrong.put("as text", NODES.textNode("abc"));
                wrong.put("huge", NODES.textNode("$HUGE$"));
                wrong.put("as an object", NODES.objectNode());
            }
            case "boolean" -> wrong.put("as text", NODES.textNode("maybe"));
            case "array" -> {
                wrong.put("as text", NODES.textNode("x"));
                wrong.put("with a null item", NODES.arrayNode().addNull());
                wrong.put("as an object", NODES.objectNode());
            }
            case "object" -> {
                wrong.put("as a number", NODES.numberNode(1));
                wrong.put("as an array", NODES.arrayNode());
            }
            default -> {
                wrong.put("as a number", NODES.numberNode(12));
                wrong.put("as an array", NODES.arrayNode().add("x"));
                wrong.put("unreadable", NODES.textNode("not-a-" + schema.path("format").asText("value") + "-%00\u0000"));
                if (schema.has("enum") || schema.has("format")) {
                    wrong.put("empty", NODES.textNode(""));
                }
            }
        }
        wrong.put("null", NODES.nullNode());
        return wrong;
    }

    /** A plausible value of this schema: the body every field mutation starts from. */
    private Object sample(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 6) {
            return null;
        }
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum") && resolved.path("enum").size() > 0) {
            return JSON.convertValue(resolved.path("enum").get(0), Object.class);
        }
        JsonNode composed = resolved.has("allOf") ? resolved.path("allOf").get(0)
                : resolved.has("oneOf") ? resolved.path("oneOf").get(0)
                : resolved.has("anyOf") ? resolved.path("anyOf").get(0) : null;
        if (composed != null) {
            return sample(composed, depth + 1);
        }
        String format = resolved.path("format").asText("");
        switch (resolved.path("type").asText(resolved.has("properties") ? "object" : "")) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                resolved.path("properties").fields().forEachRemaining(f -> object.put(f.getKey(), sample(f.getValue(), depth + 1)));
                return object;
            }
            case "array" -> {
                Object item = sample(resolved.path("items"), depth + 1);
                return item == null ? List.of() : List.of(item);
            }
            case "integer" -> {
                return 1;
            }
            case "number" -> {
                return 1.5;
            }
            case "boolean" -> {
                return true;
            }
            case "string" -> {
                return switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2026-09-14";
                    case "date-time" -> "2026-09-14T12:00:00Z";
                    case "local-time", "time" -> "09:00:00";
                    default -> "x";
                };
            }
            default -> {
                return null;
            }
        }
    }

    /** The schema a {@code $ref} points to (within the document's components). */
    JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            String[] parts = node.path("$ref").asText().replaceFirst("^#/components/", "").split("/");
            JsonNode target = components;
            for (String part : parts) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    private static String type(Operation op, JsonNode schema) {
        JsonNode resolved = op.resolve(schema);
        if (resolved.has("type")) {
            return resolved.path("type").asText();
        }
        return resolved.has("properties") ? "object" : "string";
    }

    /** A plausible path or query value of this schema, percent-encoded. */
    private String plausible(JsonNode schema) {
        Object sample = sample(schema, 0);
        return sample == null ? "x" : java.net.URLEncoder.encode(sample.toString(), StandardCharsets.UTF_8);
    }

    private String send(Attempt attempt) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(root + attempt.pathAndQuery)).timeout(timeout);
        } catch (IllegalArgumentException e) {
            return null; // not sendable by a client at all
        }
        HttpRequest.BodyPublisher body = attempt.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(attempt.body);
        request.method(attempt.method, body);
        if (attempt.body != null && attempt.contentType != null) {
            request.header("Content-Type", attempt.contentType);
        }
        request.header("Accept", attempt.accept != null ? attempt.accept : "application/json, */*;q=0.5");
        if (attempt.authenticated && token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return "no answer (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return offence(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** Null when the answer keeps the contract; else what was wrong with it. */
    static String offence(int status, String contentType, String body) {
        if (status >= 500) {
            return status + " " + contentType + " " + abbreviate(body);
        }
        if (status < 400) {
            return null;
        }
        if (!contentType.startsWith("application/problem+json")) {
            return status + " as '" + contentType + "', not problem+json: " + abbreviate(body);
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != status) {
                return status + " with a problem whose status is " + problem.path("status");
            }
        } catch (IOException e) {
            return status + " problem+json that is no JSON: " + abbreviate(body);
        }
        return null;
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 60) + "…(" + flat.length() + " chars)";
    }

    /** One operation of the document, with its parameters' and body's schemas resolved. */
    final class Operation {

        final String method;
        final String template;
        final Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        final Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        final Set<String> requiredQuery = new java.util.LinkedHashSet<>();
        boolean hasBody;
        boolean jsonBody;
        String mediaType;
        JsonNode bodySchema = NODES.objectNode();

        private Operation(String method, String template) {
            this.method = method;
            this.template = template;
        }

        static Operation of(OpenApiFuzzer fuzzer, String method, String template, JsonNode pathItem, JsonNode op) {
            Operation operation = fuzzer.new Operation(method, template);
            List<JsonNode> parameters = new ArrayList<>();
            pathItem.path("parameters").forEach(parameters::add);
            op.path("parameters").forEach(parameters::add);
            for (JsonNode parameter : parameters) {
                JsonNode p = fuzzer.resolve(parameter);
                String name = p.path("name").asText();
                switch (p.path("in").asText()) {
                    case "path" -> operation.pathParams.put(name, p.path("schema"));
                    case "query" -> {
                        operation.queryParams.put(name, p.path("schema"));
                        if (p.path("required").asBoolean(false)) {
                            operation.requiredQuery.add(name);
                        }
                    }
                    default -> { }
                }
            }
            // A template variable the document does not declare is still a path parameter.
            java.util.regex.Matcher vars = java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(template);
            while (vars.find()) {
                operation.pathParams.putIfAbsent(vars.group(1), NODES.objectNode().put("type", "string"));
            }
            JsonNode content = fuzzer.resolve(op.path("requestBody")).path("content");
            if (content.size() > 0) {
                operation.hasBody = true;
                Iterator<String> types = content.fieldNames();
                String chosen = types.next();
                for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
                    String type = it.next();
                    if (type.contains("json")) {
                        chosen = type;
                    }
                }
                operation.mediaType = chosen;
                operation.jsonBody = chosen.contains("json");
                operation.bodySchema = fuzzer.resolve(content.path(chosen).path("schema"));
            }
            return operation;
        }

        JsonNode resolve(JsonNode schema) {
            return OpenApiFuzzer.this.resolve(schema);
        }

        String contentType() {
            return mediaType == null ? "application/json" : mediaType.replace("*/*", "application/octet-stream");
        }

        String path(Map<String, String> values) {
            String path = template;
            for (Map.Entry<String, String> value : values.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            return path;
        }

        String requiredQuery() {
            return queryWith(null, null);
        }

        /** The required query parameters with plausible values, and {@code name} with {@code value}. */
        String queryWith(String name, String value) {
            List<String> pairs = new ArrayList<>();
            for (String required : requiredQuery) {
                if (!required.equals(name)) {
                    pairs.add(required + "=" + plausible(queryParams.get(required)));
                }
            }
            if (name != null) {
                pairs.add(name + "=" + value);
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }
    }

}
