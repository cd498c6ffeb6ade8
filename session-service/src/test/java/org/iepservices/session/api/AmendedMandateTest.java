package org.iepservices.session.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.iepservices.session.api.TestWorld.IEP_END;
import static org.iepservices.session.api.TestWorld.post;

/**
 * Issue 13, "an IEP amendment stops providers from documenting": the series keeps the superseded
 * mandate, and a log for one of its occurrences after the amendment credits the mandate that
 * continues it (over two amendments), while an occurrence before the amendment keeps the old one.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class AmendedMandateTest {

    private TestWorld world;
    private TestWorld.Student student;
    private final UUID before = UUID.randomUUID();
    private final UUID after = UUID.randomUUID();
    private final UUID later = UUID.randomUUID();

    @BeforeEach
    void district() throws Exception {
        world = TestWorld.create();
        student = world.student();
        world.awaitKnown(student);
        // Weekly Tuesday pull-out scheduled for the original mandate, before anybody amended anything.
        world.events.send(SessionSeriesScheduled.TYPE, student.id(), new SessionSeriesScheduled(UUID.randomUUID(),
                student.id(), student.speech(), world.slp.id(), "SPEECH_LANGUAGE", ServiceSetting.PULL_OUT,
                world.school, null, List.of(), null, null, "Room 12", DayOfWeek.TUESDAY, LocalTime.of(10, 0), 30,
                LocalDate.of(2026, 10, 6), LocalDate.of(2026, 11, 17), 1, List.of(
                occurrence(before, "2026-10-06"), occurrence(after, "2026-10-20"), occurrence(later, "2026-11-17"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                world.slp().get("/api/v1/occurrences/" + later).then().statusCode(200));
    }

    @AfterEach
    void close() {
        world.close();
    }

    private static SessionSeriesScheduled.Occurrence occurrence(UUID id, String date) {
        return new SessionSeriesScheduled.Occurrence(id, LocalDate.parse(date), LocalTime.of(10, 0), 30, List.of());
    }

    private UUID amend(UUID amends, UUID continues, String from, int minutes) throws Exception {
        UUID iep = UUID.randomUUID();
        UUID mandate = UUID.randomUUID();
        LocalDate effective = LocalDate.parse(from);
        world.events.send(IepAmended.TYPE, student.id(), new IepAmended(iep, student.id(), amends, effective, IEP_END,
                List.of(new IepActivated.Mandate(mandate, continues, "SPEECH_LANGUAGE", null, world.slp.id(), 2,
                        minutes, "WEEK", 1, 1, "GROUP", 3, effective, IEP_END, null, null, List.of())),
                List.of(), "minutes " + minutes));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> world.slp()
                .queryParam("on", from).get("/api/v1/students/" + student.id() + "/mandates").then()
                .body("find { it.mandateId == '" + mandate + "' }.inForce", is(true)));
        return mandate;
    }

    @Test
    void aLogForAnOccurrenceAfterTheAmendmentCreditsTheContinuingMandate() throws Exception {
        UUID amended = amend(student.iepId(), student.speech(), "2026-10-15", 25);

        post(world.slp(), "/api/v1/session-logs", Map.of("occurrenceId", after.toString())).statusCode(201)
                .body("students[0].mandateId", is(amended.toString()))
                .body("sessionDate", is("2026-10-20"));
        // Before the amendment the original mandate was in force and is credited.
        post(world.slp(), "/api/v1/session-logs", Map.of("occurrenceId", before.toString())).statusCode(201)
                .body("students[0].mandateId", is(student.speech().toString()));
        // A client that names the scheduled (superseded) mandate is not refused either.
        post(world.slp(), "/api/v1/misses", Map.of("studentId", student.id().toString(),
                "occurrenceId", later.toString(), "reason", "PROVIDER_ABSENT")).statusCode(201)
                .body("mandateId", is(amended.toString()));
    }

    @Test
    void theChainIsFollowedAcrossTwoAmendments() throws Exception {
        UUID first = amend(student.iepId(), student.speech(), "2026-10-15", 25);
        UUID secondIep = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        LocalDate effective = LocalDate.of(2026, 11, 2);
        UUID firstIep = UUID.fromString(world.slp().get("/api/v1/students/" + student.id() + "/mandates").then()
                .extract().path("find { it.mandateId == '" + first + "' }.iepId"));
        world.events.send(IepAmended.TYPE, student.id(), new IepAmended(secondIep, student.id(), firstIep, effective,
                IEP_END, List.of(new IepActivated.Mandate(second, first, "SPEECH_LANGUAGE", null, world.slp.id(), 2,
                20, "WEEK", 1, 1, "GROUP", 3, effective, IEP_END, null, null, List.of())), List.of(), "minutes 20"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> world.slp()
                .queryParam("on", "2026-11-17").get("/api/v1/students/" + student.id() + "/mandates").then()
                .body("find { it.mandateId == '" + second + "' }.inForce", is(true)));

        post(world.slp(), "/api/v1/session-logs", Map.of("occurrenceId", later.toString())).statusCode(201)
                .body("students[0].mandateId", is(second.toString()));
        post(world.slp(), "/api/v1/session-logs", Map.of("occurrenceId", after.toString())).statusCode(201)
                .body("students[0].mandateId", is(first.toString()));
    }
}
