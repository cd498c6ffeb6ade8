package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionSeriesScheduled.SubjectMinutes;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.testing.ConsumerGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.iepservices.reporting.testing.Caller.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-aggregated rollups (compliance_rollup, V34) against a from-scratch aggregation over the
 * projection, after a messy school year: a holiday, an amendment taking effect mid-week with
 * another provider, a miss made up later, an addendum, a late log revising a closed week, a
 * redelivered event, a student whose roster record never arrives and a student changing school.
 * Checked three ways: every row of the aggregate table equals a GROUP BY over compliance_period
 * (sums, and the set of students behind each bitmap); every provider, school and district rollup
 * over several ranges answers exactly what the same rollup computed from the periods answers;
 * and after a rebuild from the topics both still hold and the answers are unchanged.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class RollupAggregatesTest {

    private static final LocalDate SEPT_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate JUNE_18 = LocalDate.of(2027, 6, 18);
    private static final String NONE = "00000000-0000-0000-0000-000000000000";
    private static final String ALL = "ffffffff-ffff-ffff-ffff-ffffffffffff";

    private final ComplianceEvents events = new ComplianceEvents(LocalDate.of(2026, 8, 20));
    private final UUID district = UUID.randomUUID();
    private final UUID schoolA = UUID.randomUUID();
    private final UUID schoolB = UUID.randomUUID();
    private final UUID p1 = UUID.randomUUID();
    private final UUID p2 = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private void messyYear() throws Exception {
        events.send(events.school(schoolA, district, "Aspen"), events.school(schoolB, district, "Birch"),
                events.staff(p1, "Pat", "One"), events.staff(p2, "Quinn", "Two"),
                events.calendar(schoolA, SEPT_1, JUNE_18, Map.of(d(9, 18), "HOLIDAY")));

        // s1 at Aspen: 1 push-in + 1 pull-out x 30 a week; a miss made up later, an addendum, a
        // late log for a closed week, and one completion delivered twice.
        UUID s1 = UUID.randomUUID();
        UUID m1 = UUID.randomUUID();
        UUID tue8 = UUID.randomUUID();
        UUID thu10 = UUID.randomUUID();
        UUID log8 = UUID.randomUUID();
        UUID miss = UUID.randomUUID();
        events.on(d(8, 25));
        events.send(events.student(s1, schoolA, "Ada", "Aggregate"),
                events.iep(UUID.randomUUID(), s1, null, SEPT_1, ComplianceEvents.speech(m1, null, p1, 1, 1, 30,
                        SEPT_1, JUNE_18)));
        events.on(d(9, 2));
        List<org.iepservices.events.SessionSeriesScheduled.Occurrence> tuesdays = new ArrayList<>();
        tuesdays.add(ComplianceEvents.occurrence(tue8, d(9, 8), 30, new SubjectMinutes("MATH", 30)));
        tuesdays.addAll(ComplianceEvents.weekly(d(9, 15), d(10, 6), 30));
        List<org.iepservices.events.SessionSeriesScheduled.Occurrence> thursdays = new ArrayList<>();
        thursdays.add(ComplianceEvents.occurrence(thu10, d(9, 10), 30));
        thursdays.addAll(ComplianceEvents.weekly(d(9, 17), d(10, 8), 30));
        events.send(events.series(UUID.randomUUID(), s1, m1, p1, schoolA, ServiceSetting.PULL_OUT, tuesdays),
                events.series(UUID.randomUUID(), s1, m1, p1, schoolA, ServiceSetting.PUSH_IN, thursdays));
        events.on(d(9, 10));
        events.send(events.completed(log8, s1, m1, p1, ServiceSetting.PULL_OUT, d(9, 8), 30, tue8),
                events.missed(miss, s1, m1, p1, ServiceSetting.PUSH_IN, d(9, 10), 30, "PROVIDER_ABSENT", "OWED",
                        thu10));
        events.on(d(9, 15));
        EventEnvelope makeup = events.completed(UUID.randomUUID(), s1, m1, p1, ServiceSetting.PUSH_IN, d(9, 15), 30,
                null, new SessionCompleted.Repayment(miss, 30));
        events.send(makeup, makeup); // redelivered: counted once
        events.send(events.amended(log8, s1, m1, p1, ServiceSetting.PULL_OUT, d(9, 8), 30, 20));

        // s2 at Aspen: 2 pull-outs a week, amended from Wednesday 16 September to 1 + 1 with p2.
        UUID s2 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID m3 = UUID.randomUUID();
        UUID iep2 = UUID.randomUUID();
        events.on(d(8, 26));
        events.send(events.student(s2, schoolA, "Ben", "Aggregate"),
                events.iep(iep2, s2, null, SEPT_1, ComplianceEvents.speech(m2, null, p1, 0, 2, 30, SEPT_1, JUNE_18)));
        events.on(d(9, 15));
        events.send(events.completed(UUID.randomUUID(), s2, m2, p1, ServiceSetting.PULL_OUT, d(9, 14), 30, null),
                events.completed(UUID.randomUUID(), s2, m2, p1, ServiceSetting.PULL_OUT, d(9, 15), 30, null));
        events.on(d(9, 16));
        events.send(events.amendment(UUID.randomUUID(), s2, iep2, d(9, 16),
                ComplianceEvents.speech(m3, m2, p2, 1, 1, 30, d(9, 16), JUNE_18)));

        // s3 at Birch with p2, and a push-in with p1 never scheduled (two periods at risk in the
        // open week, one student): a miss in the open week; s4's roster record never arrives.
        UUID s3 = UUID.randomUUID();
        UUID m4 = UUID.randomUUID();
        UUID s4 = UUID.randomUUID();
        UUID m5 = UUID.randomUUID();
        events.on(d(8, 27));
        events.send(events.student(s3, schoolB, "Cy", "Aggregate"),
                events.iep(UUID.randomUUID(), s3, null, SEPT_1, ComplianceEvents.speechPer("WEEK", m4, p2,
                        ServiceSetting.PULL_OUT, 1, 30, SEPT_1, JUNE_18), ComplianceEvents.speechPer("WEEK",
                        UUID.randomUUID(), p1, ServiceSetting.PUSH_IN, 1, 20, SEPT_1, JUNE_18)),
                events.iep(UUID.randomUUID(), s4, null, SEPT_1, ComplianceEvents.speechPer("WEEK", m5, p2,
                        ServiceSetting.PUSH_IN, 1, 30, SEPT_1, JUNE_18)));
        events.on(d(9, 21));
        events.send(events.completed(UUID.randomUUID(), s3, m4, p2, ServiceSetting.PULL_OUT, d(9, 14), 30, null),
                events.missed(UUID.randomUUID(), s3, m4, p2, ServiceSetting.PULL_OUT, d(9, 21), 30, "PROVIDER_ABSENT",
                        "OWED", null),
                events.completed(UUID.randomUUID(), s4, m5, p2, ServiceSetting.PUSH_IN, d(9, 9), 30, null));

        // Late: a push-in log for the closed week of 7 September, and s3 moves to Aspen.
        events.on(d(9, 23));
        events.send(events.completed(UUID.randomUUID(), s1, m1, p1, ServiceSetting.PUSH_IN, d(9, 11), 30, null),
                events.student(s3, schoolA, "Cy", "Aggregate"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-01").queryParam("to", "2026-10-31")
                .get("/api/v1/compliance/schools/" + schoolA)
                .then().statusCode(200)
                .body("students.total", is(3))
                .body("minutes.madeUp", is(30))
                .body("periodsByStatus.OUT_OF_COMPLIANCE", greaterThan(0)));
        ConsumerGroups.awaitCaughtUp();
    }

    /** Every rollup of this district's schools and providers over a few ranges, as JSON text. */
    private Map<String, String> answers() {
        Map<String, String> result = new LinkedHashMap<>();
        List<String> scopes = List.of("districts/" + district, "schools/" + schoolA, "schools/" + schoolB,
                "providers/" + p1, "providers/" + p2);
        List<String> ranges = List.of("", "?from=2026-09-01&to=2026-10-31", "?from=2026-09-14&to=2026-09-20",
                "?from=2026-09-07&to=2026-09-27&status=ON_TRACK,OVER_DELIVERED,NOT_STARTED&limit=2",
                "?from=2026-08-01&to=2027-06-30");
        for (String scope : scopes) {
            for (String range : ranges) {
                String path = "/api/v1/compliance/" + scope + range;
                result.put(path, given().get(path).then().statusCode(200).extract().asString());
            }
        }
        return result;
    }

    /** The same rollups computed from compliance_period at request time (the path before V34). */
    private Map<String, String> answersFromPeriods() {
        System.setProperty("reporting.rollup.from-periods", "true");
        try {
            return answers();
        } finally {
            System.clearProperty("reporting.rollup.from-periods");
        }
    }

    /**
     * The aggregate table, and the same aggregation computed from scratch over compliance_period,
     * each as sorted text lines (the bitmaps decoded into the students they stand for).
     */
    private static List<List<String>> tableAndFromScratch() throws Exception {
        String sums = "periods, mandated, scheduled, delivered, made_up, missed_owed, missed_not_owed, "
                + "missed_in_review, owed_balance, shortfall, forecast_short, over_delivered";
        String aggregated = "select concat_ws('|', r.provider_id, r.school_id, r.period_start, r.period_end, r.status, "
                + sums.replace(", ", ", r.").replaceFirst("^", "r.") + ", (select string_agg(o.student_id::text, ',' "
                + "order by o.student_id::text) from rollup_student_ordinal o where o.school_id = r.school_id "
                + "and get_bit(rollup_pad(r.students, o.ordinal + 1), o.ordinal) = 1)) from compliance_rollup r";
        String scratch = """
                select concat_ws('|', p.provider_id, coalesce(s.school_id, '%s'::uuid), c.period_start, c.period_end,
                       c.status, count(*), sum(c.mandated_pi + c.mandated_po), sum(c.scheduled_pi + c.scheduled_po),
                       sum(c.delivered_pi + c.delivered_po), sum(c.made_up_pi + c.made_up_po), sum(c.missed_owed),
                       sum(c.missed_not_owed), sum(c.missed_in_review), sum(c.owed_balance),
                       sum(c.shortfall_pi + c.shortfall_po), sum(c.forecast_short_pi + c.forecast_short_po),
                       sum(c.over_pi + c.over_po), string_agg(distinct c.student_id::text, ','))
                from compliance_period c left join student s on s.student_id = c.student_id
                cross join lateral (values (coalesce(c.provider_id, '%s'::uuid)), ('%s'::uuid)) p(provider_id)
                group by p.provider_id, coalesce(s.school_id, '%s'::uuid), c.period_start, c.period_end, c.status
                """.formatted(NONE, NONE, ALL, NONE);
        LocalInfrastructure infra = LocalInfrastructure.shared();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("reporting"), infra.username(),
                infra.password()); Statement st = c.createStatement()) {
            List<List<String>> result = new ArrayList<>();
            for (String query : List.of(aggregated, scratch)) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(query)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                lines.sort(String::compareTo);
                result.add(lines);
            }
            return result;
        }
    }

    private void assertAggregatesMatchThePeriods() throws Exception {
        List<List<String>> both = tableAndFromScratch();
        assertFalse(both.get(1).isEmpty());
        assertEquals(both.get(1), both.get(0), "compliance_rollup vs a GROUP BY over compliance_period");
        assertEquals(answersFromPeriods(), answers());
    }

    private void rebuildCompliance() {
        String location = given().queryParam("projections", "compliance").post("/api/v1/admin/rebuild")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get(location).then().statusCode(200).body("status", is("DONE")));
        ConsumerGroups.awaitCaughtUp();
    }

    @Test
    void preAggregatedRollupsEqualAnAggregationOverThePeriodsAndSurviveARebuild() throws Exception {
        messyYear();
        Map<String, String> before = answers();
        String district = before.get("/api/v1/compliance/districts/" + this.district + "?from=2026-09-01&to=2026-10-31");
        assertTrue(district.contains("\"students\":{\"total\":3,"), district); // s4 has no school: not in the district
        String provider2 = before.get("/api/v1/compliance/providers/" + p2 + "?from=2026-09-01&to=2026-10-31");
        assertTrue(provider2.contains("{\"id\":null,\"name\":null,\"students\":1"), provider2); // s4, school unknown
        // The open week at Aspen: four periods at risk (s3 has two), three students.
        given().get("/api/v1/compliance/districts/" + this.district).then().statusCode(200)
                .body("students.atRisk", is(3))
                .body("breakdown.find { it.name == 'Aspen' }.periodsByStatus.AT_RISK", is(4));
        assertAggregatesMatchThePeriods();

        rebuildCompliance();
        assertEquals(before, answers());
        assertAggregatesMatchThePeriods();
    }
}
