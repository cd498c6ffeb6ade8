package org.iepservices.student.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds OneRoster CSV zips for tests, written from the spec (CRLF line ends, as SIS exports use). */
final class RosterZip {

    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> modes = new LinkedHashMap<>();
    private String version;
    private boolean manifest = true;

    static RosterZip v11() {
        RosterZip zip = new RosterZip();
        zip.version = "1.1";
        return zip;
    }

    static RosterZip v12() {
        RosterZip zip = new RosterZip();
        zip.version = "1.2";
        return zip;
    }

    RosterZip version(String declared) {
        this.version = declared;
        return this;
    }

    RosterZip withoutManifest() {
        this.manifest = false;
        return this;
    }

    /** A file in the given mode (bulk or delta): the header line, then the rows. */
    RosterZip file(String name, String mode, String header, String... rows) {
        modes.put(name, mode);
        files.put(name + ".csv", header + "\r\n" + String.join("\r\n", rows) + (rows.length > 0 ? "\r\n" : ""));
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (manifest) {
                StringBuilder m = new StringBuilder("propertyName,value\r\nmanifest.version,1.0\r\n");
                if (version != null) {
                    m.append("oneroster.version,").append(version).append("\r\n");
                }
                for (String name : List.of("academicSessions", "categories", "classes", "classResources", "courses",
                        "courseResources", "demographics", "enrollments", "lineItems", "orgs", "resources",
                        "results", "users", "roles")) {
                    m.append("file.").append(name).append(',').append(modes.getOrDefault(name, "absent")).append("\r\n");
                }
                m.append("source.systemName,Test SIS\r\n");
                put(zip, "manifest.csv", m.toString());
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
