package org.iepservices.student.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.student.service.roster.RosterImportJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.iepservices.student.api.Tokens.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, "Async imports": {@code POST /api/v1/roster/imports} with {@code Prefer: respond-async}
 * answers 202 with a job that any replica serves, shows rows read per file while it runs, and ends
 * with the report the synchronous form answers (or the problem it would have answered).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "student"))
class RosterImportAsyncTest {

    private static final String IMPORTS = "/api/v1/roster/imports";

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    DataSource db;

    @AfterEach
    void noHook() {
        RosterImportJobs.afterProgress = null;
    }

    private static Response postAsync(byte[] zip, String dryRun, String districtId) {
        var request = given().contentType("application/zip").header("Prefer", "respond-async, wait=5")
                .queryParam("dryRun", dryRun).body(zip);
        if (districtId != null) {
            request.queryParam("districtId", districtId);
        }
        return request.post(IMPORTS);
    }

    private static String accepted(Response response) {
        response.then().statusCode(202)
                .header("Preference-Applied", "respond-async")
                .body("state", in(new String[] {"QUEUED", "RUNNING"}));
        String id = response.path("id");
        response.then().header("Location", endsWith(IMPORTS + "/" + id));
        return id;
    }

    private static Map<String, Object> finished(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                in(new String[] {"SUCCEEDED", "FAILED"}).matches(given().get(IMPORTS + "/" + id + "/job").path("state")));
        return given().get(IMPORTS + "/" + id + "/job").then().statusCode(200).extract().path("");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAsyncImportEndsWithTheReportOfTheSynchronousForm() {
        byte[] zip = new DistrictRoster(s).zip().bytes();
        Map<String, Object> sync = given().contentType("application/zip").queryParam("dryRun", "true").body(zip)
                .post(IMPORTS).then().statusCode(201).body("outcome", is("VALIDATED")).extract().path("");

        String dryRun = accepted(postAsync(zip, "true", null));
        Map<String, Object> job = finished(dryRun);
        assertEquals("SUCCEEDED", job.get("state"), job.toString());
        Map<String, Object> report = (Map<String, Object>) job.get("report");
        assertEquals("VALIDATED", report.get("outcome"));
        assertEquals(dryRun, report.get("id"), "the job's id is its report's id");
        assertEquals(sync.get("files"), report.get("files"), "the same counts per file as the synchronous form");
        assertEquals(sync.get("errorCount"), report.get("errorCount"));
        assertEquals(sync.get("warningCount"), report.get("warningCount"));
        given().get(IMPORTS + "/" + dryRun).then().statusCode(200).body("outcome", is("VALIDATED"))
                .body("files.users.rows", is(((Map<String, Map<String, Object>>) sync.get("files"))
                        .get("users").get("rows")));

        String applied = accepted(postAsync(zip, "false", null));
        job = finished(applied);
        report = (Map<String, Object>) job.get("report");
        assertEquals("APPLIED", report.get("outcome"), job.toString());
        assertEquals(sync.get("files"), report.get("files"), "a dry run counts what the import then does");
        given().queryParam("sourcedId", "stu0-" + s).get("/api/v1/students").then().statusCode(200)
                .body("size()", is(1));
        assertEquals(((Map<String, Long>) job.get("rowsRead")).get("users"),
                ((Map<String, Map<String, Object>>) report.get("files")).get("users").get("rows"));
    }

    @Test
    void progressIsVisibleFromTheJobWhileItRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        RosterImportJobs.afterProgress = (file, rows) -> {
            if (file.equals("users") && held.compareAndSet(false, true)) {
                try {
                    release.await(60, TimeUnit.SECONDS); // the test looks at the job meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            String id = accepted(postAsync(new DistrictRoster(s).zip().bytes(), "false", null));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    "users".equals(given().get(IMPORTS + "/" + id + "/job").path("currentFile")));
            given().get(IMPORTS + "/" + id + "/job").then().statusCode(200)
                    .body("state", is("RUNNING"))
                    .body("attempts", is(1))
                    .body("rowsRead.orgs", is(3))
                    .body("rowsRead.users", is(DistrictRoster.STUDENTS + DistrictRoster.TEACHERS + 3))
                    .body("report", nullValue());
            // The import's own resource answers with the job until the report exists.
            given().get(IMPORTS + "/" + id).then().statusCode(200).body("state", is("RUNNING"));
            release.countDown();
            assertEquals("SUCCEEDED", finished(id).get("state"));
            given().get(IMPORTS + "/" + id).then().statusCode(200).body("outcome", is("APPLIED"));
        } finally {
            release.countDown();
        }
    }

    @Test
    void whatTheSynchronousFormRefusesBeforeReadingIsRefusedBeforeThe202() {
        given().contentType("application/zip").header("Prefer", "respond-async")
                .body("this is not a zip".getBytes(StandardCharsets.UTF_8)).post(IMPORTS).then()
                .statusCode(422).body("type", endsWith("invalid-roster"));
        given().contentType("application/zip").header("Prefer", "respond-async")
                .body(RosterZip.v11().withoutManifest().file("orgs", "bulk", DistrictRoster.ORGS).bytes())
                .post(IMPORTS).then().statusCode(422).body("violations[0].field", is("manifest.csv"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDistrictDisagreementFoundWhileImportingEndsTheJobFailedWithTheProblem() {
        byte[] zip = new DistrictRoster(s).zip().bytes();
        given().contentType("application/zip").body(zip).post(IMPORTS).then().statusCode(201);
        String other = UUID.randomUUID().toString();
        // The synchronous form answers 422 once it has read orgs.csv against the stored district.
        given().contentType("application/zip").queryParam("districtId", other).body(zip).post(IMPORTS).then()
                .statusCode(422);

        String id = accepted(postAsync(zip, "false", other));
        Map<String, Object> job = finished(id);
        assertEquals("FAILED", job.get("state"), job.toString());
        Map<String, Object> problem = (Map<String, Object>) job.get("problem");
        assertEquals(422, problem.get("status"));
        assertTrue(String.valueOf(problem.get("detail")).contains(other), problem.toString());
        given().get(IMPORTS + "/" + id).then().statusCode(200).body("state", is("FAILED"))
                .body("problem.detail", containsString(other));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunningJobWhoseLeaseRanOutIsTakenOver() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] zip = new DistrictRoster(s).zip().bytes();
        // As a replica leaves it when it dies mid-import: RUNNING, its lease long past.
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into roster_import_job (id, state, options,"
                    + " zip_size, received_at, started_at, owner, lease_until, attempts, current_file, progress)"
                    + " values (?, 'RUNNING', cast(? as jsonb), ?, now() - interval '10 minutes',"
                    + " now() - interval '10 minutes', 'replica-that-died', now() - interval '5 minutes', 1,"
                    + " 'users', '{\"orgs\": 3, \"users\": 2000}'::jsonb)")) {
                ps.setObject(1, id);
                ps.setString(2, "{\"dryRun\": false, \"source\": \"lease-" + s + "\", \"confirmMassDeactivation\": false}");
                ps.setLong(3, zip.length);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into roster_import_upload (job_id, part, data) values (?, 0, ?)")) {
                ps.setObject(1, id);
                ps.setBytes(2, zip);
                ps.executeUpdate();
            }
        }
        Map<String, Object> job = finished(id.toString());
        assertEquals("SUCCEEDED", job.get("state"), job.toString());
        assertEquals(2, job.get("attempts"), "taken over once");
        Map<String, Object> report = (Map<String, Object>) job.get("report");
        assertEquals("APPLIED", report.get("outcome"));
        assertEquals("lease-" + s, report.get("source"));
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select owner <> 'replica-that-died', (select count(*) from roster_import_upload where job_id = ?)"
                        + " from roster_import_job where id = ?")) {
            ps.setObject(1, id);
            ps.setObject(2, id);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(1), "another replica took it");
                assertEquals(0, rs.getLong(2), "the stored zip is dropped once the job ended");
            }
        }
    }

    @Test
    void aJobWhoseLeaseHoldsIsLeftToItsReplica() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into"
                + " roster_import_job (id, state, options, zip_size, received_at, started_at, owner, lease_until,"
                + " attempts) values (?, 'RUNNING', '{}'::jsonb, 0, now(), now(), 'replica-alive',"
                + " now() + interval '10 minutes', 1)")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        // A later job queued behind it runs to the end; the live one stays untouched.
        String later = accepted(postAsync(new DistrictRoster(s).zip().bytes(), "true", null));
        assertEquals("SUCCEEDED", finished(later).get("state"));
        given().get(IMPORTS + "/" + id + "/job").then().statusCode(200).body("state", is("RUNNING"))
                .body("attempts", is(1));
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from roster_import_job where id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }
}
