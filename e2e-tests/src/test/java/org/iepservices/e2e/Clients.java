package org.iepservices.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionFactory;
import org.iepservices.localinfra.ServiceLayout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The suite's only way to call the services' APIs: the Java clients generated at build time from the exported
 * documents docs/openapi/&lt;service&gt;.json (module api-clients). A document that no longer matches what a test
 * sends or reads breaks this module's compile or a test, so it fails CI. Each call gets a client of its own on
 * the next replica ({@link RunningSystem#url(ServiceLayout)} round-robins) with the caller's bearer token:
 * {@code student(IepsApi::new).activateIep(id)} as the district coordinator, {@code session(token, MissesApi::new)}
 * as someone else.
 *
 * <p>Where a document does not describe a response body the test needs (the generated method returns
 * {@code void}, or the first content type listed has no schema), {@link #undescribed} keeps the body of that
 * one call; each use names the document gap (see the README, "Generated clients").
 */
final class Clients {

    /** Reads untyped ({@code Object}) response values and undescribed bodies as JSON trees. */
    static final ObjectMapper JSON = org.iepservices.client.reporting.ApiClient.createDefaultObjectMapper();

    // --- one factory per service: as the district coordinator, as a token's holder, on a given instance

    static <A> A student(Function<org.iepservices.client.student.ApiClient, A> api) {
        return student(RunningSystem.adminToken(), api);
    }

    static <A> A student(String token, Function<org.iepservices.client.student.ApiClient, A> api) {
        return student(RunningSystem.url(ServiceLayout.STUDENT), token, Map.of(), api);
    }

    static <A> A student(String baseUrl, String token, Map<String, String> headers,
                         Function<org.iepservices.client.student.ApiClient, A> api) {
        org.iepservices.client.student.ApiClient client = new org.iepservices.client.student.ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(as(token, headers));
        client.setResponseInterceptor(Clients::keepIfAsked);
        return api.apply(client);
    }

    static <A> A schedule(Function<org.iepservices.client.schedule.ApiClient, A> api) {
        return schedule(RunningSystem.adminToken(), api);
    }

    static <A> A schedule(String token, Function<org.iepservices.client.schedule.ApiClient, A> api) {
        return schedule(RunningSystem.url(ServiceLayout.SCHEDULE), token, Map.of(), api);
    }

    static <A> A schedule(String baseUrl, String token, Map<String, String> headers,
                          Function<org.iepservices.client.schedule.ApiClient, A> api) {
        org.iepservices.client.schedule.ApiClient client = new org.iepservices.client.schedule.ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(as(token, headers));
        client.setResponseInterceptor(Clients::keepIfAsked);
        return api.apply(client);
    }

    static <A> A session(Function<org.iepservices.client.session.ApiClient, A> api) {
        return session(RunningSystem.adminToken(), api);
    }

    static <A> A session(String token, Function<org.iepservices.client.session.ApiClient, A> api) {
        return session(RunningSystem.url(ServiceLayout.SESSION), token, Map.of(), api);
    }

    static <A> A session(String baseUrl, String token, Map<String, String> headers,
                         Function<org.iepservices.client.session.ApiClient, A> api) {
        org.iepservices.client.session.ApiClient client = new org.iepservices.client.session.ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(as(token, headers));
        client.setResponseInterceptor(Clients::keepIfAsked);
        return api.apply(client);
    }

    static <A> A reporting(Function<org.iepservices.client.reporting.ApiClient, A> api) {
        return reporting(RunningSystem.adminToken(), api);
    }

    static <A> A reporting(String token, Function<org.iepservices.client.reporting.ApiClient, A> api) {
        return reporting(RunningSystem.url(ServiceLayout.REPORTING), token, Map.of(), api);
    }

    static <A> A reporting(String baseUrl, String token, Map<String, String> headers,
                           Function<org.iepservices.client.reporting.ApiClient, A> api) {
        org.iepservices.client.reporting.ApiClient client = new org.iepservices.client.reporting.ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(as(token, headers));
        client.setResponseInterceptor(Clients::keepIfAsked);
        return api.apply(client);
    }

    /** The caller's bearer token (none when null) and headers the document does not declare (they replace the client's). */
    private static Consumer<HttpRequest.Builder> as(String token, Map<String, String> headers) {
        return request -> {
            if (token != null) {
                request.setHeader("Authorization", "Bearer " + token);
            }
            headers.forEach(request::setHeader);
        };
    }

    /**
     * Waits like a client of an event-driven system polls: until the assertions hold, retrying while they fail
     * and while the service answers with an error (a 404 for a record that has not arrived yet is an
     * ApiException, not an AssertionError). The last failure is reported when time runs out.
     */
    static ConditionFactory eventually(Duration atMost) {
        return await().atMost(atMost).ignoreExceptionsMatching(Clients::isApiException);
    }

    private static boolean isApiException(Throwable e) {
        return e instanceof org.iepservices.client.student.ApiException
                || e instanceof org.iepservices.client.schedule.ApiException
                || e instanceof org.iepservices.client.session.ApiException
                || e instanceof org.iepservices.client.reporting.ApiException;
    }

    // --- statuses: the generated methods accept any 2xx, the tests say which one

    static <T> T status(org.iepservices.client.student.ApiResponse<T> response, int... expected) {
        return expect(response.getStatusCode(), expected, response.getData());
    }

    static <T> T status(org.iepservices.client.schedule.ApiResponse<T> response, int... expected) {
        return expect(response.getStatusCode(), expected, response.getData());
    }

    static <T> T status(org.iepservices.client.session.ApiResponse<T> response, int... expected) {
        return expect(response.getStatusCode(), expected, response.getData());
    }

    static <T> T status(org.iepservices.client.reporting.ApiResponse<T> response, int... expected) {
        return expect(response.getStatusCode(), expected, response.getData());
    }

    private static <T> T expect(int actual, int[] expected, T data) {
        assertTrue(Arrays.stream(expected).anyMatch(s -> s == actual),
                "status " + actual + ", expected one of " + Arrays.toString(expected) + "; body: " + data);
        return data;
    }

    /** A call the service must refuse: its status (asserted) and its error body, from the client's ApiException. */
    static Refusal refused(int expected, Call call) {
        Refusal refusal = refusal(call);
        if (refusal.status() != expected) {
            fail("expected " + expected + ", got " + refusal);
        }
        return refusal;
    }

    static Refusal refusal(Call call) {
        try {
            call.run();
        } catch (org.iepservices.client.student.ApiException e) {
            return new Refusal(e.getCode(), contentType(e.getResponseHeaders()), e.getResponseBody());
        } catch (org.iepservices.client.schedule.ApiException e) {
            return new Refusal(e.getCode(), contentType(e.getResponseHeaders()), e.getResponseBody());
        } catch (org.iepservices.client.session.ApiException e) {
            return new Refusal(e.getCode(), contentType(e.getResponseHeaders()), e.getResponseBody());
        } catch (org.iepservices.client.reporting.ApiException e) {
            return new Refusal(e.getCode(), contentType(e.getResponseHeaders()), e.getResponseBody());
        } catch (Exception e) {
            throw new AssertionError("not a refusal by the service", e);
        }
        throw new AssertionError("the service accepted the call");
    }

    private static String contentType(java.net.http.HttpHeaders headers) {
        return headers == null ? "" : headers.firstValue("Content-Type").orElse("");
    }

    /** An error response: status, content type and body (problem+json for the services' own 4xx). */
    record Refusal(int status, String contentType, String body) {
    }

    // --- response bodies the documents do not describe

    private static final ThreadLocal<Raw[]> KEEP = new ThreadLocal<>();

    /**
     * Makes {@code call} (one generated method) and returns the 2xx response as sent, for a response the
     * document does not describe (so the generated method returns {@code void}) or whose first content type
     * has no schema. The body is read before the generated code discards it.
     */
    static Raw undescribed(Call call) throws Exception {
        Raw[] kept = new Raw[1];
        KEEP.set(kept);
        try {
            call.run();
        } finally {
            KEEP.remove();
        }
        if (kept[0] == null) {
            throw new AssertionError("no 2xx response to keep");
        }
        return kept[0];
    }

    private static void keepIfAsked(HttpResponse<InputStream> response) {
        Raw[] kept = KEEP.get();
        if (kept == null || response.statusCode() / 100 != 2) {
            return; // error bodies stay with the client's ApiException
        }
        try {
            kept[0] = new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 2xx response read as sent. */
    record Raw(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        <T> T as(Class<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An untyped ({@code Object}) response value as a JSON tree. */
    static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    /** One generated client method call. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    private Clients() {
    }
}
