package org.iepservices.e2e;

import org.iepservices.client.reporting.model.ComplianceResponse;
import org.iepservices.client.schedule.api.ProvidersApi;
import org.iepservices.client.session.api.SessionLogsApi;
import org.iepservices.client.student.api.IepsApi;
import org.iepservices.localinfra.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.iepservices.e2e.Clients.schedule;
import static org.iepservices.e2e.Clients.session;
import static org.iepservices.e2e.Clients.status;
import static org.iepservices.e2e.Clients.student;
import static org.iepservices.e2e.Clients.undescribed;

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
    void everyServiceShowsTheDemoThroughItsApi() throws Exception {
        UUID student = demo.students().get(0);
        UUID slp = demo.staff().get("slp-whitfield");
        // listStudentIeps documents no response body: read as sent (see Clients#undescribed).
        Clients.Raw ieps = undescribed(() -> student(IepsApi::new).listStudentIepsWithHttpInfo(student, null, null, null));
        assertThat(ieps.status(), is(200));
        List<String> statuses = new ArrayList<>();
        ieps.json().forEach(iep -> statuses.add(iep.path("status").asText()));
        assertThat(statuses, hasItem("ACTIVE"));
        assertThat(status(schedule(ProvidersApi::new).getProviderScheduleWithHttpInfo(slp,
                LocalDate.now().minusWeeks(1)), 200).getSessions(), not(empty()));
        var logs = session(SessionLogsApi::new).listSessionLogsWithHttpInfo(null, null, null, slp, null, null, null);
        assertThat(logs.getStatusCode(), is(200));
        assertThat(Integer.parseInt(logs.getHeaders().get("X-Total-Count").get(0)), greaterThan(0));
        ComplianceResponse compliance = TestDistrict.compliance(student, LocalDate.now().minusWeeks(3).toString(),
                LocalDate.now().toString());
        assertThat(compliance.getMandates().size(), greaterThanOrEqualTo(1));
        assertThat(compliance.getMandates().get(0).getPeriods().size(), greaterThanOrEqualTo(1));
    }
}
