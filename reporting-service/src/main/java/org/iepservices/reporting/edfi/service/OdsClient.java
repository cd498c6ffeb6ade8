package org.iepservices.reporting.edfi.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.edfi.config.EdFiOdsConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Iterator;
import java.util.Map;

/**
 * The district's Ed-Fi ODS/API: an OAuth2 client-credentials token, cached until shortly before it
 * expires (and fetched again after a 401), and upserts — an Ed-Fi POST creates or updates the record
 * with the body's natural key (201 or 200). A 5xx or a connection failure is retried with exponential
 * backoff; a 4xx is the ODS refusing the record and is returned at once with the ODS's message.
 */
@ApplicationScoped
public class OdsClient {

    private static final Logger LOG = Logger.getLogger(OdsClient.class);
    /** Fetch a new token this long before the cached one expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

    /** What became of one record: {@code status} is the last HTTP status (0: no answer). */
    public record Outcome(boolean sent, int status, String message, int attempts) {
    }

    private record Token(String value, Instant expiresAt) {
    }

    private final EdFiOdsConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private volatile Token token;

    OdsClient(EdFiOdsConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    }

    /**
     * Upserts one record of {@code resource} (e.g. studentIEPs).
     *
     * @throws TokenRefused when the token endpoint refuses the client
     */
    public Outcome upsert(String resource, JsonNode record) {
        JsonNode body = config.sendExtension() ? record : withoutExtension(record);
        URI uri = URI.create(trimSlash(config.baseUrl().orElseThrow()) + "/" + resource);
        Duration backoff = config.initialBackoff();
        int attempts = 0;
        boolean tokenRefreshed = false;
        while (true) {
            attempts++;
            int status = 0;
            String message;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .timeout(config.requestTimeout())
                        .header("Authorization", "Bearer " + token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status == 200 || status == 201 || status == 204) {
                    return new Outcome(true, status, null, attempts);
                }
                message = odsMessage(response.body());
                if (status == 401 && !tokenRefreshed) {
                    // The token expired early or was revoked: one new token, and the same record again.
                    token = null;
                    tokenRefreshed = true;
                    attempts--;
                    continue;
                }
                if (status < 500) {
                    return new Outcome(false, status, message, attempts);
                }
            } catch (IOException e) {
                message = "no answer from the ODS: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, 0, "interrupted", attempts);
            }
            if (attempts >= config.maxAttempts()) {
                return new Outcome(false, status, message + " (after " + attempts + " attempts)", attempts);
            }
            LOG.debugf("ODS %s: %s, retrying in %s", resource, message, backoff);
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, status, "interrupted", attempts);
            }
            backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    /**
     * The token endpoint refused the client (4xx): no record can be sent, so the push stops (FAILED,
     * with this message) instead of failing every record one by one.
     */
    public static final class TokenRefused extends RuntimeException {
        final int status;

        TokenRefused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private String token() throws IOException, InterruptedException {
        Token current = token;
        if (current != null && Instant.now().isBefore(current.expiresAt().minus(TOKEN_MARGIN))) {
            return current.value();
        }
        synchronized (this) {
            if (token != null && Instant.now().isBefore(token.expiresAt().minus(TOKEN_MARGIN))) {
                return token.value();
            }
            String basic = Base64.getEncoder().encodeToString((config.clientId().orElse("") + ":"
                    + config.clientSecret().orElse("")).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(config.tokenUrl().orElseThrow()))
                    .timeout(config.requestTimeout())
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + URLEncoder.encode(config.clientId().orElse(""), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new IOException("token endpoint answered " + response.statusCode());
            }
            if (response.statusCode() != 200) {
                throw new TokenRefused(response.statusCode(), "token refused: " + odsMessage(response.body()));
            }
            JsonNode answer = mapper.readTree(response.body());
            long expiresIn = answer.path("expires_in").asLong(300);
            token = new Token(answer.path("access_token").asText(), Instant.now().plusSeconds(expiresIn));
            return token.value();
        }
    }

    /**
     * The ODS's own words: Ed-Fi API 7 answers problem details ({@code detail}, {@code validationErrors},
     * {@code errors}), earlier versions {@code message}; anything else is kept as it came.
     */
    String odsMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode json = mapper.readTree(body);
            StringBuilder text = new StringBuilder(json.path("detail").asText(json.path("message").asText("")));
            JsonNode validation = json.path("validationErrors");
            for (Iterator<Map.Entry<String, JsonNode>> it = validation.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> messages = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(m -> messages.add(m.asText()));
                } else {
                    messages.add(e.getValue().asText());
                }
                text.append(' ').append(e.getKey()).append(": ").append(String.join("; ", messages)).append('.');
            }
            for (JsonNode error : json.path("errors")) {
                text.append(' ').append(error.asText()).append(';');
            }
            String s = text.toString().trim();
            return truncate(s.isEmpty() ? body : s);
        } catch (IOException e) {
            return truncate(body);
        }
    }

    private static JsonNode withoutExtension(JsonNode record) {
        if (record instanceof ObjectNode object && object.has("_ext")) {
            ObjectNode copy = object.deepCopy();
            copy.remove("_ext");
            return copy;
        }
        return record;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
