package org.iepservices.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real PostgreSQL server (zonky's embedded binaries, one database per service) and a real
 * Kafka broker in KRaft mode running in this JVM. Backs the local run, every service's
 * integration tests and the end-to-end suite, so all of them exercise the same real parts.
 */
public final class LocalInfrastructure implements AutoCloseable {

    /** The databases the four services own. */
    public static final List<String> SERVICE_DATABASES = List.of("student", "schedule", "session", "reporting");

    /** Must match org.iepservices.events.Topics (this module stays independent of the contract). */
    public static final List<String> TOPICS = List.of("roster.events", "iep.events", "schedule.events", "session.events", "reporting.events", "audit.events");

    private static final int PARTITIONS = 3;
    private static LocalInfrastructure shared;

    /** Replaced by {@link #startPostgres()} after {@link #stopPostgres()}: same port, same data directory. */
    private volatile EmbeddedPostgres postgres;
    private final Path postgresData;
    private final KafkaClusterTestKit kafka;

    private LocalInfrastructure(EmbeddedPostgres postgres, Path postgresData, KafkaClusterTestKit kafka) {
        this.postgres = postgres;
        this.postgresData = postgresData;
        this.kafka = kafka;
    }

    /** PostgreSQL on {@code port} with its data in {@code data} (created by initdb when empty), kept when stopped. */
    private static EmbeddedPostgres startPostgres(int port, Path data) throws java.io.IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setDataDirectory(data)
                // Our data directory, deleted by close(): a stop for a fault test must keep it.
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * Starts PostgreSQL on {@code postgresPort} (0 picks a free one) with the given databases,
     * and a one-node Kafka cluster with the event topics.
     */
    public static LocalInfrastructure start(int postgresPort, List<String> databases) {
        EmbeddedPostgres postgres = null;
        try {
            Path data = Files.createTempDirectory("iep-postgres-");
            postgres = startPostgres(postgresPort, data);
            LocalInfrastructure infra = new LocalInfrastructure(postgres, data, startKafka());
            for (String db : databases) {
                infra.createDatabase(db);
            }
            infra.createTopics(TOPICS);
            return infra;
        } catch (Exception e) {
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("Could not start the local infrastructure: " + e.getMessage(), e);
        }
    }

    /** One instance per JVM for test suites; stopped when the JVM exits. */
    public static synchronized LocalInfrastructure shared() {
        if (shared == null) {
            shared = start(0, List.of());
            LocalInfrastructure toClose = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(toClose::close, "local-infra-stop"));
        }
        return shared;
    }

    private static KafkaClusterTestKit startKafka() throws Exception {
        // Our own log directory, deleted by close(): the test kit's default one is deleted by a JVM
        // shutdown hook that can run while the broker is still up, and a broker whose log
        // directory vanishes halts the JVM with status 1 (failing the test fork, skipping the other
        // shutdown hooks that stop the services and PostgreSQL).
        Path logDirectory = Files.createTempDirectory("iep-kafka-");
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBaseDirectory(logDirectory)
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setDeleteOnClose(true)
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        return kit;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The settings a service needs to use {@code database} and the broker, as Quarkus config keys. */
    public Map<String, String> serviceConfig(String database) {
        createDatabase(database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        config.put("quarkus.datasource.username", username());
        config.put("quarkus.datasource.password", password());
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        return config;
    }

    /** Creates the database unless it exists. */
    public synchronized void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (r.next()) {
                    return;
                }
            }
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public void createTopics(List<String> topics) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, PARTITIONS, (short) 1));
            }
            try {
                admin.createTopics(newTopics).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** Shuts the broker down (the controller keeps running): clients see Kafka as unreachable. */
    public void stopKafkaBroker() {
        kafka.brokers().values().forEach(broker -> broker.shutdown());
    }

    /** Restarts the broker on the same port with the same log directory; nothing stored is lost. */
    public void startKafkaBroker() {
        try {
            for (var broker : kafka.brokers().values()) {
                broker.startup();
            }
            kafka.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not come back", e);
        }
    }

    /**
     * Stops PostgreSQL (fast shutdown: open connections are cut, as in a database restart); the data
     * directory and port are kept for {@link #startPostgres()}.
     */
    public synchronized void stopPostgres() {
        try {
            postgres.close();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop", e);
        }
    }

    /** Starts PostgreSQL again on the same port with the same data: nothing committed is lost. */
    public synchronized void startPostgres() {
        try {
            postgres = startPostgres(postgres.getPort(), postgresData);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("PostgreSQL did not come back", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            kafka.close();
        } catch (Exception e) {
            System.err.println("Kafka did not stop cleanly: " + e);
        }
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
        deleteRecursively(postgresData);
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("Could not delete " + directory + ": " + e);
        }
    }
}
