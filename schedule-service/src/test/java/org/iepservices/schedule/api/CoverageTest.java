package org.iepservices.schedule.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.schedule.api.World.Kid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Scheduled against mandated minutes, with the worked example (speech 2 x 30 a week: 1 pull-out + 1 push-in). */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "schedule"))
class CoverageTest {

    static final EventPublisher EVENTS = new EventPublisher();

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    static ValidatableResponse coverage(Kid kid, String from, String to) {
        return As.admin().queryParam("from", from).queryParam("to", to)
                .get("/api/v1/students/" + kid.id() + "/coverage").then().statusCode(200);
    }

    @Test
    void theWorkedExampleWeekShowsThePushInHoleUntilItIsScheduled() {
        World w = new World(EVENTS);
        UUID anaId = w.student("Ana");
        Kid ana = new Kid(anaId, w.mandate(anaId, 1, 1, "INDIVIDUAL", 1));
        UUID cls = w.schoolClass("Room 12", ana.id());
        String reading = w.block(cls, "THURSDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH", "WELCOMES");
        UUID provider = w.provider();
        w.awaitClass(cls, 1);
        w.awaitMandates(ana);

        World.series(w.pullOut(provider, "TUESDAY", "10:00:00", 30, ana));
        coverage(ana, "2026-09-14", "2026-09-20")
                .body("gap.pushIn", is(30)).body("gap.pullOut", is(0))
                .body("mandates[0].mandateId", is(ana.mandate().toString()))
                .body("mandates[0].periods", hasSize(1))
                .body("mandates[0].periods[0].periodStart", is("2026-09-14"))
                .body("mandates[0].periods[0].mandated.pushIn", is(30))
                .body("mandates[0].periods[0].mandated.pullOut", is(30))
                .body("mandates[0].periods[0].scheduled.pullOut", is(30))
                .body("mandates[0].periods[0].scheduled.pushIn", is(0))
                .body("mandates[0].periods[0].status", is("GAP"));

        World.series(w.pushIn(provider, cls, reading, "THURSDAY", "09:00:00", 30, ana));
        coverage(ana, "2026-09-14", "2026-09-20")
                .body("gap.pushIn", is(0)).body("mandates[0].periods[0].status", is("COVERED"));

        // A closure on the Tuesday of the next week opens a pull-out hole in that week only.
        World.post("/api/v1/schools/" + w.school + "/closures", Map.of("date", "2026-09-22", "reason", "Snow"))
                .then().statusCode(201);
        coverage(ana, "2026-09-14", "2026-09-27")
                .body("mandates[0].periods.status", contains("COVERED", "GAP"))
                .body("mandates[0].periods[1].gap.pullOut", is(30))
                .body("mandates[0].periodsWithGap", is(1))
                .body("mandates[0].mandated.pullOut", is(60))
                .body("mandates[0].scheduled.pullOut", is(30));

        As.admin().queryParam("from", "2026-09-14").queryParam("to", "2026-09-27")
                .get("/api/v1/providers/" + provider + "/coverage").then().statusCode(200)
                .body("students", is(1)).body("studentsWithGaps", is(1)).body("gap.pullOut", is(30))
                .body("caseload[0].studentId", is(ana.id().toString()))
                .body("caseload[0].name", is("Ana Test"));

        As.admin().queryParam("from", "2026-09-20").queryParam("to", "2026-09-14")
                .get("/api/v1/students/" + ana.id() + "/coverage").then().statusCode(400)
                .body("violations[0].field", is("to"));
        As.admin().queryParam("from", "2026-09-14").get("/api/v1/students/" + ana.id() + "/coverage").then()
                .statusCode(400).body("violations[0].field", is("to"));
    }

    @Test
    void theCaseloadSnapshotHoldsWhatASchedulerNeeds() {
        World w = new World(EVENTS);
        Kid ana = w.kid("Ana");
        Kid ben = w.kid("Ben");
        UUID cls = w.schoolClass("Room 12", ana.id(), ben.id());
        String reading = w.block(cls, "TUESDAY", "09:00:00", "10:00:00", "ELA_READING", true, "HIGH", "OPEN");
        w.block(cls, "TUESDAY", "11:30:00", "12:00:00", "LUNCH", false, "LOW", "OPEN");
        UUID provider = w.provider();
        w.awaitClass(cls, 2);
        w.awaitMandates(ana, ben);
        World.series(w.pushIn(provider, cls, reading, "TUESDAY", "09:15:00", 30, ana, ben));

        As.admin().queryParam("from", "2026-09-14").queryParam("to", "2026-12-18")
                .get("/api/v1/providers/" + provider + "/caseload").then().statusCode(200)
                .body("provider.availability", hasSize(5))
                .body("provider.travel.fallbackMinutes", is(15))
                // pairs as a list (district defaults other tests entered show up here too), no raw map
                .body("provider.travel", hasKey("pairs"))
                .body("provider.travel", not(hasKey("minutes")))
                .body("students", hasSize(2))
                .body("students.find { it.studentId == '" + ana.id() + "' }.mandates[0].mandateId",
                        is(ana.mandate().toString()))
                .body("students.find { it.studentId == '" + ana.id() + "' }.classes[0].blocks.subject",
                        contains("ELA_READING", "LUNCH"))
                .body("students.find { it.studentId == '" + ana.id() + "' }.classes[0].teacherIds",
                        contains(w.teacherOf.get(cls).toString()))
                .body("series", hasSize(1))
                .body("series[0].students." + ben.id(), is(ben.mandate().toString()))
                .body("schools[0].dayStart", is("08:00:00"))
                .body("policy.pullOutDuringCore", is("HARD"));
    }
}
