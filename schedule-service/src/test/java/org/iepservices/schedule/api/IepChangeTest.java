package org.iepservices.schedule.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.schedule.api.World.Kid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An IEP amended mid-year (iep.events, over the real broker): the series serving the superseded
 * mandate serve the continuing one from the effective date, are flagged when they no longer fit,
 * and downstream copies get SessionSeriesChanged; redelivery and out-of-order versions change nothing more.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class IepChangeTest {

    static final EventPublisher EVENTS = new EventPublisher();
    static final LocalDate START = LocalDate.of(2026, 9, 1);
    static final LocalDate AMENDED = LocalDate.of(2026, 12, 9); // a Wednesday

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    /** Speech 2 x {@code minutes} pull-out a week. */
    static IepActivated.Mandate speech(UUID id, UUID continues, int minutes, LocalDate from) {
        return new IepActivated.Mandate(id, continues, "SPEECH_LANGUAGE", "SLP", null, 2, minutes, "WEEK", 0, 2,
                "GROUP", 4, from, World.LAST_DAY, null, null, List.of());
    }

    @Test
    void anAmendmentMovesTheSeriesToTheContinuingMandateFromItsDateAndFlagsWhatNoLongerFits() {
        World world = new World(EVENTS);
        UUID student = world.student("Ana");
        UUID iep = UUID.randomUUID();
        UUID oldMandate = UUID.randomUUID();
        EVENTS.send(IepActivated.TYPE, student, new IepActivated(iep, student, null, START, World.LAST_DAY,
                List.of(speech(oldMandate, null, 30, START)), List.of()));
        Kid ana = new Kid(student, oldMandate);
        world.awaitMandates(ana);
        UUID provider = world.provider();
        String tuesdays = World.series(world.pullOut(provider, "TUESDAY", "10:00:00", 30, ana));
        String thursdays = World.series(world.pullOut(provider, "THURSDAY", "10:00:00", 30, ana));

        try (TopicProbe probe = new TopicProbe("schedule.events")) {
            // Amended: 2 x 25 min from Wednesday 2026-12-09.
            UUID amendment = UUID.randomUUID();
            UUID newMandate = UUID.randomUUID();
            EventEnvelope amended = EVENTS.send(IepAmended.TYPE, student, new IepAmended(amendment, student, iep,
                    AMENDED, World.LAST_DAY, List.of(speech(newMandate, oldMandate, 25, AMENDED)), List.of(),
                    "Progress: fewer minutes"));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    newMandate.toString().equals(As.admin().get("/api/v1/session-series/" + tuesdays)
                            .path("students[0].mandateId")));
            for (String series : List.of(tuesdays, thursdays)) {
                As.admin().get("/api/v1/session-series/" + series).then().statusCode(200)
                        .body("students[0].mandateId", is(newMandate.toString()))
                        .body("students[0].previousMandateId", is(oldMandate.toString()))
                        .body("students[0].mandateFrom", is(AMENDED.toString()))
                        .body("conflicts.find { it.kind == 'MANDATE_CHANGED' }.date", is(AMENDED.toString()))
                        .body("conflicts.find { it.kind == 'MANDATE_CHANGED' }.severity", is("HARD"));
            }
            As.admin().queryParam("providerId", provider.toString()).get("/api/v1/conflicts").then().statusCode(200)
                    .body("findAll { it.kind == 'MANDATE_CHANGED' }.seriesId", hasItem(tuesdays))
                    .body("findAll { it.kind == 'MANDATE_CHANGED' }.seriesId", hasItem(thursdays));

            // The week of the amendment: Tuesday still serves the old mandate, Thursday the new one.
            var week = As.admin().queryParam("date", "2026-12-07").queryParam("to", "2026-12-11")
                    .get("/api/v1/schools/" + world.school + "/schedule").then().statusCode(200);
            week.body("sessions.find { it.date == '2026-12-08' }.students[0].mandateId", is(oldMandate.toString()))
                    .body("sessions.find { it.date == '2026-12-10' }.students[0].mandateId", is(newMandate.toString()));

            // Downstream copies follow: SessionSeriesChanged with the continuing mandate, one per series.
            for (String series : List.of(tuesdays, thursdays)) {
                List<TopicProbe.Received> changed = probe.await(r -> "SessionSeriesChanged".equals(r.event().path("type")
                        .asText()) && series.equals(r.event().path("data").path("seriesId").asText())
                        && newMandate.toString().equals(r.event().path("data").path("mandateId").asText()),
                        1, Duration.ofSeconds(30));
                assertEquals(1, changed.size(), "SessionSeriesChanged for " + series);
                assertEquals(student.toString(), changed.get(0).key());
                // Each occurrence names the mandate it serves: the superseded one before the amendment.
                for (var o : changed.get(0).event().path("data").path("occurrences")) {
                    boolean before = LocalDate.parse(o.path("date").asText()).isBefore(AMENDED);
                    assertEquals((before ? oldMandate : newMandate).toString(), o.path("mandateId").asText(),
                            o.path("date").asText());
                }
            }

            // Redelivered (same event) and re-sent (a new event id, same content): nothing moves again.
            EVENTS.send(IepAmended.TYPE.topic(), amended);
            EVENTS.send(IepAmended.TYPE, student, new IepAmended(amendment, student, iep, AMENDED, World.LAST_DAY,
                    List.of(speech(newMandate, oldMandate, 25, AMENDED)), List.of(), "Progress: fewer minutes"));
            // A later event of the same student (same partition) shows the duplicates were consumed.
            UUID marker = UUID.randomUUID();
            EVENTS.send(IepActivated.TYPE, student, new IepActivated(UUID.randomUUID(), student, null, START,
                    World.LAST_DAY, List.of(speech(marker, null, 30, START)), List.of()));
            world.awaitMandates(new Kid(student, marker));
            assertEquals(1, probe.await(r -> "SessionSeriesChanged".equals(r.event().path("type").asText())
                    && tuesdays.equals(r.event().path("data").path("seriesId").asText()), 99, Duration.ofSeconds(3))
                    .size(), "no second SessionSeriesChanged after redelivery");

            // A person re-plans the series for 25 minutes: the flag is answered.
            var current = As.admin().get("/api/v1/session-series/" + tuesdays);
            var body = World.with(World.with(world.pullOut(provider, "TUESDAY", "10:00:00", 25,
                    new Kid(student, newMandate)), "changeFrom", AMENDED.toString()), "effectiveFrom",
                    World.WEEK.toString());
            As.admin().contentType("application/json").header("If-Match", current.header("ETag")).body(body)
                    .put("/api/v1/session-series/" + tuesdays).then().statusCode(200)
                    .body("conflicts.kind", not(hasItem("MANDATE_CHANGED")));
        }
    }

    @Test
    void aVersionThatArrivesBeforeItsPredecessorIsFollowedOnceThePredecessorArrives() {
        World world = new World(EVENTS);
        UUID student = world.student("Ben");
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        UUID v3 = UUID.randomUUID();
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID m3 = UUID.randomUUID();
        EVENTS.send(IepActivated.TYPE, student, new IepActivated(v1, student, null, START, World.LAST_DAY,
                List.of(speech(m1, null, 30, START)), List.of()));
        Kid ben = new Kid(student, m1);
        world.awaitMandates(ben);
        String series = World.series(world.pullOut(world.provider(), "TUESDAY", "10:00:00", 30, ben));

        LocalDate later = LocalDate.of(2027, 2, 1);
        EVENTS.send(IepAmended.TYPE, student, new IepAmended(v3, student, v2, later, World.LAST_DAY,
                List.of(speech(m3, m2, 30, later)), List.of(), "second amendment, sent first"));
        EVENTS.send(IepAmended.TYPE, student, new IepAmended(v2, student, v1, AMENDED, World.LAST_DAY,
                List.of(speech(m2, m1, 30, AMENDED)), List.of(), "first amendment"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                m3.toString().equals(As.admin().get("/api/v1/session-series/" + series).path("students[0].mandateId")));
        As.admin().get("/api/v1/session-series/" + series).then()
                .body("students[0].previousMandateId", is(m2.toString()))
                .body("students[0].mandateFrom", is(later.toString()))
                .body("conflicts.kind", not(hasItem("MANDATE_CHANGED"))); // same terms: still fits
    }
}
