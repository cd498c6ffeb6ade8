package org.iepservices.e2e;

import org.iepservices.events.Topics;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.ServiceLayout;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * docker-compose.yml, deploy/k8s and the Dockerfiles describe the production shape, which cannot run
 * on the development machines. This keeps them honest against what the services actually read:
 * every environment variable they set maps to a key of the service's application.properties, every
 * service gets its own database and the broker, ports and probes match, and the topics created are
 * the contract's topics plus the dead-letter topic, with unlimited retention (reporting is rebuilt
 * from them).
 */
class DeploymentConfigurationTest {

    private static final Path ROOT = Path.of(System.getProperty("iep.repo.root", "..")).toAbsolutePath().normalize();
    private static final Set<String> CONNECTION_KEYS = Set.of("QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS");
    private static final Pattern JDBC_DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/([a-z_]+)");

    @Test
    void composeGivesEveryServiceItsPortItsOwnDatabaseAndOnlyKeysItReads() {
        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> services = map(compose.get("services"));
        Set<String> databaseHosts = new LinkedHashSet<>();
        for (ServiceLayout layout : ServiceLayout.ALL) {
            ServiceProperties props = ServiceProperties.of(layout);
            Map<String, Object> service = map(services.get(layout.module()));
            assertNotNull(service, layout.module() + " is missing from docker-compose.yml");
            Map<String, String> env = strings(map(service.get("environment")));

            assertKeysAreRead(layout, props, env.keySet(), "docker-compose.yml");
            assertChecksTheAudience(layout, props, env, "docker-compose.yml");
            assertTrue(env.keySet().containsAll(CONNECTION_KEYS), layout.module() + " needs " + CONNECTION_KEYS);
            assertEquals(String.valueOf(props.port()), env.get("QUARKUS_HTTP_PORT"), layout.module() + " port");
            assertEquals(List.of(props.port() + ":" + props.port()), service.get("ports"));
            assertEquals(props.database(), database(env.get("QUARKUS_DATASOURCE_JDBC_URL")),
                    layout.module() + " must use its own database");
            String dbService = env.get("QUARKUS_DATASOURCE_JDBC_URL").replaceAll("jdbc:postgresql://([^:/]+).*", "$1");
            databaseHosts.add(dbService);
            assertTrue(services.containsKey(dbService), dbService + " is not a compose service");
            Map<String, String> dbEnv = strings(map(map(services.get(dbService)).get("environment")));
            assertEquals(props.database(), dbEnv.get("POSTGRES_DB"));
            assertEquals(env.get("QUARKUS_DATASOURCE_USERNAME"), dbEnv.get("POSTGRES_USER"));
            assertEquals(env.get("QUARKUS_DATASOURCE_PASSWORD"), dbEnv.get("POSTGRES_PASSWORD"));
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));

            Map<String, Object> build = map(service.get("build"));
            assertTrue(Files.isRegularFile(ROOT.resolve(String.valueOf(build.get("context")))
                    .resolve(String.valueOf(build.get("dockerfile")))), layout.module() + " Dockerfile");
        }
        assertEquals(ServiceLayout.ALL.size(), databaseHosts.size(), "one PostgreSQL server per service");
    }

    @Test
    void kubernetesDeploymentsMatchThePropertiesPortsAndHealthProbes() {
        Path k8s = ROOT.resolve("deploy/k8s");
        Map<String, Map<String, String>> configMaps = new HashMap<>();
        Map<String, Map<String, String>> secrets = new HashMap<>();
        Map<String, Map<String, Object>> deployments = new HashMap<>();
        Map<String, Map<String, Object>> services = new HashMap<>();
        List<Object> resources = list(yaml(k8s.resolve("kustomization.yaml")).get("resources"));
        for (Object file : resources) {
            for (Map<String, Object> doc : yamlDocuments(k8s.resolve(file.toString()))) {
                String name = String.valueOf(map(doc.get("metadata")).get("name"));
                switch (String.valueOf(doc.get("kind"))) {
                    case "ConfigMap" -> configMaps.put(name, strings(map(doc.get("data"))));
                    case "Secret" -> secrets.put(name, strings(map(doc.get("stringData"))));
                    case "Deployment" -> deployments.put(name, doc);
                    case "Service" -> services.put(name, doc);
                    default -> { }
                }
            }
        }
        for (ServiceLayout layout : ServiceLayout.ALL) {
            ServiceProperties props = ServiceProperties.of(layout);
            Map<String, Object> deployment = deployments.get(layout.module());
            assertNotNull(deployment, layout.module() + " has no Deployment in kustomization.yaml's resources");
            Map<String, Object> container = map(list(map(map(map(deployment.get("spec")).get("template"))
                    .get("spec")).get("containers")).get(0));

            Map<String, String> env = new HashMap<>();
            for (Object source : list(container.get("envFrom"))) {
                Map<String, Object> from = map(source);
                if (from.containsKey("configMapRef")) {
                    String name = String.valueOf(map(from.get("configMapRef")).get("name"));
                    assertTrue(configMaps.containsKey(name), "ConfigMap " + name + " is not deployed");
                    env.putAll(configMaps.get(name));
                } else {
                    String name = String.valueOf(map(from.get("secretRef")).get("name"));
                    assertTrue(secrets.containsKey(name), "Secret " + name + " is not deployed");
                    env.putAll(secrets.get(name));
                }
            }
            for (Object entry : list(container.get("env"))) {
                env.put(String.valueOf(map(entry).get("name")), String.valueOf(map(entry).get("value")));
            }

            assertKeysAreRead(layout, props, env.keySet(), "deploy/k8s");
            assertChecksTheAudience(layout, props, env, "deploy/k8s");
            assertTrue(env.keySet().containsAll(CONNECTION_KEYS), layout.module() + " needs " + CONNECTION_KEYS);
            assertEquals(props.database(), database(env.get("QUARKUS_DATASOURCE_JDBC_URL")));
            assertEquals(String.valueOf(props.port()), env.get("QUARKUS_HTTP_PORT"));
            assertEquals(props.port(), map(list(container.get("ports")).get(0)).get("containerPort"));
            assertEquals("/q/health/live", map(map(container.get("livenessProbe")).get("httpGet")).get("path"));
            assertEquals("/q/health/ready", map(map(container.get("readinessProbe")).get("httpGet")).get("path"));

            Map<String, Object> service = services.get(layout.module());
            assertNotNull(service, layout.module() + " has no Service");
            assertEquals(props.port(), map(list(map(service.get("spec")).get("ports")).get(0)).get("port"));
        }
    }

    @Test
    void topicsCreatedEverywhereAreTheContractTopicsPlusDeadLettersKeptForever() throws IOException {
        Set<String> expected = new TreeSet<>(Topics.ALL);
        for (ServiceLayout layout : ServiceLayout.ALL) {
            Properties props = ServiceProperties.of(layout).properties();
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.") && (key.endsWith(".topic"))) {
                    expected.add(props.getProperty(key));
                }
            }
        }
        assertTrue(expected.contains("reporting.dlq"), "the reporting consumers dead-letter to reporting.dlq");
        assertEquals(new TreeSet<>(Topics.ALL), new TreeSet<>(LocalInfrastructure.TOPICS),
                "local-infra creates the contract's topics");

        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertEquals(expected, topicList(compose, "for topic in ([a-z. ]+); do"), "docker-compose.yml topics");
        assertTrue(compose.contains("--config retention.ms=-1"), "compose topics keep every event");

        String job = Files.readString(ROOT.resolve("deploy/k8s/kafka-topics-job.yaml"));
        assertEquals(expected, topicList(job, "value: ([a-z. ]+)\\n"), "Kubernetes job topics");
        assertTrue(job.contains("--config retention.ms=-1"), "Kubernetes topics keep every event");
    }

    @Test
    void dockerfilesRunTheFastJarAndExposeTheServicePort() throws IOException {
        for (ServiceLayout layout : ServiceLayout.ALL) {
            String dockerfile = Files.readString(ROOT.resolve(layout.module()).resolve("src/main/docker/Dockerfile.jvm"));
            assertTrue(dockerfile.contains("EXPOSE " + ServiceProperties.of(layout).port() + "\n"), layout.module());
            assertTrue(dockerfile.contains("target/quarkus-app/lib/"), layout.module() + " copies the fast-jar");
        }
    }

    /** Every variable set for a service must be one it reads, or it is a typo that silently does nothing. */
    private static void assertKeysAreRead(ServiceLayout layout, ServiceProperties props, Set<String> keys, String where) {
        Set<String> unknown = keys.stream().filter(key -> !props.environmentNames().contains(key))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unknown, where + " sets keys " + layout.module() + " does not read");
    }

    /**
     * A service that verifies tokens accepts only those issued for it: without an audience, a token
     * the district's identity provider issued to any other application would be taken as well.
     */
    private static void assertChecksTheAudience(ServiceLayout layout, ServiceProperties props, Map<String, String> env,
                                                String where) {
        if (props.properties().containsKey("mp.jwt.verify.issuer")) {
            String audiences = env.get("MP_JWT_VERIFY_AUDIENCES");
            assertTrue(audiences != null && !audiences.isBlank(),
                    where + " sets no MP_JWT_VERIFY_AUDIENCES for " + layout.module());
        }
    }

    private static Set<String> topicList(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no topic list (" + regex + ")");
        return new TreeSet<>(List.of(m.group(1).trim().split("\\s+")));
    }

    private static String database(String jdbcUrl) {
        Matcher m = JDBC_DATABASE.matcher(String.valueOf(jdbcUrl));
        assertTrue(m.find(), "not a PostgreSQL JDBC URL: " + jdbcUrl);
        return m.group(1);
    }

    /** A service's application.properties and what follows from it. */
    private record ServiceProperties(Properties properties) {

        static ServiceProperties of(ServiceLayout layout) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(
                    ROOT.resolve(layout.module()).resolve("src/main/resources/application.properties"))) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ServiceProperties(p);
        }

        int port() {
            return Integer.parseInt(properties.getProperty("quarkus.http.port"));
        }

        String database() {
            return DeploymentConfigurationTest.database(properties.getProperty("quarkus.datasource.jdbc.url"));
        }

        /**
         * The environment variable names MicroProfile Config maps onto the (non-profile) keys, plus
         * the identity provider's key location and the audience for a service that verifies tokens:
         * they have no default to write down (an empty value is refused), production alone sets them.
         */
        Set<String> environmentNames() {
            Set<String> names = properties.stringPropertyNames().stream()
                    .filter(key -> !key.startsWith("%"))
                    .map(key -> key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT))
                    .collect(Collectors.toCollection(java.util.HashSet::new));
            if (properties.containsKey("mp.jwt.verify.issuer")) {
                names.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
                names.add("MP_JWT_VERIFY_AUDIENCES");
            }
            return names;
        }
    }

    private static Map<String, Object> yaml(Path file) {
        List<Map<String, Object>> docs = yamlDocuments(file);
        assertEquals(1, docs.size(), file + " has one document");
        return docs.get(0);
    }

    private static List<Map<String, Object>> yamlDocuments(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(r)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
