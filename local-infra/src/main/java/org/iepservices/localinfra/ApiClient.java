package org.iepservices.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A small JSON-over-HTTP client for the services' public APIs; any non-2xx answer is an error.
 * A 422 with {@code Retry-After} (a reference another service has published but this one has not
 * received yet) is retried, the way a real client of an event-driven system must.
 */
final class ApiClient {

    private static final int RETRIES = 30;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final String baseUrl;
    private final String token;

    ApiClient(String baseUrl) {
        this(baseUrl, null);
    }

    ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same service as another caller. */
    ApiClient as(String bearerToken) {
        return new ApiClient(baseUrl, bearerToken);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode postBytes(String path, String contentType, byte[] body) {
        return exchange(path, "POST", builder -> builder.header("Content-Type", contentType)
                .method("POST", HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** GETs {@code path} until {@code ready} holds (a copy that has to arrive through Kafka). */
    JsonNode await(String path, Predicate<JsonNode> ready, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        String last = "nothing yet";
        while (true) {
            try {
                JsonNode node = get(path);
                if (ready.test(node)) {
                    return node;
                }
                last = node.toString();
            } catch (IllegalStateException notYet) {
                last = notYet.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GET " + baseUrl + path + " not ready after " + atMost.toSeconds()
                        + " s; last answer: " + (last.length() > 300 ? last.substring(0, 300) + "..." : last));
            }
            sleep(200);
        }
    }

    private JsonNode send(String method, String path, Object body) {
        return exchange(path, method, builder -> {
            if (body == null) {
                return builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                return builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write " + body, e);
            }
        });
    }

    private JsonNode exchange(String path, String method,
                              java.util.function.UnaryOperator<HttpRequest.Builder> body) {
        try {
            for (int attempt = 1; ; attempt++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json");
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = http.send(body.apply(request).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 422 && response.headers().firstValue("Retry-After").isPresent()
                        && attempt < RETRIES) {
                    sleep(500);
                    continue;
                }
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException(method + " " + baseUrl + path + " answered "
                            + response.statusCode() + ": " + response.body());
                }
                return response.body().isEmpty() ? mapper.nullNode() : mapper.readTree(response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
