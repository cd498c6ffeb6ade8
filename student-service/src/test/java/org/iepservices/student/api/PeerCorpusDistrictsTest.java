package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.iepservices.student.api.Tokens.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real exports from other projects (the shared OneRoster corpus, read where it lies and never copied
 * into this repository): every zip of {@code PEER_ROSTER_DIR} is imported into two districts
 * (districtId A, then B). Each import must store its own rows (roster records and projected rows
 * keyed by its district, the same sourcedIds, no row shared), and B's import must leave A's rows
 * exactly as they were. Prints a table. Runs only when PEER_ROSTER_DIR is set.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class PeerCorpusDistrictsTest {

    private static final List<String> TABLES = List.of("roster_record", "district", "school", "academic_session",
            "course", "class_section", "student", "staff", "enrollment");

    @Test
    void everyPeerZipImportedIntoTwoDistrictsGivesTwoDisjointSetsOfRows() throws IOException, SQLException {
        String dir = System.getenv("PEER_ROSTER_DIR");
        assumeTrue(dir != null && !dir.isBlank(), "PEER_ROSTER_DIR not set");
        List<Path> zips;
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        StringBuilder table = new StringBuilder("\n| zip | status A / B | rows in A | rows in B | A's rows unchanged by B |"
                + " rows of A with B's district | sourcedIds in both |\n|---|---|---|---|---|---|---|\n");
        for (Path zip : zips) {
            String a = UUID.randomUUID().toString();
            String b = UUID.randomUUID().toString();
            int statusA = importInto(zip, a);
            Map<String, String> aBefore = fingerprint(a);
            int statusB = importInto(zip, b);
            Map<String, String> aAfter = fingerprint(a);
            Map<String, String> bRows = fingerprint(b);
            long rowsA = count(a);
            long rowsB = count(b);
            long shared = sharedSourcedIds(a, b);
            table.append("| ").append(zip.getFileName()).append(" | ").append(statusA).append(" / ").append(statusB)
                    .append(" | ").append(rowsA).append(" | ").append(rowsB).append(" | ")
                    .append(aBefore.equals(aAfter)).append(" | ").append(overlap(aAfter, bRows)).append(" | ")
                    .append(shared).append(" |\n");
            assertEquals(statusA, statusB, zip + ": the same file answers the same in both districts");
            assertEquals(aBefore, aAfter, zip + ": importing into B changed A's rows");
            assertEquals(rowsA, rowsB, zip + ": both districts hold the same number of rows");
        }
        System.out.println(table);
    }

    private static int importInto(Path zip, String district) throws IOException {
        Response r = given().contentType("application/zip").body(Files.readAllBytes(zip))
                .queryParam("districtId", district).post("/api/v1/roster/imports");
        if (r.statusCode() == 201) {
            assertEquals(district, r.path("district"));
        }
        return r.statusCode();
    }

    /** Every row of the district in every roster table: table:key -> status and content. */
    private static Map<String, String> fingerprint(String district) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = connect()) {
            for (String table : TABLES) {
                String key = table.equals("roster_record") ? "entity || '/' || sourced_id || ' ' || to_jsonb(t)::text"
                        : "id::text || ' ' || to_jsonb(t)::text";
                try (PreparedStatement ps = c.prepareStatement("select " + key + " from " + table
                        + " t where roster_district = ?::uuid")) {
                    ps.setString(1, district);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String row = rs.getString(1);
                            rows.put(table + ":" + row.split(" ")[0], row);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static long count(String district) throws SQLException {
        long n = 0;
        try (Connection c = connect()) {
            for (String table : TABLES) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table
                        + " where roster_district = ?::uuid")) {
                    ps.setString(1, district);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getLong(1);
                    }
                }
            }
        }
        return n;
    }

    /** Rows (by primary key) that both districts' fingerprints contain: none when they are disjoint. */
    private static long overlap(Map<String, String> a, Map<String, String> b) {
        return a.keySet().stream().filter(k -> !k.startsWith("roster_record:") && b.containsKey(k)).count();
    }

    private static long sharedSourcedIds(String a, String b) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from roster_record x join roster_record y on y.entity = x.entity"
                        + " and y.sourced_id = x.sourced_id where x.roster_district = ?::uuid and y.roster_district = ?::uuid")) {
            ps.setString(1, a);
            ps.setString(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        LocalInfrastructure infra = LocalInfrastructure.shared();
        return DriverManager.getConnection(infra.jdbcUrl("student"), infra.username(), infra.password());
    }
}
