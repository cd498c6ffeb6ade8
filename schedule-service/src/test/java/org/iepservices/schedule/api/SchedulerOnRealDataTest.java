package org.iepservices.schedule.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.iepservices.events.IepActivated;
import org.iepservices.events.ServiceProfileUpdated;
import org.iepservices.events.StaffUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.schedule.solver.CaseloadGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recommendation and the automatic scheduler on the service's own data: rosters and IEPs
 * published to the real broker, activity blocks and availability entered over HTTP, then a
 * provider's week planned, checked and accepted as recurring series.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class SchedulerOnRealDataTest {

    static final EventPublisher EVENTS = new EventPublisher();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final LocalDate START = LocalDate.of(2026, 9, 1);

    @Inject
    ObjectMapper json;

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    // ---------------------------------------------------------------- fixtures

    static UUID provider(World w, String discipline) {
        UUID id = UUID.randomUUID();
        EVENTS.send(StaffUpserted.TYPE, id, new StaffUpserted(id, "p-" + id, "Sam", discipline, id + "@district.test",
                discipline, "CCC-SLP", List.of(w.school), "active"));
        return id;
    }

    static IepActivated.Mandate mandate(UUID provider, String service, int pushIn, int pullOut, String interval,
                                        String delivery, int maxGroupSize, IepActivated.Constraint... constraints) {
        return new IepActivated.Mandate(UUID.randomUUID(), null, service, "SLP", provider, pushIn + pullOut, 30,
                interval, pushIn, pullOut, delivery, maxGroupSize, START, World.LAST_DAY, "Grade 2 classroom",
                "Speech room 104", List.of(constraints));
    }

    static IepActivated.Goal goal(String area, String stage, String service) {
        return new IepActivated.Goal(UUID.randomUUID(), area, area.toLowerCase() + " goal", "40%", "80%", 80,
                "PERCENT_ACCURACY", stage, service);
    }

    /** An IEP (IepActivated) with these mandates and goals; waits until every mandate has arrived. */
    static void iep(UUID student, List<IepActivated.Mandate> mandates, List<IepActivated.Goal> goals) {
        EVENTS.send(IepActivated.TYPE, student, new IepActivated(UUID.randomUUID(), student, null, START,
                World.LAST_DAY, mandates, goals));
        for (IepActivated.Mandate m : mandates) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() ->
                    As.admin().get("/api/v1/students/" + student + "/mandates").then().extract()
                            .<List<String>>path("id").contains(m.mandateId().toString()));
        }
    }

    static void profile(UUID student, String regulation, boolean quiet) {
        EVENTS.send(ServiceProfileUpdated.TYPE, student, new ServiceProfileUpdated(student, regulation, quiet, null,
                List.of(), false, null));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> regulation.equals(
                As.admin().get("/api/v1/students/" + student).then().extract().path("serviceProfile.regulationSupport")));
    }

    static void awaitStudent(UUID student) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> As.admin().get("/api/v1/students/" + student).statusCode() == 200);
    }

    static String recommendation(UUID student, UUID mandate) {
        return "/api/v1/students/" + student + "/mandates/" + mandate + "/setting-recommendation";
    }

    static Map<String, Object> factor(JsonPath json, String name, String direction) {
        List<Map<String, Object>> factors = json.getList("recommendation.factors");
        return factors.stream().filter(f -> name.equals(f.get("name")) && direction.equals(f.get("direction")))
                .findFirst().orElseThrow(() -> new AssertionError("no factor " + name + " " + direction + " in "
                        + factors));
    }

    static int totalJobs() {
        return Integer.parseInt(As.admin().get("/api/v1/scheduler/jobs").then().statusCode(200)
                .extract().header("X-Total-Count"));
    }

    static String submit(Map<String, Object> body) {
        return World.post("/api/v1/scheduler/jobs", body).then().statusCode(202).extract().path("jobId");
    }

    static void awaitDone(String job) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                As.admin().get("/api/v1/scheduler/jobs/" + job).then().statusCode(200).body("state", equalTo("DONE")));
    }

    static int minute(String time) {
        return LocalTime.parse(time).toSecondOfDay() / 60;
    }

    // ---------------------------------------------------------------- recommendation

    @Test
    void theRecommendationIsBuiltFromTheStudentsIepProfileAndClass() {
        World w = new World(EVENTS);
        UUID slp = provider(w, "SLP");
        UUID ana = w.student("Ana");
        UUID ben = w.student("Ben");
        UUID cls = w.schoolClass("Room 12", ana, ben);
        String ela = w.block(cls, "MONDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH", "WELCOMES");
        String centers = w.block(cls, "WEDNESDAY", "10:00:00", "11:00:00", "CENTERS", false, "HIGH", "OPEN");
        w.block(cls, "MONDAY", "11:30:00", "12:00:00", "LUNCH", false, "LOW", "OPEN");
        IepActivated.Mandate anas = mandate(slp, "SPEECH_LANGUAGE", 1, 1, "WEEK", "GROUP", 3);
        iep(ana, List.of(anas), List.of(goal("EXPRESSIVE_LANGUAGE", "GENERALIZATION", "SPEECH_LANGUAGE"),
                goal("FINE_MOTOR", "ACQUISITION", "OT")));
        IepActivated.Mandate bens = mandate(slp, "SPEECH_LANGUAGE", 0, 2, "WEEK", "GROUP", 3);
        iep(ben, List.of(bens), List.of(goal("ARTICULATION", "ACQUISITION", "SPEECH_LANGUAGE")));
        profile(ben, "HIGH", true);
        w.awaitClass(cls, 2);

        // Ana: language in generalization, a welcoming teacher in a structured ELA block -> all push-in
        JsonPath anaRec = As.admin().get(recommendation(ana, anas.mandateId())).then().statusCode(200)
                .body("studentId", equalTo(ana.toString()))
                .body("classes.title", equalTo(List.of("Room 12")))
                .body("input.mandate.currentPushInSessions", equalTo(1))
                .body("input.goals.area", equalTo(List.of("EXPRESSIVE_LANGUAGE", "FINE_MOTOR")))
                .body("input.blocks", hasSize(3))
                .body("recommendation.pushInSessions", equalTo(2))
                .body("recommendation.pullOutSessions", equalTo(0))
                .body("recommendation.changesSplit", equalTo(true))
                .body("recommendation.pullOutWeight", equalTo(0))
                .body("recommendation.pushInBlocks.blockId", equalTo(List.of(ela, centers)))
                .extract().jsonPath();
        assertEquals(4, factor(anaRec, "Goal type", "PUSH_IN").get("weight"));
        assertEquals(4, factor(anaRec, "Skill stage", "PUSH_IN").get("weight"));
        assertEquals(2, factor(anaRec, "Teacher willingness", "PUSH_IN").get("weight"), "ELA's teacher welcomes");
        assertEquals(2, factor(anaRec, "Classroom structure", "PUSH_IN").get("weight"));
        assertTrue(factor(anaRec, "Activity fits goals", "PUSH_IN").get("evidence").toString().contains("ELA_READING"));
        assertEquals(14, anaRec.getInt("recommendation.pushInWeight"), "the OT goal is not speech's business");

        // Ben: articulation in acquisition, high regulation needs, needs quiet -> pull-out stays
        JsonPath benRec = As.admin().get(recommendation(ben, bens.mandateId())).then().statusCode(200)
                .body("recommendation.pushInSessions", equalTo(0))
                .body("recommendation.pullOutSessions", equalTo(2))
                .body("recommendation.changesSplit", equalTo(false))
                .body("recommendation.pushInBlocks", empty())
                .extract().jsonPath();
        assertEquals(4, factor(benRec, "Regulation and sensory needs", "PULL_OUT").get("weight"));
        assertEquals(2, factor(benRec, "Quiet setting", "PULL_OUT").get("weight"));
        assertEquals(1, factor(benRec, "Activity fits goals", "PULL_OUT").get("weight"));
        assertEquals(15, benRec.getInt("recommendation.pullOutWeight"));
        assertEquals(4, benRec.getInt("recommendation.pushInWeight"));

        // the same input through the facts-in-body endpoint gives the same answer
        Map<String, Object> input = benRec.getMap("input");
        As.admin().contentType(ContentType.JSON).body(input).post("/api/v1/recommendations/setting-mix").then()
                .statusCode(200).body("summary", equalTo(benRec.getString("recommendation.summary")));
    }

    @Test
    void noClassroomToJudgeIsA422AndUnknownIdsAre404() {
        World w = new World(EVENTS);
        UUID slp = provider(w, "SLP");
        UUID cal = w.student("Cal");
        UUID dan = w.student("Dan");
        UUID bare = w.schoolClass("Room 14 (no blocks yet)", dan);
        IepActivated.Mandate cals = mandate(slp, "SPEECH_LANGUAGE", 1, 1, "WEEK", "INDIVIDUAL", 1);
        IepActivated.Mandate dans = mandate(slp, "SPEECH_LANGUAGE", 1, 1, "WEEK", "INDIVIDUAL", 1);
        iep(cal, List.of(cals), List.of(goal("PRAGMATICS", "GENERALIZATION", null)));
        iep(dan, List.of(dans), List.of());
        awaitStudent(cal);
        w.awaitClass(bare, 1);

        As.admin().get(recommendation(cal, cals.mandateId())).then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("in no class"))
                .body("violations[0].field", equalTo("studentId"));
        As.admin().get(recommendation(dan, dans.mandateId())).then().statusCode(422)
                .body("violations[0].message", containsString("Room 14 (no blocks yet)"))
                .body("violations[0].message", containsString("/api/v1/classes/" + bare + "/activity-blocks"));

        As.admin().get(recommendation(UUID.randomUUID(), cals.mandateId())).then().statusCode(404)
                .contentType("application/problem+json");
        As.admin().get(recommendation(dan, cals.mandateId())).then().statusCode(404)
                .body("detail", containsString("of student " + dan));
        As.admin().get(recommendation(cal, UUID.randomUUID())).then().statusCode(404);
    }

    // ---------------------------------------------------------------- scheduler

    /** A provider's week: three students, a speech provider, an OT provider with an existing series. */
    record Caseload(World w, UUID slp, UUID cls, UUID ana, UUID ben, UUID eve, IepActivated.Mandate anas,
                    IepActivated.Mandate bens, IepActivated.Mandate eves, String bensMonday, String anasOt) {
    }

    Caseload caseload() {
        World w = new World(EVENTS);
        UUID slp = provider(w, "SLP");
        UUID ot = provider(w, "OT");
        UUID ana = w.student("Ana");
        UUID ben = w.student("Ben");
        UUID eve = w.student("Eve");
        UUID cls = w.schoolClass("Room 12", ana, ben, eve);
        IepActivated.Mandate anas = mandate(slp, "SPEECH_LANGUAGE", 1, 1, "WEEK", "GROUP", 3);
        IepActivated.Mandate anasOt = mandate(ot, "OT", 0, 1, "WEEK", "INDIVIDUAL", 1);
        IepActivated.Mandate bens = mandate(slp, "SPEECH_LANGUAGE", 0, 2, "WEEK", "GROUP", 3,
                new IepActivated.Constraint("NOT_DURING_SUBJECT", "SCIENCE", "science fair project"));
        IepActivated.Mandate eves = mandate(slp, "SPEECH_LANGUAGE", 0, 4, "MONTH", "INDIVIDUAL", 1);
        iep(ana, List.of(anas, anasOt), List.of(goal("EXPRESSIVE_LANGUAGE", "GENERALIZATION", "SPEECH_LANGUAGE")));
        iep(ben, List.of(bens), List.of(goal("ARTICULATION", "ACQUISITION", "SPEECH_LANGUAGE")));
        iep(eve, List.of(eves), List.of(goal("FLUENCY", "ACQUISITION", "SPEECH_LANGUAGE")));
        for (String day : List.of("MONDAY", "WEDNESDAY", "THURSDAY")) {
            w.block(cls, day, "08:30:00", "09:30:00", "ELA_READING", true, "HIGH", "WELCOMES");
            w.block(cls, day, "09:30:00", "10:30:00", "MATH", true, "HIGH", "OPEN");
            w.block(cls, day, "10:30:00", "11:30:00", "CENTERS", false, "HIGH", "OPEN");
            w.block(cls, day, "11:30:00", "12:00:00", "LUNCH", false, "LOW", "OPEN");
            w.block(cls, day, "12:00:00", "13:00:00", "SCIENCE", false, "MODERATE", "OPEN");
            World.available(slp, w.school, day, "08:30:00", "13:00:00");
        }
        World.available(ot, w.school, "WEDNESDAY", "08:00:00", "15:00:00");
        As.admin().contentType(ContentType.JSON).body(Map.of("maxSessionsPerDay", 3))
                .put("/api/v1/providers/" + slp + "/limits").then().statusCode(200);
        w.awaitClass(cls, 3);

        // already scheduled: Ben's Monday speech pull-out, and Ana's OT pull-out on Wednesday
        Map<String, Object> bensMonday = w.pullOut(slp, "MONDAY", "10:30:00", 30,
                new World.Kid(ben, bens.mandateId()));
        String bensSeries = World.series(bensMonday);
        Map<String, Object> otBody = World.with(w.pullOut(ot, "WEDNESDAY", "10:30:00", 30,
                new World.Kid(ana, anasOt.mandateId())), "serviceType", "OT");
        String otSeries = World.series(World.with(otBody, "room", "OT room"));
        return new Caseload(w, slp, cls, ana, ben, eve, anas, bens, eves, bensSeries, otSeries);
    }

    @Test
    void aProvidersWeekIsPlannedFromTheDatabaseAndAcceptedAsSeries() {
        Caseload c = caseload();
        String job = submit(Map.of("providerId", c.slp().toString(), "weekOf", "2026-09-16"));
        awaitDone(job);
        As.admin().get("/api/v1/scheduler/jobs/" + job).then().statusCode(200)
                .body("providerId", equalTo(c.slp().toString()))
                .body("weekOf", equalTo("2026-09-14"))
                .body("feasible", equalTo(true))
                .body("notes", hasItem(containsString("4 pull-out per MONTH planned as 0 + 1 a week")))
                .body("acceptedSessions", equalTo(0));

        JsonPath result = As.admin().get("/api/v1/scheduler/jobs/" + job + "/result").then().statusCode(200)
                .body("metrics.hardConflicts", equalTo(0))
                .body("unplaced", empty())
                .extract().jsonPath();
        List<Map<String, Object>> sessions = result.getList("sessions");

        // every mandate's setting split, per week: Ana 1 + 1, Ben 2 pull-outs (one exists), Eve 1 (4 a month)
        Map<String, Integer> perMandateSetting = new HashMap<>();
        for (Map<String, Object> s : sessions) {
            for (Map<String, Object> p : students(s)) {
                perMandateSetting.merge(p.get("mandateId") + "/" + s.get("setting"), 1, Integer::sum);
            }
        }
        assertEquals(Map.of(c.anas().mandateId() + "/PUSH_IN", 1, c.anas().mandateId() + "/PULL_OUT", 1,
                c.bens().mandateId() + "/PULL_OUT", 2, c.eves().mandateId() + "/PULL_OUT", 1), perMandateSetting);
        List<Map<String, Object>> fixed = sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("fixed"))).toList();
        assertEquals(1, fixed.size(), "Ben's Monday series is kept where it is");
        assertEquals("MONDAY", fixed.get(0).get("day"));

        Map<String, Integer> perDay = new HashMap<>();
        for (Map<String, Object> s : sessions) {
            perDay.merge((String) s.get("day"), 1, Integer::sum);
            int start = minute((String) s.get("start"));
            int end = minute((String) s.get("end"));
            if ("PULL_OUT".equals(s.get("setting"))) {
                // the district protects core instruction: no pull-out during ELA or math (08:30-10:30)
                assertTrue(start >= minute("10:30"), "pull-out during core: " + s);
                if (ids(s).contains(c.ben().toString())) {
                    assertTrue(end <= minute("12:00"), "Ben is never pulled from science: " + s);
                }
            } else {
                assertEquals("PUSH_IN", s.get("setting"));
                assertEquals(c.cls().toString(), s.get("classId"));
                assertTrue(List.of("ELA_READING", "CENTERS").contains(s.get("activitySubject")), s.toString());
            }
            if (ids(s).contains(c.ana().toString()) && "WEDNESDAY".equals(s.get("day"))) {
                assertTrue(end <= minute("10:30") || start >= minute("11:00"), "Ana has OT then: " + s);
            }
        }
        assertTrue(perDay.values().stream().allMatch(n -> n <= 3), "at most 3 sessions a day: " + perDay);

        int seriesBefore = World.seriesCount(c.slp());
        assertEquals(1, seriesBefore);
        // an id that is not a session of the job's result: 422, nothing created
        World.post("/api/v1/scheduler/jobs/" + job + "/accept", Map.of("sessionIds", List.of(UUID.randomUUID().toString())))
                .then().statusCode(422).body("violations[0].field", equalTo("sessionIds[0]"));
        String fixedId = (String) fixed.get(0).get("sessionId");
        World.post("/api/v1/scheduler/jobs/" + job + "/accept", Map.of("sessionIds", List.of(fixedId)))
                .then().statusCode(422).body("violations[0].message", containsString("exists already"));
        assertEquals(seriesBefore, World.seriesCount(c.slp()));

        List<Map<String, Object>> proposed = sessions.stream().filter(s -> !Boolean.TRUE.equals(s.get("fixed")))
                .toList();
        try (TopicProbe probe = new TopicProbe("schedule.events")) {
            JsonPath accepted = As.admin().post("/api/v1/scheduler/jobs/" + job + "/accept").then().statusCode(200)
                    .body("jobId", equalTo(job))
                    .body("notCreated", empty())
                    .body("created", hasSize(proposed.size()))
                    .extract().jsonPath();
            List<Map<String, Object>> created = accepted.getList("created");
            int memberships = 0;
            for (Map<String, Object> made : created) {
                Map<String, Object> session = proposed.stream().filter(s -> s.get("sessionId").equals(made.get("sessionId")))
                        .findFirst().orElseThrow();
                String seriesId = (String) made.get("seriesId");
                Response series = As.admin().get("/api/v1/session-series/" + seriesId);
                series.then().statusCode(200)
                        .body("providerId", equalTo(c.slp().toString()))
                        .body("setting", equalTo(session.get("setting")))
                        .body("dayOfWeek", equalTo(session.get("day")))
                        .body("startTime", equalTo(session.get("start")))
                        .body("effectiveFrom", equalTo("2026-09-14"))
                        .body("effectiveTo", equalTo(World.LAST_DAY.toString()))
                        .body("conflicts.findAll { it.severity == 'HARD' }", empty());
                assertEquals(Set.copyOf(ids(session)), Set.copyOf(series.jsonPath().<String>getList("students.studentId")),
                        "a group session is one series with all its students");
                if ("PULL_OUT".equals(session.get("setting"))) {
                    series.then().body("room", equalTo("Speech room 104"));
                } else {
                    series.then().body("activityBlockId", equalTo(session.get("activityBlockId")));
                }
                int students = ids(session).size();
                memberships += students;
                assertEquals(students, probe.await(TopicProbe.event("SessionSeriesScheduled", "seriesId", seriesId),
                        students, WAIT).size(), "SessionSeriesScheduled per student of series " + seriesId);
            }
            assertTrue(memberships >= 3, "Ana twice, Ben and Eve once");
        }
        assertEquals(seriesBefore + proposed.size(), World.seriesCount(c.slp()));
        As.admin().queryParam("weekOf", "2026-09-14").get("/api/v1/providers/" + c.slp() + "/schedule").then()
                .statusCode(200).body("scheduled", equalTo(sessions.size()));
        As.admin().get("/api/v1/scheduler/jobs/" + job).then().body("acceptedSessions", equalTo(proposed.size()));
        // the week is covered as mandated, by setting
        for (UUID student : List.of(c.ana(), c.ben())) {
            As.admin().queryParam("from", "2026-09-14").queryParam("to", "2026-09-18")
                    .get("/api/v1/students/" + student + "/coverage").then().statusCode(200)
                    .body("mandates.find { it.serviceType == 'SPEECH_LANGUAGE' }.periods[0].status", equalTo("COVERED"));
        }

        // accepting again creates nothing
        As.admin().post("/api/v1/scheduler/jobs/" + job + "/accept").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("accepted already"));
        World.post("/api/v1/scheduler/jobs/" + job + "/accept",
                        Map.of("sessionIds", List.of(proposed.get(0).get("sessionId"))))
                .then().statusCode(409).body("violations[0].message", containsString("accepted already as series"));
        assertEquals(seriesBefore + proposed.size(), World.seriesCount(c.slp()));

        // planning the same week again: everything exists, nothing new is proposed
        String again = submit(Map.of("providerId", c.slp().toString(), "schoolId", c.w().school.toString(),
                "weekOf", "2026-09-14"));
        awaitDone(again);
        As.admin().get("/api/v1/scheduler/jobs/" + again + "/result").then()
                .body("metrics.hardConflicts", equalTo(0))
                .body("sessions.findAll { !it.fixed }", empty())
                .body("sessions", hasSize(sessions.size()));
        As.admin().post("/api/v1/scheduler/jobs/" + again + "/accept").then().statusCode(422);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> students(Map<String, Object> session) {
        return (List<Map<String, Object>>) session.get("students");
    }

    static List<String> ids(Map<String, Object> session) {
        return students(session).stream().map(p -> (String) p.get("studentId")).toList();
    }

    @Test
    void badSubmissionsAreRefusedAndStartNoJob() {
        World w = new World(EVENTS);
        UUID idle = provider(w, "SLP");
        World.available(idle, w.school, "MONDAY", "08:00:00", "12:00:00");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> As.admin().get("/api/v1/staff/" + idle).statusCode() == 200);
        int before = totalJobs();

        World.post("/api/v1/scheduler/jobs", Map.of("providerId", UUID.randomUUID().toString(), "weekOf", "2026-09-14"))
                .then().statusCode(404).contentType("application/problem+json");
        World.post("/api/v1/scheduler/jobs", Map.of("providerId", idle.toString(), "weekOf", "2026-09-14"))
                .then().statusCode(422).body("detail", containsString("Nothing to plan"));
        World.post("/api/v1/scheduler/jobs", Map.of("weekOf", "2026-09-14"))
                .then().statusCode(400).body("violations[0].field", equalTo("providerId"));
        World.post("/api/v1/scheduler/jobs", Map.of("providerId", idle.toString(), "weekOf", "soon"))
                .then().statusCode(400).body("violations[0].field", equalTo("weekOf"));
        World.post("/api/v1/scheduler/jobs", Map.of("providerId", idle.toString(), "weekOf", "2026-09-14",
                "students", List.of())).then().statusCode(400).body("violations[0].field", equalTo("students"));
        assertEquals(before, totalJobs());

        As.admin().post("/api/v1/scheduler/jobs/" + UUID.randomUUID() + "/accept").then().statusCode(404)
                .body("detail", containsString("does not exist"));
    }

    @Test
    void aJobIsAcceptedOnlyOnceSolvedAndAFactsJobNeedsADate() throws Exception {
        // still solving: 409
        String body = json.writeValueAsString(CaseloadGenerator.generate(5, 3, 20));
        String busy = As.admin().contentType(ContentType.JSON).body(body).post("/api/v1/scheduler/jobs")
                .then().statusCode(202).extract().path("jobId");
        As.admin().post("/api/v1/scheduler/jobs/" + busy + "/accept").then().statusCode(409)
                .body("detail", containsString("wait until it is DONE"));
        As.admin().post("/api/v1/scheduler/jobs/" + busy + "/cancel").then().statusCode(200);

        // facts in the body about students schedule-service does not know: no week, and nothing to create
        String school = UUID.randomUUID().toString();
        String kid = UUID.randomUUID().toString();
        String facts = submit(Map.of("providerId", UUID.randomUUID().toString(),
                "students", List.of(Map.of("studentId", kid, "schoolId", school)),
                "mandates", List.of(Map.of("mandateId", UUID.randomUUID().toString(), "studentId", kid,
                        "serviceType", "SPEECH_LANGUAGE", "minutesPerSession", 30, "pushInSessionsPerWeek", 0,
                        "pullOutSessionsPerWeek", 1, "group", false)),
                "availability", List.of(Map.of("schoolId", school, "day", "MONDAY", "start", "09:00", "end", "10:00"))));
        awaitDone(facts);
        As.admin().post("/api/v1/scheduler/jobs/" + facts + "/accept").then().statusCode(422)
                .body("violations[0].field", equalTo("effectiveFrom"));
        JsonPath outcome = World.post("/api/v1/scheduler/jobs/" + facts + "/accept",
                        Map.of("effectiveFrom", "2026-09-14"))
                .then().statusCode(200).body("created", empty()).body("notCreated", hasSize(1))
                .extract().jsonPath();
        assertEquals(422, outcome.getInt("notCreated[0].status"));
        List<String> fields = new ArrayList<>(outcome.getList("notCreated[0].violations.field"));
        assertTrue(fields.contains("effectiveFrom") || fields.contains("students[0].mandateId"), fields.toString());
        // it was not accepted, so it can be tried again
        As.admin().get("/api/v1/scheduler/jobs/" + facts).then().body("acceptedSessions", equalTo(0));
        assertFalse(new HashSet<>(fields).isEmpty());
    }
}
