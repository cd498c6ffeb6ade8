package org.iepservices.schedule.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.iepservices.events.IepActivated;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.schedule.api.World.Kid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every conflict kind through HTTP: a hard one refuses the series with 409 (problem+json listing
 * the conflicts) and writes nothing, the dry run reports it, an override with a reason lets it
 * through and is recorded, and GET /api/v1/conflicts keeps showing it. Soft ones are warnings.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class ConflictsTest {

    static final EventPublisher EVENTS = new EventPublisher();

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    /** Refused (409, nothing written), reported by the dry run, then accepted with an override and listed. */
    static String refusedThenOverridden(Map<String, Object> body, UUID provider, String kind) {
        int before = World.seriesCount(provider);
        World.post("/api/v1/session-series", body).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/conflict")).body("status", is(409))
                .body("conflicts.kind", hasItem(kind))
                .body("conflicts.find { it.kind == '" + kind + "' }.severity", is("HARD"))
                .body("conflicts.find { it.kind == '" + kind + "' }.message", not(nullValue()));
        assertEquals(before, World.seriesCount(provider), "a refused series writes nothing");
        World.post("/api/v1/session-series/check", body).then().statusCode(200)
                .body("refused", is(true)).body("conflicts.kind", hasItem(kind));
        assertEquals(before, World.seriesCount(provider), "the dry run writes nothing");

        Response accepted = World.post("/api/v1/session-series", World.overridden(body, "Parent asked for this slot"));
        accepted.then().statusCode(201)
                .body("conflicts.find { it.kind == '" + kind + "' }.overridden", is(true))
                .body("override.reason", is("Parent asked for this slot"))
                .body("override.conflicts", hasItem(kind));
        String id = accepted.path("id");
        As.admin().queryParam("providerId", provider.toString()).get("/api/v1/conflicts").then().statusCode(200)
                .body("findAll { it.seriesId == '" + id + "' }.kind", hasItem(kind))
                .body("find { it.seriesId == '" + id + "' && it.kind == '" + kind + "' }.overridden", is(true));
        return id;
    }

    /** Accepted at once (201) with the soft conflict as a warning. */
    static void warned(Map<String, Object> body, String kind) {
        World.post("/api/v1/session-series", body).then().statusCode(201)
                .body("conflicts.find { it.kind == '" + kind + "' }.severity", is("SOFT"))
                .body("conflicts.findAll { it.severity == 'HARD' }", hasSize(0))
                .body("override", nullValue());
    }

    @Test
    void providerDoubleBooked() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid ben = w.kid("Ben");
        UUID provider = w.provider();
        w.awaitMandates(ana, ben);
        World.series(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana));
        String second = refusedThenOverridden(w.pullOut(provider, "TUESDAY", "10:15:00", 30, ben), provider,
                "PROVIDER_DOUBLE_BOOKED");
        As.admin().queryParam("schoolId", w.school.toString()).get("/api/v1/conflicts").then()
                .header("X-Total-Count", is("2")) // each of the two series clashes with the other
                .body("kind", hasItem("PROVIDER_DOUBLE_BOOKED"))
                .body("find { it.seriesId == '" + second + "' }.date", is("2026-09-15"));
    }

    @Test
    void concurrentRequestsForTheSameSlotBookItOnce() throws Exception {
        World w = new World(EVENTS);
        List<Kid> kids = List.of(w.kid("Ana"), w.kid("Ben"), w.kid("Cal"), w.kid("Dee"));
        UUID provider = w.provider();
        w.awaitMandates(kids.toArray(Kid[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(kids.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Kid kid : kids) {
                Map<String, Object> body = w.pullOut(provider, "TUESDAY", "10:00:00", 30, kid);
                statuses.add(pool.submit(() -> {
                    start.await();
                    return World.post("/api/v1/session-series", body).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), "one booking wins: " + codes);
            assertEquals(kids.size() - 1, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, World.seriesCount(provider));
    }

    @Test
    void studentDoubleBookedWithAnotherProvider() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        UUID slp = w.provider();
        UUID other = w.provider();
        w.awaitMandates(ana);
        World.series(w.pullOut(other, "TUESDAY", "10:00:00", 30, ana));
        refusedThenOverridden(w.pullOut(slp, "TUESDAY", "10:00:00", 30, ana), slp, "STUDENT_DOUBLE_BOOKED");
    }

    @Test
    void outsideProviderAvailabilityAndOneThatAppearsLater() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        UUID provider = UUID.randomUUID();
        World.available(provider, w.school, "MONDAY", "08:00:00", "15:00:00");
        String tuesday = World.available(provider, w.school, "TUESDAY", "08:00:00", "12:00:00");
        w.awaitMandates(ana);
        refusedThenOverridden(w.pullOut(provider, "WEDNESDAY", "10:00:00", 30, ana), provider,
                "OUTSIDE_PROVIDER_AVAILABILITY");
        // A series that fitted, and the availability it relied on is removed: the conflict shows up.
        String fitted = World.series(w.pullOut(provider, "TUESDAY", "09:00:00", 30, ana));
        As.admin().delete("/api/v1/providers/" + provider + "/availability/" + tuesday).then().statusCode(204);
        As.admin().queryParam("providerId", provider.toString()).get("/api/v1/conflicts").then()
                .body("findAll { it.seriesId == '" + fitted + "' }.kind", hasItem("OUTSIDE_PROVIDER_AVAILABILITY"))
                .body("find { it.seriesId == '" + fitted + "' && it.kind == 'OUTSIDE_PROVIDER_AVAILABILITY' }"
                        + ".overridden", is(false));
        As.admin().get("/api/v1/session-series/" + fitted).then().body("conflicts.kind",
                hasItem("OUTSIDE_PROVIDER_AVAILABILITY"));
        As.admin().get("/api/v1/conflicts").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void insufficientTravelTimeBetweenSchools() {
        World lincoln = new World(EVENTS);
        World adams = new World(EVENTS);
        Kid ana = lincoln.kid("Ana");
        Kid ben = adams.kid("Ben");
        UUID provider = UUID.randomUUID();
        World.available(provider, adams.school, "TUESDAY", "08:00:00", "10:00:00");
        World.available(provider, lincoln.school, "TUESDAY", "10:00:00", "15:00:00");
        As.admin().contentType(ContentType.JSON).body(Map.of("providerId", provider.toString(), "fromSchoolId",
                lincoln.school.toString(), "toSchoolId", adams.school.toString(), "minutes", 25))
                .put("/api/v1/travel-times").then().statusCode(201);
        lincoln.awaitMandates(ana);
        adams.awaitMandates(ben);
        World.series(adams.pullOut(provider, "TUESDAY", "09:30:00", 30, ben));
        // Done at Adams at 10:00, 25 minutes on the road: 10:10 at Lincoln is too early, 10:30 is fine.
        refusedThenOverridden(lincoln.pullOut(provider, "TUESDAY", "10:10:00", 30, ana), provider,
                "INSUFFICIENT_TRAVEL_TIME");
        World.post("/api/v1/session-series/check", lincoln.pullOut(provider, "TUESDAY", "10:30:00", 30, ana)).then()
                .body("conflicts.kind", not(hasItem("INSUFFICIENT_TRAVEL_TIME")));
    }

    @Test
    void providerDailyMaxExceeded() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid ben = w.kid("Ben");
        UUID provider = w.provider();
        As.admin().contentType(ContentType.JSON).body(Map.of("maxSessionsPerDay", 1))
                .put("/api/v1/providers/" + provider + "/limits").then().statusCode(200);
        w.awaitMandates(ana, ben);
        World.series(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana));
        refusedThenOverridden(w.pullOut(provider, "TUESDAY", "13:00:00", 30, ben), provider,
                "PROVIDER_DAILY_MAX_EXCEEDED");
    }

    @Test
    void pullOutDuringCoreInstruction() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        UUID cls = w.schoolClass("Room 12", ana.id());
        w.block(cls, "TUESDAY", "10:00:00", "11:00:00", "MATH", true, "HIGH", "OPEN");
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana);
        String id = refusedThenOverridden(w.pullOut(provider, "TUESDAY", "10:30:00", 30, ana), provider,
                "PULL_OUT_DURING_CORE");
        As.admin().get("/api/v1/session-series/" + id).then()
                .body("conflicts.find { it.kind == 'PULL_OUT_DURING_CORE' }.subject", is("MATH"))
                .body("conflicts.find { it.kind == 'PULL_OUT_DURING_CORE' }.studentId", is(ana.id().toString()));
    }

    @Test
    void pullOutDuringASubjectTheMandateExcludes() {
        World w = new World(EVENTS);
        UUID anaId = w.student("Ana");
        Kid ana = new Kid(anaId, w.mandate(anaId, 1, 1, "GROUP", 4, new IepActivated.Constraint("NOT_DURING_SUBJECT",
                "SCIENCE", "Science is her strength")));
        UUID cls = w.schoolClass("Room 12", ana.id());
        w.block(cls, "TUESDAY", "13:00:00", "14:00:00", "SCIENCE", false, "HIGH", "OPEN");
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana);
        refusedThenOverridden(w.pullOut(provider, "TUESDAY", "13:30:00", 30, ana), provider,
                "PULL_OUT_DURING_EXCLUDED_SUBJECT");
    }

    @Test
    void nothingToPushIntoAtLunchAndOnlyAWarningInAnUnstructuredBlock() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        UUID cls = w.schoolClass("Room 12", ana.id());
        String lunch = w.block(cls, "TUESDAY", "11:30:00", "12:00:00", "LUNCH", false, "LOW", "OPEN");
        String centers = w.block(cls, "THURSDAY", "12:00:00", "13:00:00", "CENTERS", false, "LOW", "OPEN");
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana);
        refusedThenOverridden(w.pushIn(provider, cls, lunch, "TUESDAY", "11:30:00", 30, ana), provider,
                "NOTHING_TO_PUSH_INTO");
        warned(w.pushIn(provider, cls, centers, "THURSDAY", "12:00:00", 30, ana), "NOTHING_TO_PUSH_INTO");
    }

    @Test
    void aTeacherWhoSaidNeverOrPrefersNot() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        UUID cls = w.schoolClass("Room 12", ana.id());
        String never = w.block(cls, "TUESDAY", "09:00:00", "10:00:00", "MATH", true, "HIGH", "NEVER");
        String prefersNot = w.block(cls, "THURSDAY", "09:00:00", "10:00:00", "WRITING", true, "HIGH", "PREFERS_NOT");
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana);
        refusedThenOverridden(w.pushIn(provider, cls, never, "TUESDAY", "09:00:00", 30, ana), provider,
                "TEACHER_DECLINES_PUSH_IN");
        warned(w.pushIn(provider, cls, prefersNot, "THURSDAY", "09:00:00", 30, ana), "TEACHER_DECLINES_PUSH_IN");
    }

    @Test
    void pushInIntoAClassTheStudentIsNotIn() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid cal = w.kid("Cal");
        UUID cls = w.schoolClass("Room 12", ana.id());
        String reading = w.block(cls, "TUESDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH", "OPEN");
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana, cal);
        String id = refusedThenOverridden(w.pushIn(provider, cls, reading, "TUESDAY", "09:00:00", 30, ana, cal),
                provider, "STUDENT_NOT_IN_CLASS");
        As.admin().get("/api/v1/session-series/" + id).then()
                .body("conflicts.findAll { it.kind == 'STUDENT_NOT_IN_CLASS' }.studentId", hasSize(1))
                .body("conflicts.find { it.kind == 'STUDENT_NOT_IN_CLASS' }.studentId", is(cal.id().toString()));
    }

    @Test
    void groupBiggerThanTheMandateAllows() {
        World w = new World(EVENTS);
        UUID anaId = w.student("Ana");
        Kid ana = new Kid(anaId, w.mandate(anaId, 1, 1, "GROUP", 2));
        Kid ben = w.kid("Ben");
        Kid cal = w.kid("Cal");
        UUID provider = w.provider();
        w.awaitMandates(ana, ben, cal);
        refusedThenOverridden(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana, ben, cal), provider,
                "GROUP_TOO_LARGE");
    }

    @Test
    void aGroupForAnIndividualMandate() {
        World w = new World(EVENTS);
        UUID anaId = w.student("Ana");
        Kid ana = new Kid(anaId, w.mandate(anaId, 1, 1, "INDIVIDUAL", 1));
        Kid ben = w.kid("Ben");
        UUID provider = w.provider();
        w.awaitMandates(ana, ben);
        refusedThenOverridden(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana, ben), provider,
                "GROUP_FOR_INDIVIDUAL_MANDATE");
    }

    @Test
    void aSettingTheMandateDoesNotIncludeAndMoreSessionsThanMandated() {
        World w = new World(EVENTS);
        UUID anaId = w.student("Ana");
        Kid ana = new Kid(anaId, w.mandate(anaId, 0, 1, "INDIVIDUAL", 1)); // pull-out only, once a week
        UUID cls = w.schoolClass("Room 12", ana.id());
        String reading = w.block(cls, "TUESDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH", "OPEN");
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana);
        refusedThenOverridden(w.pushIn(provider, cls, reading, "TUESDAY", "09:00:00", 30, ana), provider,
                "SETTING_NOT_MANDATED");
        World.series(w.pullOut(provider, "WEDNESDAY", "13:00:00", 30, ana));
        warned(w.pullOut(provider, "THURSDAY", "13:00:00", 30, ana), "SETTING_OVER_MANDATE");
    }

    @Test
    void theDryRunChecksAnUpdateWithoutTheSeriesClashingWithItself() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        UUID provider = w.provider();
        w.awaitMandates(ana);
        Map<String, Object> body = w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana);
        String id = World.series(body);
        As.admin().contentType(ContentType.JSON).body(body).queryParam("seriesId", id)
                .post("/api/v1/session-series/check").then().statusCode(200)
                .body("refused", is(false)).body("conflicts", hasSize(0));
        // As a new series it would clash with the existing one.
        World.post("/api/v1/session-series/check", body).then()
                .body("refused", is(true)).body("hardConflicts", is(2))
                .body("conflicts.kind", hasItem("PROVIDER_DOUBLE_BOOKED"))
                .body("conflicts.kind", hasItem("STUDENT_DOUBLE_BOOKED"));
        // An update that creates a clash is refused like a create, and leaves the series as it was.
        String other = World.series(w.pullOut(provider, "THURSDAY", "10:00:00", 30, w.kidAwaited("Ben")));
        As.admin().contentType(ContentType.JSON).body(World.with(World.with(body, "dayOfWeek", "THURSDAY"),
                "changeFrom", World.WEEK.toString())).put("/api/v1/session-series/" + id).then().statusCode(409)
                .body("conflicts.otherSeriesId", hasItem(other));
        As.admin().get("/api/v1/session-series/" + id).then().body("dayOfWeek", is("TUESDAY"));
        assertEquals(List.of(), As.admin().queryParam("providerId", provider.toString()).get("/api/v1/conflicts")
                .then().extract().path(""));
    }
}
