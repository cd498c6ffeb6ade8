package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class MakeupTest {

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

    private String miss(String reason, String date) {
        Map<String, Object> body = MissResourceTest.miss(world, student, reason, reason.equals("OTHER") ? "x" : null);
        body.put("sessionDate", date);
        return post(world.slp(), "/api/v1/misses", body).statusCode(201).extract().path("id");
    }

    private ValidatableResponse makeup(TestWorld.Student who, UUID mandate, String date, int minutes,
                                       List<String> misses) {
        Map<String, Object> line = line(who.id(), mandate, "PRESENT", minutes);
        line.put("makeupFor", misses);
        return post(world.slp(), "/api/v1/session-logs", log(world.slp, date, "09:00:00", "09:40:00", "PUSH_IN", "SMALL_GROUP",
                line));
    }

    private ValidatableResponse ledger() {
        return world.slp().get("/api/v1/students/" + student.id() + "/makeup-ledger").then().statusCode(200);
    }

    @Test
    void aMakeupRepaysTheOwedMissAndThePublishedEventSaysHowMuch() throws Exception {
        String owed = miss("PROVIDER_ABSENT", "2026-09-17");
        String logId = makeup(student, student.speech(), "2026-09-22", 40, List.of(owed)).statusCode(201)
                .body("students[0].makeupFor[0].missId", is(owed))
                .body("students[0].makeupFor[0].minutes", is(0)) // a draft repays nothing yet
                .extract().path("id");
        ledger().body("mandates[0].outstandingMinutes", is(30));

        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            world.complete(logId, world.slp).statusCode(200);
            List<JsonNode> events = probe.await(e -> e.path("data").path("sessionLogId").asText().equals(logId), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, events.size());
            JsonNode data = events.get(0).get("data");
            assertEquals(40, data.get("minutes").asInt());
            assertEquals(owed, data.get("makeupFor").get(0).get("missId").asText());
            assertEquals(30, data.get("makeupFor").get(0).get("minutes").asInt());
        }

        ledger().body("mandates[0].mandateId", is(student.speech().toString()))
                .body("mandates[0].serviceType", is("SPEECH_LANGUAGE"))
                .body("mandates[0].owedMinutes", is(30))
                .body("mandates[0].repaidMinutes", is(30))
                .body("mandates[0].outstandingMinutes", is(0))
                .body("mandates[0].misses[0].repaidBy", contains(logId));
        world.slp().get("/api/v1/session-logs/" + logId).then().body("students[0].makeupFor[0].minutes", is(30));

        // Fully repaid: a second makeup for the same miss is refused and nothing is written.
        makeup(student, student.speech(), "2026-09-23", 30, List.of(owed)).statusCode(422)
                .body("violations[0].field", is("students[0].makeupFor[0]"))
                .body("violations[0].message", containsString("already fully made up"));
        assertEquals(1, world.logsOf(world.slp));
    }

    @Test
    void aMissCanBeRepaidInPartsByTwoMakeups() throws Exception {
        String owed = miss("SCHEDULING_ERROR", "2026-09-17");
        String first = makeup(student, student.speech(), "2026-09-22", 20, List.of(owed)).statusCode(201)
                .extract().path("id");
        try (SessionEventsProbe probe = new SessionEventsProbe()) {
            world.complete(first, world.slp).statusCode(200);
            ledger().body("mandates[0].repaidMinutes", is(20))
                    .body("mandates[0].outstandingMinutes", is(10))
                    .body("mandates[0].misses[0].outstandingMinutes", is(10));
            String second = makeup(student, student.speech(), "2026-09-24", 15, List.of(owed)).statusCode(201)
                    .extract().path("id");
            world.complete(second, world.slp).statusCode(200);
            List<JsonNode> events = probe.await(e -> e.path("type").asText().equals("SessionCompleted")
                    && e.path("data").path("studentId").asText().equals(student.id().toString()), 2,
                    Duration.ofSeconds(20));
            assertEquals(2, events.size());
            JsonNode secondEvent = events.stream()
                    .filter(e -> e.get("data").get("sessionLogId").asText().equals(second)).findFirst().orElseThrow();
            assertEquals(15, secondEvent.get("data").get("minutes").asInt(), "all 15 minutes delivered");
            assertEquals(10, secondEvent.get("data").get("makeupFor").get(0).get("minutes").asInt(),
                    "only the 10 still owed repay the miss");
            ledger().body("mandates[0].repaidMinutes", is(30))
                    .body("mandates[0].outstandingMinutes", is(0))
                    .body("mandates[0].misses[0].repaidBy", containsInAnyOrder(first, second));
        }
    }

    @Test
    void aMissInReviewIsMadeUpOnlyOnceTheIepTeamFoundItOwed() {
        String review = miss("OTHER", "2026-09-17");
        makeup(student, student.speech(), "2026-09-22", 30, List.of(review)).statusCode(422)
                .body("violations[0].message", containsString("REVIEW"));
        ledger().body("mandates[0].inReviewMinutes", is(30)).body("mandates[0].outstandingMinutes", is(0));
        post(world.admin(), "/api/v1/misses/" + review + "/resolution", Map.of("owed", "OWED", "decidedBy", "IEP team"))
                .statusCode(200);
        ledger().body("mandates[0].inReviewMinutes", is(0)).body("mandates[0].outstandingMinutes", is(30));
        makeup(student, student.speech(), "2026-09-22", 30, List.of(review)).statusCode(201);
    }

    @Test
    void onlyOwedMissesOfTheSameStudentAndMandateCanBeMadeUp() throws Exception {
        String notOwed = miss("STUDENT_ABSENT", "2026-09-16");
        makeup(student, student.speech(), "2026-09-22", 30, List.of(notOwed)).statusCode(422)
                .body("violations[0].message", containsString("not owed"));
        String owed = miss("SCHEDULING_ERROR", "2026-09-18");
        TestWorld.Student other = world.student();
        world.awaitKnown(other);
        makeup(other, other.speech(), "2026-09-22", 30, List.of(owed)).statusCode(422)
                .body("violations[0].message", containsString("another student"));
        makeup(student, student.speech(), "2026-09-22", 30, List.of(UUID.randomUUID().toString())).statusCode(422)
                .body("violations[0].message", containsString("no missed session"));
        ledger().body("mandates[0].notOwedMinutes", is(30))
                .body("mandates[0].outstandingMinutes", is(30));
        assertEquals(0, world.logsOf(world.slp));
    }

    @Test
    void aMandateContinuedByAnAmendmentRepaysTheMissesOfTheOneItContinues() throws Exception {
        String owed = miss("PROVIDER_ABSENT", "2026-10-01");
        UUID continued = UUID.randomUUID();
        LocalDate from = LocalDate.of(2026, 10, 15);
        world.events.send(IepAmended.TYPE, student.id(), new IepAmended(UUID.randomUUID(), student.id(),
                student.iepId(), from, IEP_END, List.of(new IepActivated.Mandate(continued, student.speech(),
                "SPEECH_LANGUAGE", null, world.slp.id(), 3, 30, "WEEK", 1, 2, "GROUP", 3, from, IEP_END, null,
                null, List.of())), List.of(), "third session added"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> world.slp()
                .get("/api/v1/students/" + student.id() + "/mandates").then()
                .body("mandateId", hasItem(continued.toString())));
        // The old mandate is no longer in force after the amendment; the continued one repays its miss.
        makeup(student, student.speech(), "2026-10-20", 30, List.of(owed)).statusCode(422)
                .body("violations[0].message", containsString("not in force on 2026-10-20"));
        makeup(student, continued, "2026-10-20", 30, List.of(owed)).statusCode(201)
                .body("students[0].makeupFor[0].missId", is(owed));
    }
}
