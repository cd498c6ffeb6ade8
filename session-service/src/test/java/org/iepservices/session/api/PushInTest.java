package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.*;
import static org.junit.jupiter.api.Assertions.*;

/** Push-in context, the non-instructional flag, and logs created for a scheduled occurrence. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class PushInTest {

    private TestWorld world;
    private TestWorld.Student ava;
    private TestWorld.Student liam;

    @BeforeEach
    void district() throws Exception {
        world = TestWorld.create();
        ava = world.student();
        liam = world.student();
        world.awaitKnown(ava, liam);
    }

    @AfterEach
    void close() {
        world.close();
    }

    private Map<String, Object> pushInLog(String subject) {
        Map<String, Object> body = log(world.slp, "2026-09-17", "09:00:00", "09:30:00", "PUSH_IN", "SMALL_GROUP",
                line(ava.id(), ava.speech(), "PRESENT", null), line(liam.id(), liam.speech(), "PARTIAL", 20));
        body.put("pushIn", new HashMap<>(Map.of("classId", UUID.randomUUID().toString(),
                "teacherId", world.teacher.id().toString(), "activitySubject", subject,
                "coTeachingModel", "STATION", "classroomStructure", "HIGH",
                "teacherDebriefNote", "Ava used story grammar cues at the writing center")));
        return body;
    }

    @Test
    void aPushInCarriesItsClassroomContextIntoTheLogAndTheEvent() throws Exception {
        Map<String, Object> body = pushInLog("WRITING");
        String id = createLog(world.slp(), body);
        world.slp().get("/api/v1/session-logs/" + id).then()
                .body("pushIn.teacherId", is(world.teacher.id().toString()))
                .body("pushIn.activitySubject", is("WRITING"))
                .body("pushIn.coTeachingModel", is("STATION"))
                .body("pushIn.classroomStructure", is("HIGH"))
                .body("pushIn.teacherDebriefNote", containsString("story grammar"))
                .body("pushIn.nonInstructionalBlock", is(false))
                .body("warnings", empty());
        try (SessionEventsProbe events = new SessionEventsProbe()) {
            world.complete(id, world.slp).statusCode(200);
            List<JsonNode> found = events.await(e -> e.path("data").path("sessionLogId").asText().equals(id), 2,
                    Duration.ofSeconds(20));
            assertEquals(2, found.size(), "one SessionCompleted per student credited");
            JsonNode liamEvent = found.stream().filter(e -> e.get("subject").asText().equals(liam.id().toString()))
                    .findFirst().orElseThrow().get("data");
            assertEquals(20, liamEvent.get("minutes").asInt());
            assertEquals("PARTIAL", liamEvent.get("attendance").asText());
            assertEquals("SMALL_GROUP", liamEvent.get("format").asText());
            JsonNode pushIn = liamEvent.get("pushIn");
            assertEquals(body.get("pushIn") instanceof Map<?, ?> m ? m.get("classId") : null,
                    pushIn.get("classId").asText());
            assertEquals(world.teacher.id().toString(), pushIn.get("teacherId").asText());
            assertEquals("WRITING", pushIn.get("activitySubject").asText());
            assertEquals("STATION", pushIn.get("coTeachingModel").asText());
            assertEquals("HIGH", pushIn.get("classroomStructure").asText());
            assertEquals("Ava used story grammar cues at the writing center",
                    pushIn.get("teacherDebriefNote").asText());
            assertFalse(pushIn.get("nonInstructionalBlock").asBoolean());
        }
    }

    @Test
    void aPushInLoggedIntoLunchIsFlaggedInTheResponseAndTheEvent() throws Exception {
        String id = createLog(world.slp(), pushInLog("LUNCH"));
        world.slp().get("/api/v1/session-logs/" + id).then()
                .body("pushIn.nonInstructionalBlock", is(true))
                .body("warnings[0]", containsString("LUNCH"));
        try (SessionEventsProbe events = new SessionEventsProbe()) {
            world.complete(id, world.slp).statusCode(200);
            List<JsonNode> found = events.await(e -> e.path("data").path("sessionLogId").asText().equals(id), 2,
                    Duration.ofSeconds(20));
            assertEquals(2, found.size());
            for (JsonNode e : found) {
                assertTrue(e.get("data").get("pushIn").get("nonInstructionalBlock").asBoolean());
                assertEquals("LUNCH", e.get("data").get("pushIn").get("activitySubject").asText());
            }
        }
    }

    @Test
    void aLogForAScheduledOccurrenceTakesItsTimesStudentsMandatesAndClass() throws Exception {
        UUID series = UUID.randomUUID();
        UUID occurrence = UUID.randomUUID();
        UUID classId = UUID.randomUUID();
        for (TestWorld.Student s : List.of(ava, liam)) {
            world.events.send(SessionSeriesScheduled.TYPE, s.id(), new SessionSeriesScheduled(series, s.id(),
                    s.speech(), world.slp.id(), "SPEECH_LANGUAGE", ServiceSetting.PUSH_IN, world.school, classId,
                    List.of(world.teacher.id()), UUID.randomUUID(), "CENTERS", null, DayOfWeek.THURSDAY,
                    LocalTime.of(10, 15), 30, LocalDate.of(2026, 9, 17), LocalDate.of(2026, 9, 17), 2,
                    List.of(new SessionSeriesScheduled.Occurrence(occurrence, LocalDate.of(2026, 9, 17),
                            LocalTime.of(10, 15), 30, List.of()))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> world.slp().get("/api/v1/occurrences/" + occurrence)
                .then().statusCode(200).body("students", hasSize(2)));

        Map<String, Object> body = new HashMap<>(Map.of("occurrenceId", occurrence.toString(),
                "pushIn", Map.of("coTeachingModel", "ONE_TEACH_ONE_ASSIST")));
        String id = post(world.slp(), "/api/v1/session-logs", body).statusCode(201)
                .body("occurrenceId", is(occurrence.toString()))
                .body("providerId", is(world.slp.id().toString()))
                .body("sessionDate", is("2026-09-17"))
                .body("startTime", is("10:15:00"))
                .body("endTime", is("10:45:00"))
                .body("setting", is("PUSH_IN"))
                .body("format", is("SMALL_GROUP"))
                .body("pushIn.classId", is(classId.toString()))
                .body("pushIn.teacherId", is(world.teacher.id().toString()))
                .body("pushIn.activitySubject", is("CENTERS"))
                .body("pushIn.coTeachingModel", is("ONE_TEACH_ONE_ASSIST"))
                .body("students.studentId", containsInAnyOrder(ava.id().toString(), liam.id().toString()))
                .body("students.mandateId", containsInAnyOrder(ava.speech().toString(), liam.speech().toString()))
                .body("students.minutes", contains(30, 30))
                .extract().path("id");

        // The same occurrence cannot be documented twice for a student, nor recorded as missed.
        post(world.slp(), "/api/v1/session-logs", body).statusCode(409).body("detail", containsString(id));
        post(world.slp(), "/api/v1/misses", Map.of("studentId", ava.id().toString(), "occurrenceId", occurrence.toString(),
                "reason", "STUDENT_ABSENT")).statusCode(409);

        try (SessionEventsProbe events = new SessionEventsProbe()) {
            world.complete(id, world.slp).statusCode(200);
            List<JsonNode> found = events.await(e -> e.path("data").path("sessionLogId").asText().equals(id), 2,
                    Duration.ofSeconds(20));
            assertEquals(2, found.size());
            for (JsonNode e : found) {
                assertEquals(occurrence.toString(), e.get("data").get("occurrenceId").asText());
                assertEquals("10:15:00", e.get("data").get("startTime").asText());
                assertEquals("CENTERS", e.get("data").get("pushIn").get("activitySubject").asText());
            }
        }
        // An occurrence that never arrived: retryable 422.
        post(world.slp(), "/api/v1/session-logs", Map.of("occurrenceId", UUID.randomUUID().toString())).statusCode(422)
                .header("Retry-After", notNullValue())
                .body("violations[0].field", is("occurrenceId"));
    }
}
