package org.iepservices.schedule.solver.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.schedule.api.As;
import org.iepservices.schedule.solver.SchedulerJobs;
import org.iepservices.schedule.solver.StoredJob;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduler jobs live in the database (issue 14): a finished job is answered from its row, not from
 * the JVM that solved it; a provider has one job at a time; the queue is bounded; a job whose pod died
 * is failed by the lease. Another replica is stood in for by rows written straight to the table
 * (the per-provider rule is tested against such a row: a real job may finish before a second submit).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class StoredSchedulerJobsTest {

    private static final String SCHOOL = "00000000-0000-0000-0000-0000000000ab";

    @Inject
    SchedulerJobs jobs;

    /** One student, one 30-minute pull-out a week, Tuesday morning free. */
    static Map<String, Object> week(UUID provider) {
        String kid = UUID.randomUUID().toString();
        return Map.of("providerId", provider.toString(),
                "students", List.of(Map.of("studentId", kid, "schoolId", SCHOOL, "grade", "2")),
                "mandates", List.of(Map.of("mandateId", UUID.randomUUID().toString(), "studentId", kid,
                        "serviceType", "SPEECH", "minutesPerSession", 30, "pushInSessionsPerWeek", 0,
                        "pullOutSessionsPerWeek", 1, "group", false)),
                "activityBlocks", List.of(),
                "availability", List.of(Map.of("schoolId", SCHOOL, "day", "TUESDAY", "start", "08:30", "end", "12:30")),
                "travelTimes", List.of(), "fixedSessions", List.of());
    }

    static io.restassured.response.Response submit(Map<String, Object> body) {
        return As.admin().contentType(ContentType.JSON).body(body).post("/api/v1/scheduler/jobs");
    }

    /** A job of another replica, written as that replica would. */
    static UUID otherReplicasJob(UUID provider, Instant heartbeat) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            StoredJob row = new StoredJob();
            row.id = id;
            row.providerId = provider;
            row.state = SchedulerJobs.State.SOLVING;
            row.owner = "schedule-service-other-pod";
            row.submittedAt = heartbeat;
            row.heartbeatAt = heartbeat;
            row.problem = "{\"providerId\":\"" + provider + "\"}";
            row.notes = "[]";
            row.persist();
        });
        return id;
    }

    @Test
    void aFinishedJobIsReadFromTheDatabaseAndAProviderHasOneJobAtATime() {
        // A provider whose week another replica is planning: refused, naming that job.
        UUID busy = UUID.randomUUID();
        UUID elsewhere = otherReplicasJob(busy, Instant.now());
        submit(week(busy)).then().statusCode(409).contentType("application/problem+json")
                .body("existingJobId", equalTo(elsewhere.toString()))
                .body("detail", containsString(elsewhere.toString()));
        QuarkusTransaction.requiringNew().run(() -> StoredJob.deleteById(elsewhere));

        UUID provider = UUID.randomUUID();
        String job = submit(week(provider)).then().statusCode(202).extract().path("jobId");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                "DONE".equals(As.admin().get("/api/v1/scheduler/jobs/" + job).path("state")));
        UUID id = UUID.fromString(job);
        assertFalse(jobs.solvingHere(id), "a finished job is no longer held in memory");
        StoredJob row = QuarkusTransaction.requiringNew().call(() -> StoredJob.<StoredJob>findById(id));
        assertEquals(SchedulerJobs.State.DONE, row.state);
        assertNotNull(row.result);
        assertNotNull(row.finishedAt);
        assertEquals(30, row.upperBoundMinutes);

        // Every answer now comes from the row, as on a replica that never saw the job.
        As.admin().get("/api/v1/scheduler/jobs/" + job).then().statusCode(200)
                .body("providerId", equalTo(provider.toString())).body("placedMinutes", equalTo(30))
                .body("upperBoundMinutes", equalTo(30)).body("placedShareOfBound", equalTo(1.0f))
                .body("finishedAt", notNullValue());
        As.admin().get("/api/v1/scheduler/jobs/" + job + "/result").then().statusCode(200)
                .body("sessions.size()", equalTo(1)).body("sessions[0].minutes", equalTo(30));
        As.admin().get("/api/v1/scheduler/jobs").then().statusCode(200).body("jobId", hasItem(job));
        // The provider may plan again once the job is done.
        String next = submit(week(provider)).then().statusCode(202).extract().path("jobId");
        As.admin().post("/api/v1/scheduler/jobs/" + next + "/cancel").then().statusCode(200);
    }

    @Test
    void aJobWhosePodDiedIsFailedByTheLease() {
        UUID provider = UUID.randomUUID();
        UUID orphan = otherReplicasJob(provider, Instant.now().minus(Duration.ofMinutes(10)));
        UUID live = otherReplicasJob(UUID.randomUUID(), Instant.now());

        jobs.expireLeases(); // also run by every replica's heartbeat, which may have got there first
        As.admin().get("/api/v1/scheduler/jobs/" + orphan).then().statusCode(200).body("state", equalTo("FAILED"))
                .body("error", containsString("stopped"));
        As.admin().get("/api/v1/scheduler/jobs/" + live).then().body("state", equalTo("SOLVING"));
        // Cancelling a job another replica solves asks its owner to stop (at its next heartbeat).
        As.admin().post("/api/v1/scheduler/jobs/" + live + "/cancel").then().statusCode(200);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> StoredJob.<StoredJob>findById(live).cancelRequested));
        QuarkusTransaction.requiringNew().run(() -> StoredJob.deleteById(live));

        submit(week(provider)).then().statusCode(202); // the failed job no longer holds the provider

        // Finished jobs are kept for schedule.scheduler.keep-finished (14 days), then deleted.
        UUID old = otherReplicasJob(UUID.randomUUID(), Instant.now().minus(Duration.ofDays(30)));
        QuarkusTransaction.requiringNew().run(() -> {
            StoredJob row = StoredJob.findById(old);
            row.state = SchedulerJobs.State.DONE;
            row.finishedAt = Instant.now().minus(Duration.ofDays(20));
        });
        jobs.forgetFinished();
        As.admin().get("/api/v1/scheduler/jobs/" + old).then().statusCode(404);
        As.admin().get("/api/v1/scheduler/jobs/" + orphan).then().statusCode(200); // failed just now: kept
    }

    @Test
    void aFullQueueIsRefusedWithRetryAfter() {
        List<UUID> others = new ArrayList<>();
        try {
            long active = QuarkusTransaction.requiringNew().call(() -> StoredJob.count("state in ?1",
                    List.of(SchedulerJobs.State.QUEUED, SchedulerJobs.State.SOLVING)));
            for (long i = active; i < 8; i++) { // schedule.scheduler.max-active-jobs defaults to 8
                others.add(otherReplicasJob(UUID.randomUUID(), Instant.now()));
            }
            submit(week(UUID.randomUUID())).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "30").body("status", equalTo(503))
                    .body("detail", containsString("try again"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> others.forEach(id -> StoredJob.deleteById(id)));
        }
        submit(week(UUID.randomUUID())).then().statusCode(202);
    }
}
