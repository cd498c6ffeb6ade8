package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionSeriesScheduled.SubjectMinutes;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Build the projection live, rebuild it from the topics, compare: every compliance answer of the
 * students here and every row of the projection tables (every test class's events are on the
 * topics, so the whole read model is compared).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class RebuildTest {

    private static final LocalDate SEPT_1 = LocalDate.of(2026, 9, 1);
    private static final List<String> TABLES = List.of("compliance_period", "mandate", "delivered_session",
            "makeup_repayment", "missed_session", "miss_resolution", "effective_occurrence",
            "effective_occurrence_core", "student", "school", "staff", "school_closure", "session_series",
            "series_occurrence", "occurrence_cancellation", "occurrence_move", "iep_version", "bell_schedule");

    private final ComplianceEvents events = new ComplianceEvents(LocalDate.of(2026, 8, 20));
    private final UUID district = UUID.randomUUID();
    private final UUID school = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    private List<UUID> buildLive() throws Exception {
        events.send(events.school(school, district, "Rebuild School"), events.bellSchedule(school, 330),
                events.staff(provider, "Rae", "Builder"));
        List<UUID> students = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID student = UUID.randomUUID();
            UUID mandate = UUID.randomUUID();
            UUID miss = UUID.randomUUID();
            UUID tuesday = UUID.randomUUID();
            students.add(student);
            events.on(LocalDate.of(2026, 8, 25));
            events.send(events.student(student, school, "Student" + i, "Rebuild"),
                    events.iep(UUID.randomUUID(), student, null, SEPT_1, ComplianceEvents.speech(mandate, null,
                            provider, 1, 1, 30, SEPT_1, LocalDate.of(2027, 6, 18))));
            events.on(LocalDate.of(2026, 9, 2));
            events.send(events.series(UUID.randomUUID(), student, mandate, provider, school, ServiceSetting.PULL_OUT,
                            List.of(ComplianceEvents.occurrence(tuesday, LocalDate.of(2026, 9, 15), 30,
                                            new SubjectMinutes("MATH", 30)),
                                    ComplianceEvents.occurrence(UUID.randomUUID(), LocalDate.of(2026, 9, 22), 30,
                                            new SubjectMinutes("WRITING", 30)))),
                    events.series(UUID.randomUUID(), student, mandate, provider, school, ServiceSetting.PUSH_IN,
                            ComplianceEvents.weekly(LocalDate.of(2026, 9, 17), LocalDate.of(2026, 10, 1), 30)));
            events.on(LocalDate.of(2026, 9, 15));
            events.send(events.completed(UUID.randomUUID(), student, mandate, provider, ServiceSetting.PULL_OUT,
                    LocalDate.of(2026, 9, 15), 30 - 5 * i, tuesday));
            events.on(LocalDate.of(2026, 9, 17));
            events.send(events.missed(miss, student, mandate, provider, ServiceSetting.PUSH_IN,
                    LocalDate.of(2026, 9, 17), 30, "PROVIDER_ABSENT", "OWED", null));
            if (i > 0) {
                events.on(LocalDate.of(2026, 9, 22));
                events.send(events.completed(UUID.randomUUID(), student, mandate, provider, ServiceSetting.PUSH_IN,
                        LocalDate.of(2026, 9, 22), 30, null, new SessionCompleted.Repayment(miss, 30)));
            }
        }
        events.on(LocalDate.of(2026, 9, 23));
        events.send(events.closed(school, LocalDate.of(2026, 9, 24)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .queryParam("from", "2026-09-14").queryParam("to", "2026-09-27")
                .get("/api/v1/compliance/districts/" + district)
                .then().statusCode(200)
                .body("periods", is(6))
                .body("minutes.madeUp", is(60))
                .body("minutes.scheduled", is(270)));
        return students;
    }

    private Map<String, String> answers(List<UUID> students) {
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        for (UUID s : students) {
            paths.add("/api/v1/compliance/students/" + s + "?from=2026-09-01&to=2026-10-31");
            paths.add("/api/v1/students/" + s + "/pull-out-cost?from=2026-09-14&to=2026-09-27");
            paths.add("/api/v1/students/" + s + "/makeup-ledger");
            paths.add("/api/v1/delivered-minutes/students/" + s);
        }
        for (String scope : List.of("districts/" + district, "schools/" + school, "providers/" + provider)) {
            paths.add("/api/v1/compliance/" + scope + "?from=2026-09-14&to=2026-09-27&status=AT_RISK,OUT_OF_COMPLIANCE,ON_TRACK");
        }
        for (String path : paths) {
            answers.put(path, given().get(path).then().statusCode(200).extract().asString());
        }
        answers.put("csv", given().accept("text/csv").get("/api/v1/compliance/districts/" + district
                + "?from=2026-09-01&to=2026-10-31").then().statusCode(200).extract().asString());
        return answers;
    }

    /** Every row of the projection tables, as text, in a stable order. */
    private static Map<String, List<String>> tables() throws Exception {
        LocalInfrastructure infra = LocalInfrastructure.shared();
        Map<String, List<String>> result = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("reporting"), infra.username(),
                infra.password()); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select * from " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(String::compareTo);
                result.put(table, rows);
            }
        }
        return result;
    }

    @Test
    void aRebuildFromTheTopicsEqualsTheLiveProjection() throws Exception {
        List<UUID> students = buildLive();
        Map<String, String> live = answers(students);
        Map<String, List<String>> liveTables = tables();
        assertFalse(liveTables.get("compliance_period").isEmpty());

        String location = given().post("/api/v1/admin/rebuild").then().statusCode(202)
                .body("status", anyOf(is("QUEUED"), is("RUNNING"))).extract().header("Location");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get(location).then().statusCode(200).body("status", is("DONE")));
        given().get(location).then()
                .body("eventsReplayed", greaterThan(40))
                .body("swappedAt", notNullValue())
                .body("projections", contains("compliance"));
        given().get("/api/v1/admin/rebuild").then().statusCode(200).body("[0].status", is("DONE"));

        assertEquals(live, answers(students));
        Map<String, List<String>> rebuilt = tables();
        for (String table : TABLES) {
            assertEquals(liveTables.get(table), rebuilt.get(table), "table " + table);
        }

        // Live consumption goes on, on the swapped-in tables, and skips what the rebuild applied.
        UUID student = students.get(0);
        String mandate = given().get("/api/v1/compliance/students/" + student + "?from=2026-09-14&to=2026-09-14")
                .then().extract().path("mandates[0].mandateId");
        events.on(LocalDate.of(2026, 9, 24));
        events.send(events.completed(UUID.randomUUID(), student, UUID.fromString(mandate), provider,
                ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 21), 30, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/compliance/students/" + student + "?from=2026-09-21&to=2026-09-21")
                .then().body("mandates[0].periods[0].delivered.pushIn", is(30)));
    }
}
