package org.iepservices.e2e;

import org.iepservices.localinfra.LocalSystem;
import org.iepservices.localinfra.ServiceLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole system, started once for the suite with the same launcher as ./run-local: real
 * PostgreSQL and Kafka in this JVM, the four packaged services as separate processes on free ports.
 */
final class RunningSystem {

    private static LocalSystem system;
    private static OtlpTraceReceiver traces;

    /**
     * Reporting's "today": Wednesday of the week after the worked example's, so that week is closed
     * and the next one open on every day the suite runs. Only reporting-service reads the key.
     */
    static final String PINNED_TODAY_KEY = "compliance.today";
    static final String PINNED_TODAY = "2026-09-23";

    /**
     * Two instances of every service on one database and broker, as deploy/k8s runs them; requests
     * alternate between them (see {@link #url}), so nothing a test does may depend on one JVM's memory.
     */
    static final int REPLICAS = 2;

    private static final AtomicInteger NEXT = new AtomicInteger();

    static synchronized LocalSystem get() {
        if (system == null) {
            Path root = Path.of(System.getProperty("iep.repo.root", "..")).toAbsolutePath().normalize();
            // Every service exports its spans to a collector in this JVM (TracingIT reads them).
            traces = OtlpTraceReceiver.start();
            Map<String, String> config = new java.util.HashMap<>(traces.serviceConfig());
            config.put(PINNED_TODAY_KEY, PINNED_TODAY);
            try {
                system = LocalSystem.start(root, root.resolve("e2e-tests/target/e2e-run"), 0,
                        defaultPort -> freePort(), config, REPLICAS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LocalSystem started = system;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-system-stop"));
        }
        return system;
    }

    /** The spans the running services exported (OTLP/HTTP into this JVM). */
    static synchronized OtlpTraceReceiver traces() {
        get();
        return traces;
    }

    private static String adminToken;

    /** A district coordinator's bearer token, signed by the running system's stand-in identity provider. */
    static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = get().tokens().token("e2e-coordinator", "district-admin").name("E2E Coordinator").sign();
        }
        return adminToken;
    }

    /** A provider's token: {@code staff_id} names them, so their caseload is their scope. */
    static String providerToken(String staffId) {
        return get().tokens().token("provider-" + staffId, "provider").staffId(staffId).sign();
    }

    /** One of the service's instances, the next one on each call (round robin, as a load balancer would). */
    static String url(ServiceLayout service) {
        List<org.iepservices.localinfra.ServiceProcess> instances = get().instances(service);
        return instances.get(Math.floorMod(NEXT.getAndIncrement(), instances.size())).baseUrl();
    }

    /** The service's instance number {@code replica} (0 = the first started). */
    static String url(ServiceLayout service, int replica) {
        return get().instances(service).get(replica).baseUrl();
    }

    /** What a platform probe got: status, content type and body. */
    record Probe(int status, String contentType, String body) {
    }

    private static final HttpClient PROBES = HttpClient.newHttpClient();

    /**
     * A GET of one of the service's platform endpoints, which are not part of its API document and so have no
     * generated client: {@code /q/health}, {@code /q/metrics}, {@code /q/openapi}, or a path no API has. The
     * API itself is only ever called through the generated clients ({@link Clients}; a test checks it).
     */
    static Probe probe(ServiceLayout service, String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(service) + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = PROBES.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Probe(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RunningSystem() {
    }
}
