package org.iepservices.student.bench;

import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.ServiceProcess;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged student-service (target/quarkus-app) as its own JVM on a database of its own, as in
 * production, for the benchmark and the corpus run. Samples the service's heap from /q/metrics.
 */
final class RunningService implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern HEAP_USED = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.eE+]+)", Pattern.MULTILINE);

    private final ServiceProcess process;
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicBoolean sampling = new AtomicBoolean();
    private Thread sampler;

    private RunningService(ServiceProcess process) {
        this.process = process;
    }

    static RunningService start(LocalInfrastructure infra, String database, String maxHeap) throws Exception {
        Map<String, String> config = new java.util.LinkedHashMap<>(infra.serviceConfig(database));
        config.put("quarkus.log.console.level", "WARN");
        config.putAll(org.iepservices.localinfra.TokenIssuer.shared().serviceConfig());
        Path root = Path.of(System.getProperty("repo.root", ".")).toAbsolutePath().normalize();
        ServiceProcess process = ServiceProcess.start(root, "student-service", freePort(), config,
                root.resolve("student-service/target/bench-logs/" + database), maxHeap);
        process.awaitReady(Duration.ofSeconds(120));
        return new RunningService(process);
    }

    /** The Authorization header value of the benchmark's calls: a district admin (imports and OneRoster reads). */
    static String bearer() {
        return "Bearer " + org.iepservices.localinfra.TokenIssuer.shared().token("bench", "district-admin").sign();
    }

    String url(String path) {
        return process.baseUrl() + path;
    }

    /** Samples used heap every 100 ms until {@link #stopSampling()}; returns the peak then. */
    void startSampling() {
        peakHeap.set(0);
        sampling.set(true);
        sampler = new Thread(() -> {
            while (sampling.get()) {
                peakHeap.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    long stopSampling() throws InterruptedException {
        sampling.set(false);
        sampler.join();
        return peakHeap.get();
    }

    long heapUsed() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(url("/q/metrics"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = HEAP_USED.matcher(metrics);
            double sum = 0;
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return (long) sum;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    /** A metric's value (first series), or -1. */
    double metric(String name) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(url("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+([0-9.eE+-]+)", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(2)) : -1;
    }

    @Override
    public void close() {
        process.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
