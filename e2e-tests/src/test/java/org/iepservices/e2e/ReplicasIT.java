package org.iepservices.e2e;

import org.iepservices.e2e.TestDistrict.Enrolled;
import org.iepservices.localinfra.LocalSystem;
import org.iepservices.localinfra.ServiceLayout;
import org.iepservices.localinfra.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.e2e.TestDistrict.*;

/**
 * Two instances of every service on one database and broker, as deploy/k8s runs them (see
 * {@link RunningSystem#REPLICAS}): what one pod accepted the other must answer, and a pod killed
 * in the middle of consuming must neither lose nor double count minutes.
 */
class ReplicasIT {

    /** A scheduler job submitted to one schedule-service pod is read and accepted on the other. */
    @Test
    void aSchedulerJobSubmittedOnOnePodIsAnsweredByTheOther() {
        Enrolled e = speechStudent(0, 2);
        awaitScheduleCopies(e);
        onReplica(ServiceLayout.SCHEDULE, 0).body(Map.of("firstDay", "2026-09-01", "lastDay", "2027-06-18",
                        "nonInstructionalDays", List.of()))
                .put("/api/v1/schools/" + e.schoolId() + "/calendars/2026-2027").then()
                .statusCode(anyOf(is(200), is(201)));
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            onReplica(ServiceLayout.SCHEDULE, 0)
                    .body(Map.of("schoolId", e.schoolId(), "dayOfWeek", day, "startTime", "08:30:00",
                            "endTime", "14:30:00"))
                    .post("/api/v1/providers/" + e.providerId() + "/availability").then().statusCode(201);
        }
        String job = onReplica(ServiceLayout.SCHEDULE, 0)
                .body(Map.of("providerId", e.providerId(), "weekOf", "2026-10-05"))
                .post("/api/v1/scheduler/jobs").then().statusCode(202).extract().path("jobId");

        await().atMost(Duration.ofMinutes(3)).untilAsserted(() ->
                onReplica(ServiceLayout.SCHEDULE, 1).get("/api/v1/scheduler/jobs/" + job)
                        .then().statusCode(200).body("state", is("DONE")));
        String planned = onReplica(ServiceLayout.SCHEDULE, 1).get("/api/v1/scheduler/jobs/" + job + "/result")
                .then().statusCode(200).extract().asString();
        String accepted = onReplica(ServiceLayout.SCHEDULE, 1).body(Map.of("effectiveFrom", "2026-10-05"))
                .post("/api/v1/scheduler/jobs/" + job + "/accept")
                .then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat("planned: " + planned + "\naccepted: " + accepted,
                io.restassured.path.json.JsonPath.from(accepted).getList("created"), hasSize(greaterThan(0)));
        // the first pod sees what the second accepted: the job's sessions cannot be accepted twice
        onReplica(ServiceLayout.SCHEDULE, 0).body(Map.of("effectiveFrom", "2026-10-05"))
                .post("/api/v1/scheduler/jobs/" + job + "/accept")
                .then().statusCode(anyOf(is(409), is(200)))
                .body("created", anyOf(nullValue(), hasSize(0)));
    }

    /**
     * Twenty completed sessions while one reporting pod is killed with SIGKILL half-way: the other
     * pod takes its partitions over (and the restarted pod rejoins), and reporting counts each
     * session's minutes exactly once.
     */
    @Test
    void aReportingPodKilledMidBatchLosesNothingAndCountsNothingTwice() throws Exception {
        Enrolled e = speechStudent(0, 5);
        LocalDate monday = LocalDate.of(2026, 10, 12);
        List<String> logs = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            for (int day = 0; day < 5; day++) {
                logs.add(draftLog(e, monday.plusWeeks(week).plusDays(day).toString(), "PULL_OUT", 30));
            }
        }
        LocalSystem system = RunningSystem.get();
        ServiceProcess victim = system.instances(ServiceLayout.REPORTING).get(0);
        for (int i = 0; i < logs.size(); i++) {
            complete(e, logs.get(i));
            if (i == logs.size() / 2) {
                victim.kill();
            }
        }
        ServiceProcess restarted = system.startReplica(ServiceLayout.REPORTING, 1, freePort());
        system.replace(victim, restarted);
        restarted.awaitReady(Duration.ofSeconds(120));

        // 20 sessions x 30 minutes, once each, whichever pod answers
        for (int replica = 0; replica < RunningSystem.REPLICAS; replica++) {
            int pod = replica;
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                    onReplica(ServiceLayout.REPORTING, pod).queryParam("from", "2026-10-12")
                            .queryParam("to", "2026-11-08")
                            .get("/api/v1/compliance/students/" + e.studentId()).then().statusCode(200)
                            .body("mandates[0].periods.delivered.pullOut", everyItem(is(150)))
                            .body("mandates[0].periods", hasSize(4)));
        }
    }

    private static io.restassured.specification.RequestSpecification onReplica(ServiceLayout service, int replica) {
        return given().baseUri(RunningSystem.url(service, replica)).contentType(io.restassured.http.ContentType.JSON)
                .auth().oauth2(RunningSystem.adminToken());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
