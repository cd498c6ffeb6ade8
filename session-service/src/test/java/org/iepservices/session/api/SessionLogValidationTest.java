package org.iepservices.session.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.events.IepActivated;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every log is checked against the copies and the shape rules; a refused log writes nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class SessionLogValidationTest {

    private TestWorld world;
    private TestWorld.Student student;

    @BeforeEach
    void district() throws Exception {
        world = TestWorld.create();
        student = world.student();
        world.awaitKnown(student);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLine(Map<String, Object> log) {
        return ((List<Map<String, Object>>) log.get("students")).get(0);
    }

    @Test
    void aMandateNotReceivedYetIsARetryable422UntilItArrives() throws Exception {
        UUID newcomer = UUID.randomUUID();
        UUID mandate = UUID.randomUUID();
        Map<String, Object> body = log(world.slp, "2026-09-15", "10:00:00", "10:30:00", "PULL_OUT", "INDIVIDUAL",
                line(newcomer, mandate, "PRESENT", null));
        post(world.slp(), "/api/v1/session-logs", body).statusCode(422)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("detail", containsString("does not know yet"))
                .body("violations[0].field", is("students[0].mandateId"))
                .body("violations[0].message", startsWith("not known yet"));
        assertEquals(0, world.logsOf(world.slp));

        world.events.send(StudentUpserted.TYPE, newcomer, new StudentUpserted(newcomer, "n", "Kai", "Lee", "1",
                world.school, "active"));
        world.events.send(IepActivated.TYPE, newcomer, new IepActivated(UUID.randomUUID(), newcomer, null, IEP_START,
                IEP_END, List.of(mandate(mandate, "SPEECH_LANGUAGE", world.slp.id(), 1, 0, 1)), List.of()));
        world.assign(newcomer, world.slp, "SPEECH_LANGUAGE", mandate);
        // What a client does: retry until the copy has arrived.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                world.slp().contentType("application/json").body(body).post("/api/v1/session-logs").statusCode() == 201);
        assertEquals(1, world.logsOf(world.slp));
    }

    @Test
    void anUnknownProviderIsNotKnownYetAndATeacherDeliversNoService() {
        // The district admin prepares drafts for any provider: the provider is checked against the roster copy.
        Map<String, Object> body = world.speechLog(student, "PRESENT", null);
        body.put("providerId", UUID.randomUUID().toString());
        post(world.admin(), "/api/v1/session-logs", body).statusCode(422).header("Retry-After", notNullValue())
                .body("violations.field", hasItem("providerId"));
        body.put("providerId", world.teacher.id().toString());
        post(world.admin(), "/api/v1/session-logs", body).statusCode(422).header("Retry-After", nullValue())
                .body("violations.field", hasItem("providerId"))
                .body("violations.message", hasItem(containsString("TEACHER")));
        assertEquals(0, world.logsOf(world.teacher));
    }

    @Test
    void theMandateMustBeTheStudentsInForceOnTheDateAndOfTheProvidersDiscipline() throws Exception {
        TestWorld.Student other = world.student();
        world.awaitKnown(other);

        Map<String, Object> othersMandate = world.speechLog(student, "PRESENT", null);
        firstLine(othersMandate).put("mandateId", other.speech().toString());
        post(world.slp(), "/api/v1/session-logs", othersMandate).statusCode(422)
                .body("violations[0].field", is("students[0].mandateId"))
                .body("violations[0].message", containsString("another student"));

        Map<String, Object> beforeTheIep = world.speechLog(student, "PRESENT", null);
        beforeTheIep.put("sessionDate", "2026-08-31");
        post(world.slp(), "/api/v1/session-logs", beforeTheIep).statusCode(422)
                .body("violations[0].field", is("students[0].mandateId"))
                .body("violations[0].message", containsString("not in force on 2026-08-31"));

        Map<String, Object> otByAnSlp = world.speechLog(student, "PRESENT", null);
        firstLine(otByAnSlp).put("mandateId", student.ot().toString());
        post(world.slp(), "/api/v1/session-logs", otByAnSlp).statusCode(422)
                .body("violations[0].field", is("students[0].mandateId"))
                .body("violations[0].message", containsString("needs a provider of discipline OT; provider Dana Whitfield is SLP"));
        assertEquals(0, world.logsOf(world.slp));
    }

    @Test
    void goalIdsMustBeGoalsOfTheStudentsIep() throws Exception {
        TestWorld.Student other = world.student();
        world.awaitKnown(other);
        Map<String, Object> body = world.speechLog(student, "PRESENT", null);
        firstLine(body).put("goalData", List.of(trials(student.speechGoal(), 3, 5), trials(other.speechGoal(), 1, 2),
                trials(UUID.randomUUID(), 1, 2)));
        post(world.slp(), "/api/v1/session-logs", body).statusCode(422)
                .body("violations.field", contains("students[0].goalData[1].goalId", "students[0].goalData[2].goalId"))
                .body("violations.message", everyItem(containsString("not a goal of this student's IEP")));
        assertEquals(0, world.logsOf(world.slp));
    }

    @Test
    void shapesThatMakeNoSenseAreRefusedNamingEachField() {
        Map<String, Object> body = world.speechLog(student, "PRESENT", 45);
        Map<String, Object> tally = new HashMap<>(Map.of("goalId", student.speechGoal2().toString(),
                "measure", "FREQUENCY", "count", -2));
        firstLine(body).put("goalData", List.of(trials(student.speechGoal(), 9, 8), tally));
        post(world.slp(), "/api/v1/session-logs", body).statusCode(422)
                .body("violations.field", containsInAnyOrder("students[0].minutes", "students[0].goalData[0].correct",
                        "students[0].goalData[1].count"))
                .body("violations.message", hasItem(containsString("session length of 30 minutes")));

        Map<String, Object> absentWithData = world.speechLog(student, "ABSENT", null);
        firstLine(absentWithData).put("goalData", List.of(trials(student.speechGoal(), 1, 2)));
        post(world.slp(), "/api/v1/session-logs", absentWithData).statusCode(422)
                .body("violations.field", contains("students[0].goalData"))
                .body("violations[0].message", containsString("absent"));

        Map<String, Object> negative = world.speechLog(student, "PARTIAL", -5);
        post(world.slp(), "/api/v1/session-logs", negative).statusCode(422)
                .body("violations.field", hasItem("students[0].minutes"));

        Map<String, Object> endBeforeStart = world.speechLog(student, "PRESENT", null);
        endBeforeStart.put("endTime", "09:00:00");
        post(world.slp(), "/api/v1/session-logs", endBeforeStart).statusCode(422).body("violations.field", hasItem("endTime"));

        TestWorld.Student second = student; // the same student twice in an individual session
        Map<String, Object> twoInIndividual = log(world.slp, "2026-09-15", "10:00:00", "10:30:00", "PULL_OUT",
                "INDIVIDUAL", line(student.id(), student.speech(), "PRESENT", null),
                line(second.id(), second.speech(), "PRESENT", null));
        post(world.slp(), "/api/v1/session-logs", twoInIndividual).statusCode(422)
                .body("violations.field", hasItems("format", "students[1].studentId"));

        Map<String, Object> pushInForPullOut = world.speechLog(student, "PRESENT", null);
        pushInForPullOut.put("pushIn", Map.of("activitySubject", "WRITING"));
        post(world.slp(), "/api/v1/session-logs", pushInForPullOut).statusCode(422).body("violations.field", contains("pushIn"));

        Map<String, Object> unknownEnum = world.speechLog(student, "PRESENT", null);
        firstLine(unknownEnum).put("goalData", List.of(Map.of("goalId", student.speechGoal().toString(),
                "measure", "VIBES")));
        post(world.slp(), "/api/v1/session-logs", unknownEnum).statusCode(400)
                .body("violations[0].field", is("students[0].goalData[0].measure"));
        assertEquals(0, world.logsOf(world.slp), "nothing refused was written");
    }
}
