package org.iepservices.e2e;

import org.iepservices.localinfra.DemoData;
import org.iepservices.localinfra.ServiceLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.iepservices.e2e.TestDistrict.at;

/**
 * The demo district that {@code ./run-local} loads, loaded into the e2e system through the same
 * code: if this passes, a newcomer's first command shows a working district (roster from a
 * OneRoster zip, IEPs, scheduler-planned series, weeks of documentation, misses and makeups).
 */
class DemoDataIT {

    private static DemoData.Loaded demo;

    @BeforeAll
    static void load() {
        demo = new DemoData(RunningSystem.get()).load();
    }

    @Test
    void theDemoTellsItsWholeStory() {
        DemoData.Summary s = demo.summary();
        assertEquals(2, s.schools());
        assertEquals(40, s.students());
        assertTrue(s.series() > 0, "the scheduler planned and accepted series: " + s);
        assertTrue(s.sessionLogs() > 0, "weeks of sessions were documented: " + s);
        assertTrue(s.misses() > 0, "some sessions were missed: " + s);
        assertEquals(40, demo.students().size());
    }

    @Test
    void everyServiceShowsTheDemoThroughItsApi() {
        UUID student = demo.students().get(0);
        UUID slp = demo.staff().get("slp-whitfield");
        at(ServiceLayout.STUDENT).get("/api/v1/students/" + student + "/ieps").then().statusCode(200)
                .body("status", hasItem("ACTIVE"));
        at(ServiceLayout.SCHEDULE).queryParam("weekOf", LocalDate.now().minusWeeks(1).toString())
                .get("/api/v1/providers/" + slp + "/schedule").then().statusCode(200)
                .body("sessions", not(empty()));
        at(ServiceLayout.SESSION).queryParam("providerId", slp).get("/api/v1/session-logs").then().statusCode(200)
                .header("X-Total-Count", Integer::parseInt, greaterThan(0));
        at(ServiceLayout.REPORTING).queryParam("from", LocalDate.now().minusWeeks(3).toString())
                .queryParam("to", LocalDate.now().toString())
                .get("/api/v1/compliance/students/" + student).then().statusCode(200)
                .body("mandates.size()", greaterThanOrEqualTo(1))
                .body("mandates[0].periods.size()", greaterThanOrEqualTo(1));
    }
}
