package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.iepservices.student.api.Tokens.given;

/**
 * Hostile bodies: only roster imports take large bodies, and a roster zip that inflates too far
 * (a zip bomb) or has too many entries is refused with a problem before anything is imported.
 * The test profile caps the uncompressed size at 64 MB (roster.import.max-uncompressed-size).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class HostileInputTest {

    private static final int MB = 1024 * 1024;
    private static final String MANIFEST = "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n"
            + "file.orgs,delta\r\nfile.users,absent\r\n";

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    private String orgsCsv() {
        return DistrictRoster.ORGS + "\r\norg-" + s + ",active,2026-09-01T00:00:00Z,Hostile " + s + ",school,,\r\n";
    }

    /** A manifest, one school in orgs.csv, and {@code extra} entries. */
    private byte[] zip(Extra extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "manifest.csv", MANIFEST.getBytes(StandardCharsets.UTF_8));
            put(zip, "orgs.csv", orgsCsv().getBytes(StandardCharsets.UTF_8));
            extra.write(zip);
        }
        return out.toByteArray();
    }

    private interface Extra {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** {@code bytes} of one repeated CSV line: kilobytes compressed. */
    private static Extra bomb(String name, long bytes) {
        return zip -> {
            zip.putNextEntry(new ZipEntry(name));
            byte[] line = "x,,,,,,,,\r\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < bytes; written += line.length) {
                zip.write(line);
            }
            zip.closeEntry();
        };
    }

    private void nothingImported() {
        given().queryParam("sourcedId", "org-" + s).get("/api/v1/schools").then().statusCode(200).body("", empty());
    }

    @Test
    void aBodyOver10MegabytesIsRefusedEverywhereButTheImport() throws Exception {
        String name = "a".repeat(11 * MB);
        given().contentType("application/json").body("{\"givenName\": \"" + name + "\"}").post("/api/v1/students")
                .then().statusCode(413).contentType("application/problem+json").body("status", is(413));

        // An 11 MB zip (a stored, incompressible attachment beside the CSV files) is imported.
        byte[] random = new byte[11 * MB];
        new Random(7).nextBytes(random);
        byte[] large = zip(zip -> {
            ZipEntry stored = new ZipEntry("photos/attachment.bin");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(random.length);
            CRC32 crc = new CRC32();
            crc.update(random);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(random);
            zip.closeEntry();
        });
        given().contentType("application/zip").body(large).post("/api/v1/roster/imports").then().statusCode(201)
                .body("outcome", is("APPLIED")).body("files.orgs.inserted", is(1));
    }

    @Test
    void aZipThatInflatesBeyondTheLimitIs413AndImportsNothing() throws Exception {
        byte[] bomb = zip(bomb("users.csv", 100L * MB));
        given().contentType("application/zip").body(bomb).post("/api/v1/roster/imports").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("Nothing was imported"));
        nothingImported();
    }

    @Test
    void aZipThatInflatesAThousandTimesIs422AndImportsNothing() throws Exception {
        byte[] bomb = zip(bomb("notes.csv", 20L * MB));
        given().contentType("application/zip").body(bomb).post("/api/v1/roster/imports").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("inflates"));
        nothingImported();
    }

    @Test
    void aZipWithTooManyEntriesIs422AndImportsNothing() throws Exception {
        byte[] many = zip(zip -> {
            for (int i = 0; i < 200; i++) {
                put(zip, "extra/" + i + ".txt", new byte[] {'x'});
            }
        });
        given().contentType("application/zip").body(many).post("/api/v1/roster/imports").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", is("entries"));
        nothingImported();
    }
}
