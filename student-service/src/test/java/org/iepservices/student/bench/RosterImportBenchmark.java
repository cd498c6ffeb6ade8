package org.iepservices.student.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iepservices.localinfra.LocalInfrastructure;
import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * How fast does a district's roster import, against the floor PostgreSQL itself sets? Generates a
 * OneRoster 1.1 bulk set (100,000 users, 300,000 enrollments and the orgs, sessions, courses,
 * classes and demographics around them), imports it over HTTP into the packaged student-service
 * (its own JVM, -Xmx512m, embedded PostgreSQL, in-process Kafka), then loads the very same CSV files
 * with plain COPY into equivalent tables on the same server. Reports rows/s for both, the ratio,
 * the service's peak heap, the outbox drain to Kafka and an unchanged re-import.
 *
 * <pre>bench/roster-import.sh [users] [enrollments]</pre>
 */
public final class RosterImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCHOOLS = 20;
    private static final int CLASSES_PER_SCHOOL = 250;
    private static final int COURSES = 100;

    /** The files in import order, with the COPY table each loads into. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("orgs", "sourced_id varchar(255) primary key, status varchar(16), date_last_modified timestamptz,"
                + " name text, type text, identifier text, parent_sourced_id text");
        TABLES.put("academicSessions", "sourced_id varchar(255) primary key, status varchar(16),"
                + " date_last_modified timestamptz, title text, type text, start_date date, end_date date,"
                + " parent_sourced_id text, school_year text");
        TABLES.put("courses", "sourced_id varchar(255) primary key, status varchar(16), date_last_modified timestamptz,"
                + " school_year_sourced_id text, title text, course_code text, grades text, org_sourced_id text,"
                + " subjects text, subject_codes text");
        TABLES.put("classes", "sourced_id varchar(255) primary key, status varchar(16), date_last_modified timestamptz,"
                + " title text, grades text, course_sourced_id text, class_code text, class_type text, location text,"
                + " school_sourced_id text, term_sourced_ids text, subjects text, subject_codes text, periods text");
        TABLES.put("users", "sourced_id varchar(255) primary key, status varchar(16), date_last_modified timestamptz,"
                + " enabled_user boolean, org_sourced_ids text, role text, username text, user_ids text,"
                + " given_name text, family_name text, middle_name text, identifier text, email text, sms text,"
                + " phone text, agent_sourced_ids text, grades text, password text, discipline text");
        TABLES.put("demographics", "sourced_id varchar(255) primary key, status varchar(16),"
                + " date_last_modified timestamptz, birth_date date, sex text");
        TABLES.put("enrollments", "sourced_id varchar(255) primary key, status varchar(16),"
                + " date_last_modified timestamptz, class_sourced_id text, school_sourced_id text,"
                + " user_sourced_id text, role text, \"primary\" boolean, begin_date date, end_date date");
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int enrollments = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        Path dir = Path.of("student-service/target/bench");
        Files.createDirectories(dir);
        Map<String, Long> rows = generate(dir, users, enrollments);
        long totalRows = rows.values().stream().mapToLong(Long::longValue).sum();
        Path zip = zip(dir, rows.keySet());
        System.out.printf("generated %,d rows (%s), zip %,d bytes%n", totalRows, rows, Files.size(zip));

        List<String> report = new ArrayList<>();
        try (LocalInfrastructure infra = LocalInfrastructure.start(0, List.of())) {
            // Baseline first, on a quiet machine: COPY of the same CSV files into equivalent tables.
            infra.createDatabase("bench_copy");
            double copySeconds;
            try (Connection c = DriverManager.getConnection(infra.jdbcUrl("bench_copy"), infra.username(),
                    infra.password())) {
                try (Statement s = c.createStatement()) {
                    for (Map.Entry<String, String> table : TABLES.entrySet()) {
                        s.execute("create table copy_" + table.getKey() + " (" + table.getValue() + ")");
                    }
                }
                Instant start = Instant.now();
                c.setAutoCommit(false);
                for (String file : rows.keySet()) {
                    try (Reader in = Files.newBufferedReader(dir.resolve(file + ".csv"))) {
                        c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy copy_" + file
                                + " from stdin (format csv, header true)", in);
                    }
                }
                c.commit();
                copySeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            }

            try (RunningService service = RunningService.start(infra, "bench_student", "512m")) {
                long heapBefore = service.heapUsed();
                service.startSampling();
                Instant start = Instant.now();
                HttpResponse<String> response = post(service, zip);
                double importSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                long peakHeap = service.stopSampling();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
                }
                JsonNode body = JSON.readTree(response.body());
                Files.writeString(dir.resolve("import-report.json"), response.body());

                Instant drainStart = Instant.now();
                while (countEvents(infra, true) > 0 && Duration.between(drainStart, Instant.now()).toMinutes() < 30) {
                    Thread.sleep(1000);
                }
                double drainSeconds = Duration.between(drainStart, Instant.now()).toMillis() / 1000.0;
                long events = countEvents(infra, false);

                service.startSampling();
                start = Instant.now();
                HttpResponse<String> again = post(service, zip);
                double againSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                long peakAgain = service.stopSampling();
                JsonNode againBody = JSON.readTree(again.body());

                double importRate = totalRows / importSeconds;
                double copyRate = totalRows / copySeconds;
                report.add("# Roster import benchmark (" + Instant.now() + ")");
                report.add("");
                report.add(String.format(Locale.ROOT, "Data: OneRoster 1.1 bulk, %,d rows: %s.", totalRows, rows));
                report.add("Service: packaged student-service, own JVM with -Xmx512m, embedded PostgreSQL 17, in-process Kafka; "
                        + Runtime.getRuntime().availableProcessors() + " cores shared by everything.");
                report.add("");
                report.add("| run | seconds | rows/s | notes |");
                report.add("|---|---|---|---|");
                report.add(String.format(Locale.ROOT, "| PostgreSQL COPY into equivalent tables (baseline) | %.1f | %,.0f | one transaction, primary keys, no checks |",
                        copySeconds, copyRate));
                report.add(String.format(Locale.ROOT, "| import over HTTP, first time | %.1f | %,.0f | %s; %d row errors |",
                        importSeconds, importRate, counts(body), body.path("errorCount").asInt()));
                report.add(String.format(Locale.ROOT, "| same zip again (nothing changes) | %.1f | %,.0f | %s |",
                        againSeconds, totalRows / againSeconds, counts(againBody)));
                report.add("");
                report.add(String.format(Locale.ROOT, "Import / COPY: %.1fx slower (COPY %,.0f rows/s, import %,.0f rows/s).",
                        importSeconds / copySeconds, copyRate, importRate));
                report.add(String.format(Locale.ROOT, "Service heap: %,d MB used before, peak %,d MB during the first import, "
                        + "peak %,d MB during the re-import (max 512 MB).", heapBefore >> 20, peakHeap >> 20, peakAgain >> 20));
                report.add(String.format(Locale.ROOT, "Outbox: %,d events written for roster.events; the last of them acknowledged by "
                        + "Kafka %.1f s after the import returned (the relay sends while later files import).", events,
                        drainSeconds));
            }
        }
        Files.write(dir.resolve("roster-import.md"), report);
        report.forEach(System.out::println);
    }

    private static HttpResponse<String> post(RunningService service, Path zip) throws Exception {
        return RunningService.HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/roster/imports")))
                .header("Content-Type", "application/zip").header("Authorization", RunningService.bearer())
                .timeout(Duration.ofHours(1))
                .POST(HttpRequest.BodyPublishers.ofFile(zip)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String counts(JsonNode report) {
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        for (JsonNode f : report.path("files")) {
            inserted += f.path("inserted").asLong();
            updated += f.path("updated").asLong();
            unchanged += f.path("unchanged").asLong();
        }
        return String.format(Locale.ROOT, "%,d inserted, %,d updated, %,d unchanged", inserted, updated, unchanged);
    }

    /** Events the import wrote to the outbox: all, or those Kafka has not acknowledged yet. */
    private static long countEvents(LocalInfrastructure infra, boolean pendingOnly) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("bench_student"), infra.username(),
                infra.password()); Statement s = c.createStatement();
             var rs = s.executeQuery("select count(*) from outbox_event where topic = 'roster.events'"
                     + (pendingOnly ? " and published_at is null" : ""))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Writes the CSV files; returns rows per file, in import order. */
    private static Map<String, Long> generate(Path dir, int users, int enrollments) throws IOException {
        Random random = new Random(42);
        Map<String, Long> rows = new LinkedHashMap<>();
        int teachers = Math.max(1, users / 20);
        int students = users - teachers;
        int classes = SCHOOLS * CLASSES_PER_SCHOOL;
        try (BufferedWriter w = writer(dir, "orgs")) {
            w.write("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n");
            w.write("dist-1,,,Bench District,district,D1,\r\n");
            for (int s = 0; s < SCHOOLS; s++) {
                w.write("sch-" + s + ",,,School " + s + ",school,S" + s + ",dist-1\r\n");
            }
        }
        rows.put("orgs", (long) SCHOOLS + 1);
        try (BufferedWriter w = writer(dir, "academicSessions")) {
            w.write("sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\r\n");
            w.write("sy,,,2026-2027,schoolYear,2026-08-24,2027-06-15,,2027\r\n");
            w.write("t1,,,Fall,term,2026-08-24,2027-01-15,sy,2027\r\n");
            w.write("t2,,,Spring,term,2027-01-19,2027-06-15,sy,2027\r\n");
        }
        rows.put("academicSessions", 3L);
        try (BufferedWriter w = writer(dir, "courses")) {
            w.write("sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes\r\n");
            for (int c = 0; c < COURSES; c++) {
                w.write("crs-" + c + ",,,sy,Course " + c + ",C" + c + "," + grade(c % 13) + ",dist-1,,\r\n");
            }
        }
        rows.put("courses", (long) COURSES);
        try (BufferedWriter w = writer(dir, "classes")) {
            w.write("sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\r\n");
            for (int c = 0; c < classes; c++) {
                w.write("cls-" + c + ",,,Class " + c + "," + grade(c % 13) + ",crs-" + (c % COURSES) + ",K" + c + ","
                        + (c % 10 == 0 ? "homeroom" : "scheduled") + ",Room " + (c % 300) + ",sch-" + (c / CLASSES_PER_SCHOOL)
                        + ",\"t1,t2\",,," + (c % 8 + 1) + "\r\n");
            }
        }
        rows.put("classes", (long) classes);
        String[] given = {"Ava", "Liam", "Mia", "Noah", "Zoe", "Ivy", "Omar", "Lena", "Ravi", "Sofia"};
        String[] family = {"Garcia", "Nguyen", "Smith", "Okafor", "Haddad", "Chen", "Kowalski", "Diaz", "Sato", "Brown"};
        try (BufferedWriter w = writer(dir, "users")) {
            w.write("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.discipline\r\n");
            for (int u = 0; u < users; u++) {
                boolean student = u < students;
                String id = (student ? "stu-" : "tch-") + u;
                String school = "sch-" + (u % SCHOOLS);
                String discipline = !student && u % 10 == 0 ? "SLP" : "";
                w.write(id + ",,,true," + school + "," + (student ? "student" : "teacher") + ",u" + u + ",{SIS:" + u + "},"
                        + given[random.nextInt(given.length)] + "," + family[random.nextInt(family.length)] + ",,"
                        + u + "," + (student ? "" : "t" + u + "@bench.example.org") + ",,,,"
                        + (student ? grade(u % 13) : "") + ",," + discipline + "\r\n");
            }
        }
        rows.put("users", (long) users);
        try (BufferedWriter w = writer(dir, "demographics")) {
            w.write("sourcedId,status,dateLastModified,birthDate,sex\r\n");
            for (int u = 0; u < students; u++) {
                w.write("stu-" + u + ",,," + (2010 + u % 12) + "-" + pad(1 + u % 12) + "-" + pad(1 + u % 28) + ","
                        + (u % 2 == 0 ? "female" : "male") + "\r\n");
            }
        }
        rows.put("demographics", (long) students);
        try (BufferedWriter w = writer(dir, "enrollments")) {
            w.write("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\r\n");
            for (int e = 0; e < enrollments; e++) {
                int u = e % users;
                int k = e / users;
                boolean student = u < students;
                int school = u % SCHOOLS;
                int cls = school * CLASSES_PER_SCHOOL + (int) ((u * 7L + k * 31L) % CLASSES_PER_SCHOOL);
                w.write("enr-" + e + ",,,cls-" + cls + ",sch-" + school + "," + (student ? "stu-" : "tch-") + u + ","
                        + (student ? "student" : "teacher") + "," + (student ? "false" : "true") + ",2026-08-24,\r\n");
            }
        }
        rows.put("enrollments", (long) enrollments);
        return rows;
    }

    private static Path zip(Path dir, Iterable<String> files) throws IOException {
        Path zip = dir.resolve("roster.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("manifest.csv"));
            StringBuilder manifest = new StringBuilder("propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n");
            for (String name : List.of("academicSessions", "categories", "classes", "classResources", "courses",
                    "courseResources", "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users")) {
                boolean present = false;
                for (String f : files) {
                    present |= f.equals(name);
                }
                manifest.append("file.").append(name).append(',').append(present ? "bulk" : "absent").append("\r\n");
            }
            manifest.append("source.systemName,Bench SIS\r\n");
            out.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (String f : files) {
                out.putNextEntry(new ZipEntry(f + ".csv"));
                Files.copy(dir.resolve(f + ".csv"), (OutputStream) out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static BufferedWriter writer(Path dir, String file) throws IOException {
        return Files.newBufferedWriter(dir.resolve(file + ".csv"), StandardCharsets.UTF_8);
    }

    private static String grade(int g) {
        return g == 0 ? "KG" : pad(g);
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
