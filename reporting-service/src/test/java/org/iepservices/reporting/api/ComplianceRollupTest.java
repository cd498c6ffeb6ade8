package org.iepservices.reporting.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iepservices.events.ServiceSetting;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.iepservices.reporting.testing.Caller.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Rollups per district, school and provider over the closed week of 2026-09-14: one student per
 * status, counted with SQL aggregates; paging, sorting and CSV.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class ComplianceRollupTest {

    private static final LocalDate SEPT_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate TUE = LocalDate.of(2026, 9, 15);
    private static final LocalDate THU = LocalDate.of(2026, 9, 17);

    private final ComplianceEvents events = new ComplianceEvents(LocalDate.of(2026, 8, 20));
    private final UUID district = UUID.randomUUID();
    private final UUID lincoln = UUID.randomUUID();
    private final UUID washington = UUID.randomUUID();
    private final UUID slp = UUID.randomUUID();
    private final UUID ot = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
    }

    private record Setup(UUID outOfCompliance, UUID onTrack, UUID over, UUID farShort) {
    }

    private Setup setUp() throws Exception {
        events.send(events.school(lincoln, district, "Lincoln"), events.school(washington, district, "Washington"),
                events.staff(slp, "Sam", "Speech"), events.staff(ot, "Olga", "Therapy"));
        UUID[] students = new UUID[4];
        UUID[] mandates = new UUID[4];
        String[][] names = {{"Ava", "Adams"}, {"Ben", "Brown"}, {"Cy", "Clark"}, {"Zoe", "Young"}};
        UUID[] schools = {lincoln, lincoln, washington, washington};
        UUID[] providers = {slp, slp, ot, ot};
        for (int i = 0; i < 4; i++) {
            students[i] = UUID.randomUUID();
            mandates[i] = UUID.randomUUID();
            events.on(LocalDate.of(2026, 8, 25));
            events.send(events.student(students[i], schools[i], names[i][0], names[i][1]),
                    events.iep(UUID.randomUUID(), students[i], null, SEPT_1, ComplianceEvents.speech(mandates[i], null,
                            providers[i], 1, 1, 30, SEPT_1, LocalDate.of(2027, 6, 18))));
        }
        events.on(TUE);
        // Ava: the worked example (30 owed, out of compliance).
        events.send(events.completed(UUID.randomUUID(), students[0], mandates[0], slp, ServiceSetting.PULL_OUT, TUE,
                        30, null),
                events.missed(UUID.randomUUID(), students[0], mandates[0], slp, ServiceSetting.PUSH_IN, THU, 30,
                        "PROVIDER_ABSENT", "OWED", null));
        // Ben: both sessions held.
        events.send(events.completed(UUID.randomUUID(), students[1], mandates[1], slp, ServiceSetting.PULL_OUT, TUE,
                        30, null),
                events.completed(UUID.randomUUID(), students[1], mandates[1], slp, ServiceSetting.PUSH_IN, THU, 30,
                        null));
        // Cy: 45 minutes of pull-out and the push-in: over-delivered.
        events.send(events.completed(UUID.randomUUID(), students[2], mandates[2], ot, ServiceSetting.PULL_OUT, TUE,
                        45, null),
                events.completed(UUID.randomUUID(), students[2], mandates[2], ot, ServiceSetting.PUSH_IN, THU, 30,
                        null));
        // Zoe: both missed, owed: 60 short.
        events.send(events.missed(UUID.randomUUID(), students[3], mandates[3], ot, ServiceSetting.PULL_OUT, TUE, 30,
                        "PROVIDER_ABSENT", "OWED", null),
                events.missed(UUID.randomUUID(), students[3], mandates[3], ot, ServiceSetting.PUSH_IN, THU, 30,
                        "PROVIDER_ABSENT", "OWED", null));
        Setup setup = new Setup(students[0], students[1], students[2], students[3]);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", TUE.toString()).queryParam("to", TUE.toString()).get("/api/v1/compliance/districts/" + district)
                .then().statusCode(200)
                .body("periodsByStatus.OUT_OF_COMPLIANCE", is(2))
                .body("periodsByStatus.ON_TRACK", is(1))
                .body("periodsByStatus.OVER_DELIVERED", is(1)));
        return setup;
    }

    @Test
    void theDistrictCountsPeriodsByStatusSumsMinutesAndListsTheStudentsAtRisk() throws Exception {
        Setup s = setUp();
        Response r = given().queryParam("from", TUE.toString()).queryParam("to", TUE.toString())
                .get("/api/v1/compliance/districts/" + district);
        r.then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("scope", is("DISTRICT"))
                .body("periods", is(4))
                .body("periodsByStatus.AT_RISK", is(0))
                .body("students.total", is(4))
                .body("students.outOfCompliance", is(2))
                .body("minutes.mandated", is(240))
                .body("minutes.delivered", is(165))
                .body("minutes.missedOwed", is(90))
                .body("minutes.owedBalance", is(90))
                .body("minutes.shortfall", is(90))
                .body("minutes.overDelivered", is(15))
                .body("breakdown.name", contains("Lincoln", "Washington"))
                .body("breakdown[0].students", is(2))
                .body("breakdown[0].periodsByStatus.OUT_OF_COMPLIANCE", is(1))
                .body("breakdown[1].owedBalance", is(60))
                // worst first, then the larger shortfall
                .body("studentsAtRisk.studentId", contains(s.farShort().toString(), s.outOfCompliance().toString()))
                .body("studentsAtRisk[0].familyName", is("Young"))
                .body("studentsAtRisk[0].worstStatus", is("OUT_OF_COMPLIANCE"))
                .body("studentsAtRisk[0].shortfall", is(60))
                .body("studentsAtRisk[0].owedBalance", is(60));

        given().queryParam("from", TUE.toString()).queryParam("to", TUE.toString()).queryParam("limit", 1).queryParam("sort", "name")
                .get("/api/v1/compliance/districts/" + district)
                .then().statusCode(200)
                .header("X-Total-Count", "2")
                .header("Link", containsString("rel=\"next\""))
                .body("studentsAtRisk", hasSize(1))
                .body("studentsAtRisk[0].familyName", is("Adams"));
        given().queryParam("from", TUE.toString()).queryParam("to", TUE.toString()).queryParam("limit", 1).queryParam("offset", 1)
                .queryParam("sort", "name").get("/api/v1/compliance/districts/" + district)
                .then().statusCode(200)
                .header("Link", containsString("rel=\"prev\""))
                .body("studentsAtRisk[0].familyName", is("Young"));
        given().queryParam("from", TUE.toString()).queryParam("to", TUE.toString()).queryParam("status", "ON_TRACK,OVER_DELIVERED")
                .get("/api/v1/compliance/districts/" + district)
                .then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("studentsAtRisk.studentId", containsInAnyOrder(s.onTrack().toString(), s.over().toString()));
    }

    @Test
    void schoolAndProviderRollupsCoverTheirOwnStudents() throws Exception {
        Setup s = setUp();
        given().queryParam("from", TUE.toString()).queryParam("to", TUE.toString()).get("/api/v1/compliance/schools/" + lincoln)
                .then().statusCode(200)
                .body("name", is("Lincoln"))
                .body("students.total", is(2))
                .body("periodsByStatus.OUT_OF_COMPLIANCE", is(1))
                .body("periodsByStatus.ON_TRACK", is(1))
                .body("breakdown[0].id", is(slp.toString()))
                .body("breakdown[0].name", is("Sam Speech"))
                .body("studentsAtRisk.studentId", contains(s.outOfCompliance().toString()));
        given().queryParam("from", TUE.toString()).queryParam("to", TUE.toString()).get("/api/v1/compliance/providers/" + ot)
                .then().statusCode(200)
                .body("name", is("Olga Therapy"))
                .body("students.total", is(2))
                .body("periodsByStatus.OVER_DELIVERED", is(1))
                .body("minutes.owedBalance", is(60))
                .body("breakdown[0].name", is("Washington"))
                .body("studentsAtRisk.studentId", contains(s.farShort().toString()));
    }

    @Test
    void rollupsAreAlsoCsv() throws Exception {
        Setup s = setUp();
        Response r = given().accept("text/csv").queryParam("from", TUE.toString()).queryParam("to", TUE.toString())
                .queryParam("sort", "-owedBalance").get("/api/v1/compliance/districts/" + district);
        r.then().statusCode(200).contentType(containsString("text/csv")).header("X-Total-Count", "2");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new StringReader(r.asString()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of("studentId", "givenName", "familyName", "schoolId", "worstStatus", "atRiskPeriods",
                    "outOfCompliancePeriods", "owedBalance", "shortfall", "forecastShortfall", "lastChanceDate"),
                    parser.getHeaderNames());
            rows = parser.getRecords();
        }
        assertEquals(2, rows.size());
        assertEquals(s.farShort().toString(), rows.get(0).get("studentId"));
        assertEquals("60", rows.get(0).get("owedBalance"));
        assertEquals("Adams", rows.get(1).get("familyName"));
        assertEquals("30", rows.get(1).get("owedBalance"));

        String student = given().accept("text/csv").queryParam("from", TUE.toString()).queryParam("to", TUE.toString())
                .get("/api/v1/compliance/students/" + s.outOfCompliance()).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        try (CSVParser parser = CSVParser.parse(new StringReader(student),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            CSVRecord week = parser.getRecords().get(0);
            assertEquals("2026-09-14", week.get("periodStart"));
            assertEquals("OUT_OF_COMPLIANCE", week.get("status"));
            assertEquals("30", week.get("mandatedPushIn"));
            assertEquals("30", week.get("deliveredPullOut"));
            assertEquals("30", week.get("shortfallPushIn"));
            assertEquals("30", week.get("owedBalance"));
        }
    }

    @Test
    void badRollupQueriesAreRefusedWithEveryBadParameterNamed() throws Exception {
        setUp();
        given().queryParam("sort", "-popularity").queryParam("status", "LATE").queryParam("limit", 0)
                .queryParam("offset", -1).queryParam("from", "2026-09-20").queryParam("to", "2026-09-14")
                .get("/api/v1/compliance/districts/" + district)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("to", "limit", "offset", "status", "sort"));
        // Nothing changed: the same rollup as before.
        given().queryParam("from", TUE.toString()).queryParam("to", TUE.toString()).get("/api/v1/compliance/districts/" + district)
                .then().statusCode(200).body("periods", is(4));
    }
}
