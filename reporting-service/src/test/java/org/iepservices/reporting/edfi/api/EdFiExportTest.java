package org.iepservices.reporting.edfi.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.iepservices.access.Role;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.reporting.edfi.EdFiDistrict;
import org.iepservices.reporting.edfi.EdFiModel;
import org.iepservices.reporting.testing.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The Ed-Fi export through HTTP, from events on the topics: the four resources in the Ed-Fi 6.1 shape
 * with every required property, delivery minutes equal to reporting's delivered minutes after a messy
 * week, district scoping, roles, paging, bad queries, the access trail, and pushes refused while off.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class EdFiExportTest {

    private static final String FROM = "2026-09-14";
    private static final String TO = "2026-09-27";
    private final ObjectMapper mapper = new ObjectMapper();
    private final EdFiDistrict d = new EdFiDistrict();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        d.close();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private String path(UUID district, String resource) {
        return "/api/v1/edfi/districts/" + district + "/export/" + resource;
    }

    private JsonNode export(String resource) throws Exception {
        String body = d.admin().queryParam("from", FROM).queryParam("to", TO).queryParam("limit", "500")
                .get(path(d.district, resource)).then().statusCode(200).extract().asString();
        return mapper.readTree(body);
    }

    /**
     * Waits for {@code n} deliveries (the compliance consumer) and the seeded students' goals, two per student of
     * three deliveries (the goal-progress consumer: another consumer group, which may lag behind the first).
     */
    private void awaitDeliveries(int n) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            d.admin().queryParam("from", FROM).queryParam("to", TO).get(path(d.district, "studentIEPServiceDeliveries"))
                    .then().statusCode(200).header("X-Total-Count", String.valueOf(n));
            d.admin().queryParam("from", FROM).queryParam("to", TO).get(path(d.district, "studentIEPGoals"))
                    .then().statusCode(200).header("X-Total-Count", String.valueOf(2 * n / 3));
        });
    }

    @Test
    void everyRecordHasTheEdFiShapeAndEveryRequiredProperty() throws Exception {
        var s = d.seedMessyStudent();
        awaitDeliveries(3);
        for (String resource : List.of("studentIEPs", "studentIEPServicePrescriptions", "studentIEPGoals",
                "studentIEPServiceDeliveries")) {
            JsonNode records = export(resource);
            assertTrue(records.size() > 0, resource);
            for (JsonNode r : records) {
                assertEquals(List.of(), EdFiModel.violations(resource, r, true), resource + ": " + r);
            }
        }
        JsonNode iep = export("studentIEPs").get(0);
        assertEquals(s.iep().toString(), iep.path("studentIEPIdentifier").asText());
        assertEquals(255901001L, iep.path("educationOrganizationReference").path("educationOrganizationId").asLong());
        assertEquals(s.sourcedId(), iep.path("studentReference").path("studentUniqueId").asText());
        assertEquals("2026-09-01", iep.path("iepBeginDate").asText());
        assertEquals("2027-06-15", iep.path("iepEndDate").asText());
        assertEquals("uri://ed-fi.org/IEPStatusDescriptor#Active", iep.path("iepStatusDescriptor").asText());

        JsonNode prescription = export("studentIEPServicePrescriptions").get(0);
        assertEquals(60, prescription.path("duration").asInt());
        assertEquals(2, prescription.path("frequency").asInt());
        assertEquals("uri://ed-fi.org/DurationIntervalDescriptor#Week", prescription.path("durationIntervalDescriptor").asText());
        assertEquals("uri://ed-fi.org/ServicePrescriptionDescriptor#Speech and Language (Related Service)",
                prescription.path("servicePrescriptionDescriptor").asText());
        assertEquals(iep.path("iepFinalizedDate").asText(),
                prescription.path("studentIEPReference").path("iepFinalizedDate").asText());
        assertTrue(prescription.path("staffs").get(0).path("staffReference").path("staffUniqueId").asText()
                .startsWith("T-"));
        assertEquals(30, prescription.path("_ext").path("iepServices").path("pushInMinutes").asInt());
        assertEquals(30, prescription.path("_ext").path("iepServices").path("pullOutMinutes").asInt());

        JsonNode goals = export("studentIEPGoals");
        assertEquals(2, goals.size());
        assertEquals(s.goals().stream().map(UUID::toString).sorted().toList(),
                List.of(goals.get(0).path("iepGoalIdentifier").asText(), goals.get(1).path("iepGoalIdentifier").asText())
                        .stream().sorted().toList());
        assertTrue(goals.get(0).path("iepGoalDetails").asText().contains("Target: 80% accuracy"));

        JsonNode delivery = export("studentIEPServiceDeliveries").get(0);
        assertEquals("2026-09-15", delivery.path("serviceDeliveryDate").asText());
        assertEquals("uri://ed-fi.org/ServiceDeliveryDescriptor#Direct Pull-Out",
                delivery.path("serviceDeliveryDescriptor").asText());
        assertEquals(prescription.path("servicePrescriptionDate").asText(),
                delivery.path("studentIEPServicePrescriptionReference").path("servicePrescriptionDate").asText());
        assertEquals("Sam", delivery.path("providers").get(0).path("firstName").asText());
        assertEquals(30, delivery.path("_ext").path("iepServices").path("deliveredMinutes").asInt());
        assertEquals("PULL_OUT", delivery.path("_ext").path("iepServices").path("setting").asText());
    }

    @Test
    void deliveredMinutesEqualReportingsDeliveredMinutesAfterAMessyWeek() throws Exception {
        var s = d.seedMessyStudent();
        awaitDeliveries(3);
        // The addenda must have landed too: 20 for the shortened one, and the withdrawn one gone (3 above).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> d.admin().queryParam("from", FROM)
                .queryParam("to", TO).get("/api/v1/delivered-minutes/students/" + s.id())
                .then().statusCode(200).body("delivered.total", is(80)));
        Response reporting = d.admin().queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/delivered-minutes/students/" + s.id());
        int total = reporting.path("delivered.total");
        int pushIn = reporting.path("delivered.pushIn");
        int pullOut = reporting.path("delivered.pullOut");

        JsonNode deliveries = export("studentIEPServiceDeliveries");
        int sum = 0, sumPushIn = 0, sumPullOut = 0, madeUp = 0;
        List<String> logs = new ArrayList<>();
        for (JsonNode r : deliveries) {
            JsonNode ext = r.path("_ext").path("iepServices");
            sum += ext.path("deliveredMinutes").asInt();
            sumPushIn += ext.path("setting").asText().equals("PUSH_IN") ? ext.path("deliveredMinutes").asInt() : 0;
            sumPullOut += ext.path("setting").asText().equals("PULL_OUT") ? ext.path("deliveredMinutes").asInt() : 0;
            madeUp += ext.path("madeUpMinutes").asInt();
            logs.add(r.path("iepServiceDeliveryIdentifier").asText());
        }
        assertEquals(total, sum);
        assertEquals(pushIn, sumPushIn);
        assertEquals(pullOut, sumPullOut);
        assertEquals(80, sum);
        assertEquals(30, madeUp, "the makeup's minutes, counted on the day it was held");
        assertEquals(List.of(s.logs().get(0).toString(), s.logs().get(1).toString(), s.logs().get(2).toString())
                .stream().sorted().toList(), logs.stream().sorted().toList(), "the withdrawn session is no delivery");
        List<String> reportingLogs = reporting.path("sessions.sessionLogId");
        assertEquals(reportingLogs.stream().sorted().toList(), logs.stream().sorted().toList());
    }

    @Test
    void anotherDistrictsRecordsAreAbsent() throws Exception {
        var s = d.seedMessyStudent();
        EdFiDistrict other = new EdFiDistrict();
        open.add(other);
        var o = other.seedMessyStudent();
        awaitDeliveries(3);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> other.admin().queryParam("from", FROM)
                .queryParam("to", TO).get(path(other.district, "studentIEPServiceDeliveries"))
                .then().statusCode(200).header("X-Total-Count", "3"));
        for (String resource : List.of("studentIEPs", "studentIEPServicePrescriptions", "studentIEPGoals",
                "studentIEPServiceDeliveries")) {
            String mine = export(resource).toString();
            assertTrue(mine.contains(s.sourcedId()), resource);
            assertFalse(mine.contains(o.sourcedId()), resource + " must not show the other district's student");
            assertFalse(mine.contains(o.iep().toString()), resource);
            // The other district's path is a 404 for this district's administrator, as for an unknown one.
            d.admin().get(path(other.district, resource)).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void onlyDistrictAdministratorsExportAndPush() {
        UUID district = d.district;
        for (String role : List.of(Role.SCHOOL_ADMIN_NAME, Role.PROVIDER_NAME, Role.TEACHER_NAME,
                Role.SIS_INTEGRATION_NAME)) {
            for (String resource : List.of("studentIEPs", "studentIEPServicePrescriptions", "studentIEPGoals",
                    "studentIEPServiceDeliveries")) {
                d.as(role).get(path(district, resource)).then().statusCode(403);
            }
            d.as(role).post("/api/v1/edfi/districts/" + district + "/pushes").then().statusCode(403);
            d.as(role).get("/api/v1/edfi/districts/" + district + "/pushes").then().statusCode(403);
        }
        Caller.anonymous().get(path(district, "studentIEPs")).then().statusCode(401);
        Caller.anonymous().post("/api/v1/edfi/districts/" + district + "/pushes").then().statusCode(401);
    }

    @Test
    void pagesLikeTheEdFiApiAndRefusesBadQueries() throws Exception {
        d.seedMessyStudent();
        awaitDeliveries(3);
        UUID district = d.district;
        d.admin().queryParam("from", FROM).queryParam("to", TO).queryParam("limit", "2")
                .get(path(district, "studentIEPServiceDeliveries")).then().statusCode(200)
                .header("X-Total-Count", "3").header("Link", containsString("rel=\"next\""))
                .body("size()", is(2)).body("[0].serviceDeliveryDate", is("2026-09-15"));
        d.admin().queryParam("from", FROM).queryParam("to", TO).queryParam("limit", "2")
                .queryParam("offset", "2").get(path(district, "studentIEPServiceDeliveries")).then().statusCode(200)
                .body("size()", is(1)).body("[0].serviceDeliveryDate", is("2026-09-22"));
        d.admin().queryParam("from", "2026-09-20").queryParam("to", "2026-09-14").queryParam("limit", "0")
                .queryParam("offset", "-1").get(path(district, "studentIEPs")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("to", "limit", "offset"));
        d.admin().queryParam("from", "14/09/2026").get(path(district, "studentIEPGoals")).then()
                .statusCode(400).body("violations[0].field", is("from"));
    }

    @Test
    void everyExportedPageIsInTheAccessTrail() throws Exception {
        var s = d.seedMessyStudent();
        awaitDeliveries(3);
        export("studentIEPGoals");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Caller.given()
                .queryParam("studentId", s.id().toString()).queryParam("actor", "edfi-district-admin-" + d.run)
                .get("/api/v1/audit/access").then().statusCode(200)
                .body("resourceType", hasItem("edfi-studentIEPGoals"))
                .body("find { it.resourceType == 'edfi-studentIEPGoals' }.action", is("EXPORT"))
                .body("find { it.resourceType == 'edfi-studentIEPGoals' }.resourceId",
                        is(d.district.toString())));
    }

    @Test
    void aPushIsRefusedWhileTheOdsIsNotConfigured() {
        d.admin().post("/api/v1/edfi/districts/" + d.district + "/pushes").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("edfi.ods.enabled"));
    }
}
