package org.iepservices.localinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL database and a real Kafka broker, from the
 * JVM-wide {@link LocalInfrastructure}, and makes the service trust tokens of
 * {@link TokenIssuer#shared()}. Init arg {@code database} names the service's database.
 */
public class RealInfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.LinkedHashMap<>(LocalInfrastructure.shared().serviceConfig(database));
        // Services verify bearer tokens of this JVM's stand-in identity provider; tests mint theirs with it.
        config.putAll(TokenIssuer.shared().serviceConfig());
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; a shutdown hook stops it when the JVM exits.
    }
}
