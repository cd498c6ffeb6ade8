package org.iepservices.localinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL database and a real Kafka broker, from the
 * JVM-wide {@link LocalInfrastructure}. Init arg {@code database} names the service's database.
 */
public class RealInfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return LocalInfrastructure.shared().serviceConfig(database);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; a shutdown hook stops it when the JVM exits.
    }
}
