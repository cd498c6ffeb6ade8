package org.iepservices.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every end-to-end step goes through a client generated from the exported OpenAPI documents (see {@link Clients}),
 * so a document that stops matching the API fails the suite. This fails when an e2e source talks HTTP by hand:
 * RestAssured, or java.net.http outside the plumbing (RunningSystem's platform probes, the clients' interceptors).
 */
class ClientsOnlyTest {

    /** Where raw HTTP is allowed: the system's platform probes, the generated clients' plumbing, this test. */
    private static final Set<String> PLUMBING = Set.of("RunningSystem.java", "Clients.java", "ClientsOnlyTest.java");

    private static final List<String> HAND_WRITTEN_HTTP = List.of("io.restassured", "java.net.http",
            "java.net.HttpURLConnection", "org.apache.http");

    @Test
    void noEndToEndSourceCallsTheApisByHand() throws IOException {
        Path root = Path.of(System.getProperty("iep.repo.root", "..")).toAbsolutePath().normalize();
        Path sources = root.resolve("e2e-tests/src/test/java");
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                checked++;
                if (PLUMBING.contains(file.getFileName().toString())) {
                    continue;
                }
                String source = Files.readString(file);
                for (String http : HAND_WRITTEN_HTTP) {
                    if (source.contains(http)) {
                        offenders.add(sources.relativize(file) + " uses " + http);
                    }
                }
            }
        }
        assertTrue(checked > PLUMBING.size(), "found the e2e sources under " + sources);
        assertEquals(List.of(), offenders, "e2e steps must call the APIs through the generated clients (Clients)");
    }

    @Test
    void restAssuredIsNotOnTheSuitesClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.restassured.RestAssured"));
    }
}
