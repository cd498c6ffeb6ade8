package org.iepservices.localinfra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntUnaryOperator;

/**
 * The whole system on one machine: PostgreSQL, Kafka and the four packaged services as child
 * processes, optionally loaded with demo data through the public APIs. Stops everything it
 * started on Ctrl-C. Started by {@code ./run-local}; the e2e suite uses the same pieces.
 */
public final class LocalSystem implements AutoCloseable {

    private final LocalInfrastructure infra;
    private final List<ServiceProcess> services;
    private final TokenIssuer tokens;
    private final Path repoRoot;
    private final Path workDir;
    private final Map<ServiceLayout, Map<String, String>> configs = new LinkedHashMap<>();

    private LocalSystem(LocalInfrastructure infra, List<ServiceProcess> services, TokenIssuer tokens, Path repoRoot,
                        Path workDir) {
        this.infra = infra;
        this.services = services;
        this.tokens = tokens;
        this.repoRoot = repoRoot;
        this.workDir = workDir;
    }

    /**
     * Starts infrastructure and services. {@code portFor} maps a service's default port to the one
     * to use (identity for the local run, free ports for tests).
     */
    public static LocalSystem start(Path repoRoot, Path workDir, int postgresPort, IntUnaryOperator portFor,
                                    Map<String, String> extraConfig) throws IOException, InterruptedException {
        return start(repoRoot, workDir, postgresPort, portFor, extraConfig, 1);
    }

    /**
     * As above with {@code replicas} instances of each service on the same database and broker, as
     * deploy/k8s runs them: the second instance of a service starts once the first is ready (its
     * migrations done), then each replica is one more consumer in the service's consumer groups.
     */
    public static LocalSystem start(Path repoRoot, Path workDir, int postgresPort, IntUnaryOperator portFor,
                                    Map<String, String> extraConfig, int replicas)
            throws IOException, InterruptedException {
        LocalInfrastructure infra = LocalInfrastructure.start(postgresPort, LocalInfrastructure.SERVICE_DATABASES);
        List<ServiceProcess> started = new ArrayList<>();
        // A fresh signing key per run: the services trust only tokens minted by this run.
        TokenIssuer tokens = TokenIssuer.generate();
        LocalSystem system = new LocalSystem(infra, started, tokens, repoRoot, workDir);
        try {
            for (ServiceLayout layout : ServiceLayout.ALL) {
                Map<String, String> config = new LinkedHashMap<>(infra.serviceConfig(layout.database()));
                config.putAll(tokens.serviceConfig());
                config.putAll(extraConfig);
                system.configs.put(layout, config);
                started.add(ServiceProcess.start(repoRoot, layout.module(), portFor.applyAsInt(layout.defaultPort()),
                        config, workDir.resolve("logs"), "256m"));
            }
            for (ServiceProcess service : List.copyOf(started)) {
                service.awaitReady(Duration.ofSeconds(120));
            }
            for (int replica = 2; replica <= replicas; replica++) {
                List<ServiceProcess> more = new ArrayList<>();
                for (ServiceLayout layout : ServiceLayout.ALL) {
                    more.add(system.startReplica(layout, replica,
                            portFor.applyAsInt(layout.defaultPort() + 100 * (replica - 1))));
                }
                started.addAll(more);
                for (ServiceProcess service : more) {
                    service.awaitReady(Duration.ofSeconds(120));
                }
            }
            return system;
        } catch (IOException | InterruptedException | RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public LocalInfrastructure infrastructure() {
        return infra;
    }

    /** The stand-in identity provider whose tokens the services accept. */
    public TokenIssuer tokens() {
        return tokens;
    }

    public ServiceProcess service(ServiceLayout layout) {
        return services.stream().filter(s -> s.name().equals(layout.module())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(layout.module() + " is not running"));
    }

    /** Every running instance of the service, the first started first. */
    public List<ServiceProcess> instances(ServiceLayout layout) {
        return services.stream().filter(s -> s.name().equals(layout.module())).toList();
    }

    /**
     * Starts (or, after a crash, starts again) replica number {@code replica} of a service on
     * {@code port}, with the configuration of its first instance; not yet waited for.
     */
    public synchronized ServiceProcess startReplica(ServiceLayout layout, int replica, int port) throws IOException {
        ServiceProcess process = ServiceProcess.start(repoRoot, layout.module(), layout.module() + "-" + replica, port,
                configs.get(layout), workDir.resolve("logs"), "256m");
        return process;
    }

    /** Replaces a stopped or killed instance by {@code replacement} in {@link #instances}. */
    public synchronized void replace(ServiceProcess gone, ServiceProcess replacement) {
        int at = services.indexOf(gone);
        if (at < 0) {
            throw new IllegalArgumentException(gone.name() + " on " + gone.port() + " is not one of this system's");
        }
        services.set(at, replacement);
    }

    @Override
    public void close() {
        // All at once: each stop may wait up to 20 s for a graceful end, and a test JVM that takes too
        // long to exit is killed by its runner, which would leave the services running as orphans.
        List.copyOf(services).parallelStream().forEach(ServiceProcess::close);
        infra.close();
    }

    public static void main(String[] args) throws Exception {
        boolean demo = true;
        int postgresPort = 15432;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--no-demo" -> demo = false;
                case "--postgres-port" -> postgresPort = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: run-local [--no-demo] [--postgres-port N]");
                    System.exit(2);
                }
            }
        }
        Path repoRoot = Path.of(System.getProperty("iep.repo.root", ".")).toAbsolutePath().normalize();
        Path workDir = repoRoot.resolve(".run-local");
        long t0 = System.nanoTime();
        System.out.println("Starting PostgreSQL, Kafka and the four services (logs in " + workDir.resolve("logs") + ") ...");
        LocalSystem system = start(repoRoot, workDir, postgresPort, port -> port, Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping services, Kafka and PostgreSQL ...");
            system.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "local-system-stop"));
        double startSeconds = (System.nanoTime() - t0) / 1e9;

        DemoData.Loaded loaded = null;
        if (demo) {
            long d0 = System.nanoTime();
            System.out.println("Loading the demo district through the public APIs ...");
            loaded = new DemoData(system, System.out::println).load();
            System.out.printf("Demo data loaded in %.1f s: %s%n", (System.nanoTime() - d0) / 1e9, loaded.summary());
            System.out.println("  district   : " + loaded.districtId());
            loaded.schools().forEach((sourcedId, id) -> System.out.printf("  school     : %s %s%n", id, sourcedId));
            for (String provider : List.of("slp-whitfield", "slp-ortiz", "ot-tanaka")) {
                System.out.printf("  provider   : %s %s%n", loaded.staff().get(provider), provider);
            }
            System.out.println("  a student  : " + loaded.students().get(0));
        }
        Path tokenFile = DemoTokens.write(system.tokens(), loaded, workDir.resolve("tokens.env"));
        System.out.println("\nBearer tokens (valid 12 h, one per role" + (demo ? " for the demo's people" : "")
                + ") are in " + tokenFile + ", e.g.:");
        System.out.println("  source " + repoRoot.relativize(tokenFile) + " && curl -H \"Authorization: Bearer $DISTRICT_ADMIN_TOKEN\" "
                + system.service(ServiceLayout.STUDENT).baseUrl() + "/api/v1/students?limit=5");

        System.out.printf("%nAll services are up (started in %.1f s).%n", startSeconds);
        System.out.println("  PostgreSQL : " + system.infrastructure().jdbcUrl("<database>") + " (user postgres)");
        System.out.println("  Kafka      : " + system.infrastructure().kafkaBootstrapServers());
        for (ServiceLayout layout : ServiceLayout.ALL) {
            ServiceProcess s = system.service(layout);
            System.out.printf("  %-18s %s/q/swagger-ui   (OpenAPI %s/q/openapi, health %s/q/health)%n",
                    layout.module(), s.baseUrl(), s.baseUrl(), s.baseUrl());
        }
        System.out.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }
}
