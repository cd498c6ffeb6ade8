package org.iepservices.schedule.solver.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.schedule.api.As;
import org.iepservices.schedule.solver.CaseloadGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class SchedulerApiTest {

    private static final String SCHOOL = "00000000-0000-0000-0000-0000000000aa";
    private static final String CLASS = "00000000-0000-0000-0000-0000000000cc";

    @Inject
    ObjectMapper json;

    private static Map<String, Object> block(String id, String day, String start, String end, String subject,
                                             boolean core, String structure, String openness) {
        return Map.of("blockId", id, "classId", CLASS, "day", day, "start", start, "end", end, "subject", subject,
                "core", core, "structure", structure, "teacherOpenness", openness);
    }

    /** Two students of one class: a speech 1 push-in + 1 pull-out mandate and a 2 x 30 pull-out group mandate. */
    private Map<String, Object> smallProblem(String ana, String ben, String elaBlock) {
        return Map.of(
                "providerId", UUID.randomUUID().toString(),
                "students", List.of(
                        Map.of("studentId", ana, "schoolId", SCHOOL, "classId", CLASS, "grade", "2",
                                "goalAreas", List.of("EXPRESSIVE_LANGUAGE")),
                        Map.of("studentId", ben, "schoolId", SCHOOL, "classId", CLASS, "grade", "2",
                                "goalAreas", List.of("ARTICULATION"))),
                "mandates", List.of(
                        Map.of("mandateId", UUID.randomUUID().toString(), "studentId", ana, "serviceType", "SPEECH",
                                "minutesPerSession", 30, "pushInSessionsPerWeek", 1, "pullOutSessionsPerWeek", 1,
                                "group", false),
                        Map.of("mandateId", UUID.randomUUID().toString(), "studentId", ben, "serviceType", "SPEECH",
                                "minutesPerSession", 30, "pushInSessionsPerWeek", 0, "pullOutSessionsPerWeek", 2,
                                "group", true, "maxGroupSize", 3, "notDuringSubjects", List.of("ELA_READING"))),
                "activityBlocks", List.of(
                        block(elaBlock, "TUESDAY", "09:00", "10:00", "ELA_READING", true, "HIGH", "WELCOMES"),
                        block(UUID.randomUUID().toString(), "TUESDAY", "11:00", "12:00", "MATH", true, "HIGH", "OPEN"),
                        block(UUID.randomUUID().toString(), "TUESDAY", "12:00", "12:30", "LUNCH", false, "LOW", "OPEN"),
                        block(UUID.randomUUID().toString(), "THURSDAY", "09:00", "10:00", "ELA_READING", true, "HIGH", "NEVER")),
                "availability", List.of(
                        Map.of("schoolId", SCHOOL, "day", "TUESDAY", "start", "08:30", "end", "12:30"),
                        Map.of("schoolId", SCHOOL, "day", "THURSDAY", "start", "08:30", "end", "12:30")),
                "travelTimes", List.of(),
                "fixedSessions", List.of());
    }

    private static int totalJobs() {
        return Integer.parseInt(As.admin().get("/api/v1/scheduler/jobs").then().statusCode(200)
                .extract().header("X-Total-Count"));
    }

    @Test
    void aSubmittedCaseloadIsSolvedAndItsWeekCanBeRead() {
        String ana = UUID.randomUUID().toString();
        String ben = UUID.randomUUID().toString();
        String ela = UUID.randomUUID().toString();
        Response submitted = As.admin().contentType(ContentType.JSON).body(smallProblem(ana, ben, ela))
                .post("/api/v1/scheduler/jobs");
        submitted.then().statusCode(202)
                .header("Location", containsString("/api/v1/scheduler/jobs/"))
                .body("state", oneOf("QUEUED", "SOLVING", "DONE"))
                .body("mandatedMinutes", equalTo(120));
        String job = submitted.path("jobId");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                As.admin().get("/api/v1/scheduler/jobs/" + job).then().statusCode(200).body("state", equalTo("DONE")));

        As.admin().get("/api/v1/scheduler/jobs/" + job).then()
                .body("feasible", equalTo(true))
                .body("placedMinutes", equalTo(120))
                // every mandated minute is placeable here, and placed
                .body("upperBoundMinutes", equalTo(120))
                .body("placedShareOfBound", equalTo(1.0f))
                .body("score", startsWith("0hard/0medium/"));
        As.admin().get("/api/v1/scheduler/jobs/" + job + "/result").then().statusCode(200)
                .body("feasible", equalTo(true))
                .body("metrics.hardConflicts", equalTo(0))
                .body("metrics.placedMinutes", equalTo(120))
                .body("metrics.upperBoundMinutes", equalTo(120))
                .body("metrics.placedShareOfBound", equalTo(1.0f))
                .body("unplaced", empty())
                // the push-in joins the welcoming ELA block, where expressive language is worked on
                .body("sessions.find { it.setting == 'PUSH_IN' }.activityBlockId", equalTo(ela))
                .body("sessions.find { it.setting == 'PUSH_IN' }.activitySubject", equalTo("ELA_READING"))
                .body("metrics.pushInGoalMatchedMinutes", equalTo(30))
                // ben's pull-outs never during ELA (his mandate) nor Thursday's protected ELA
                .body("sessions.findAll { it.setting == 'PULL_OUT' }.start", everyItem(not(oneOf("09:00:00", "09:15:00", "09:30:00"))))
                .body("sessions.findAll { it.setting == 'PULL_OUT' }.students.flatten().size()", equalTo(3));
        As.admin().get("/api/v1/scheduler/jobs").then().statusCode(200)
                .body("jobId", hasItem(job));
    }

    @Test
    void aJobCanBeCancelledAndKeepsItsBestWeek() throws Exception {
        String body = json.writeValueAsString(CaseloadGenerator.generate(11, 3, 20));
        String job = As.admin().contentType(ContentType.JSON).body(body).post("/api/v1/scheduler/jobs")
                .then().statusCode(202).body("mandatedMinutes", greaterThan(2000)).extract().path("jobId");

        As.admin().post("/api/v1/scheduler/jobs/" + job + "/cancel").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                As.admin().get("/api/v1/scheduler/jobs/" + job).then().body("state", equalTo("CANCELLED")));
        As.admin().get("/api/v1/scheduler/jobs/" + job + "/result").then().statusCode(200)
                .body("metrics.mandatedMinutes", greaterThan(2000));
        // cancelling again changes nothing
        As.admin().post("/api/v1/scheduler/jobs/" + job + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
    }

    @Test
    void aProblemThatCannotBePlannedIsRefusedWithEveryBadFieldAndStartsNoJob() {
        int before = totalJobs();
        Map<String, Object> bad = Map.of(
                "providerId", UUID.randomUUID().toString(),
                "students", List.of(Map.of("studentId", UUID.randomUUID().toString(), "schoolId", SCHOOL,
                        "classId", CLASS)),
                "mandates", List.of(Map.of("mandateId", UUID.randomUUID().toString(),
                        "studentId", UUID.randomUUID().toString(), "serviceType", "SPEECH",
                        "minutesPerSession", 30, "pushInSessionsPerWeek", 1, "pullOutSessionsPerWeek", 0)),
                "availability", List.of(Map.of("schoolId", SCHOOL, "day", "MONDAY", "start", "12:00", "end", "08:00")));
        As.admin().contentType(ContentType.JSON).body(bad).post("/api/v1/scheduler/jobs").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("violations.field", containsInAnyOrder("mandates[0].studentId", "availability[0].end"));
        assertEquals(before, totalJobs());
    }

    @Test
    void malformedBodiesAndUnknownJobsAreClientErrors() {
        int before = totalJobs();
        As.admin().contentType(ContentType.JSON).body("{\"providerId\": \"not-a-uuid\"}").post("/api/v1/scheduler/jobs")
                .then().statusCode(400).contentType("application/problem+json");
        As.admin().contentType(ContentType.JSON).body("{").post("/api/v1/scheduler/jobs")
                .then().statusCode(400).contentType("application/problem+json");
        As.admin().contentType(ContentType.JSON).post("/api/v1/scheduler/jobs")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, totalJobs());
        String unknown = UUID.randomUUID().toString();
        As.admin().get("/api/v1/scheduler/jobs/" + unknown).then().statusCode(404).contentType("application/problem+json");
        As.admin().get("/api/v1/scheduler/jobs/" + unknown + "/result").then().statusCode(404);
        As.admin().post("/api/v1/scheduler/jobs/" + unknown + "/cancel").then().statusCode(404);
    }

    @Test
    void theSettingMixRecommendationExplainsItselfFactorByFactor() {
        String centers = UUID.randomUUID().toString();
        As.admin().contentType(ContentType.JSON).body(Map.of(
                        "mandate", Map.of("serviceType", "SPEECH", "sessionsPerInterval", 2, "minutesPerSession", 30,
                                "interval", "WEEK", "currentPushInSessions", 0, "currentPullOutSessions", 2),
                        "goals", List.of(Map.of("area", "PRAGMATICS", "stage", "GENERALIZATION",
                                "description", "joins peer conversations with 3 turns")),
                        "profile", Map.of("regulationSupport", "NONE", "needsQuietSetting", false),
                        "blocks", List.of(Map.of("blockId", centers, "day", "WEDNESDAY", "start", "10:00",
                                "end", "10:45", "subject", "CENTERS", "core", false, "structure", "HIGH",
                                "teacherOpenness", "OPEN"))))
                .post("/api/v1/recommendations/setting-mix").then().statusCode(200)
                .body("pushInSessions", equalTo(1)) // one usable block: push-in capped at one session
                .body("pullOutSessions", equalTo(1))
                .body("changesSplit", equalTo(true))
                .body("factors.name", hasItems("Goal type", "Skill stage", "Teacher willingness",
                        "Classroom structure", "Activity fits goals"))
                .body("factors.find { it.name == 'Goal type' }.direction", equalTo("PUSH_IN"))
                .body("pushInBlocks[0].blockId", equalTo(centers));

        As.admin().contentType(ContentType.JSON).body(Map.of(
                        "mandate", Map.of("serviceType", "SPEECH", "sessionsPerInterval", 2, "minutesPerSession", 30,
                                "interval", "WEEK", "currentPushInSessions", 2, "currentPullOutSessions", 2)))
                .post("/api/v1/recommendations/setting-mix").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
