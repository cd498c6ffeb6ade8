package org.iepservices.reporting.edfi.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.iepservices.reporting.edfi.EdFiDistrict;
import org.iepservices.reporting.edfi.StubEdFiOds;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Pushes to an Ed-Fi ODS/API through HTTP, against {@link StubEdFiOds} in this JVM: a token endpoint
 * and the four resources, every payload checked against the Ed-Fi model's required properties (400
 * like the ODS), references resolved (409), upsert by natural key. The happy path (and a repeated push
 * upserting the same records), a transient failure (500 twice) retried, and records refused (400)
 * reported with the ODS's message while the rest are sent. Its own database and Quarkus boot (the
 * stub's URL is configuration).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting_edfi"))
@WithTestResource(StubEdFiOds.class)
class EdFiPushTest {

    private static final String FROM = "2026-09-14";
    private static final String TO = "2026-09-27";
    private final List<EdFiDistrict> districts = new ArrayList<>();

    @AfterEach
    void close() {
        districts.forEach(EdFiDistrict::close);
    }

    private EdFiDistrict district() {
        EdFiDistrict d = new EdFiDistrict();
        districts.add(d);
        return d;
    }

    private static StubEdFiOds ods() {
        return StubEdFiOds.running();
    }

    /**
     * Waits until the district's students are in both projections a push reads: {@code n} deliveries (the
     * compliance consumer) and their goals, two per seeded student of three deliveries (the goal-progress
     * consumer, another consumer group that may lag behind the first).
     */
    private void awaitDeliveries(EdFiDistrict d, int n) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            d.admin().queryParam("from", FROM).queryParam("to", TO)
                    .get("/api/v1/edfi/districts/" + d.district + "/export/studentIEPServiceDeliveries")
                    .then().statusCode(200).header("X-Total-Count", String.valueOf(n));
            d.admin().queryParam("from", FROM).queryParam("to", TO)
                    .get("/api/v1/edfi/districts/" + d.district + "/export/studentIEPGoals")
                    .then().statusCode(200).header("X-Total-Count", String.valueOf(2 * n / 3));
        });
    }

    /** Starts a push and waits until it is DONE or FAILED; its final status. */
    private JsonPath push(EdFiDistrict d) {
        var started = d.admin().queryParam("from", FROM).queryParam("to", TO)
                .post("/api/v1/edfi/districts/" + d.district + "/pushes");
        started.then().statusCode(202).header("Location", containsString("/api/v1/edfi/districts/" + d.district
                + "/pushes/")).body("status", is("QUEUED"));
        String location = started.header("Location");
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            String status = d.admin().get(location).then().statusCode(200).extract().path("status");
            return status.equals("DONE") || status.equals("FAILED");
        });
        return d.admin().get(location).then().statusCode(200).extract().jsonPath();
    }

    private static List<StubEdFiOds.Request> requestsOf(String resource, String studentUniqueId) {
        return ods().requests(resource).stream().filter(r -> r.body() != null && r.body().toString()
                .contains("\"" + studentUniqueId + "\"")).toList();
    }

    private static long storedOf(String resource, String studentUniqueId) {
        return ods().stored(resource).values().stream().filter(b -> b.toString()
                .contains("\"" + studentUniqueId + "\"")).count();
    }

    @Test
    void everyRecordReachesTheOdsOnceAndAPushAgainUpsertsTheSameRecords() throws Exception {
        EdFiDistrict d = district();
        var ava = d.seedMessyStudent();
        awaitDeliveries(d, 3);
        int tokensBefore = ods().tokensIssued.get();

        JsonPath done = push(d);
        assertEquals("DONE", done.getString("status"), done.prettify());
        assertEquals(7, done.getInt("sent"), done.prettify());
        assertEquals(0, done.getInt("failed"), done.prettify());
        assertEquals(Map.of("sent", 1, "failed", 0), done.getMap("resources.studentIEPs"));
        assertEquals(Map.of("sent", 1, "failed", 0), done.getMap("resources.studentIEPServicePrescriptions"));
        assertEquals(Map.of("sent", 2, "failed", 0), done.getMap("resources.studentIEPGoals"));
        assertEquals(Map.of("sent", 3, "failed", 0), done.getMap("resources.studentIEPServiceDeliveries"));
        assertNotNull(done.getString("finishedAt"));

        assertEquals(1, storedOf("studentIEPs", ava.sourcedId()));
        assertEquals(1, storedOf("studentIEPServicePrescriptions", ava.sourcedId()));
        assertEquals(2, storedOf("studentIEPGoals", ava.sourcedId()));
        assertEquals(3, storedOf("studentIEPServiceDeliveries", ava.sourcedId()));
        // The stub refuses anything off the model, _ext included: what it stored is the model's shape.
        JsonNode delivery = ods().stored("studentIEPServiceDeliveries").values().stream()
                .filter(b -> b.toString().contains(ava.sourcedId())).findFirst().orElseThrow();
        assertFalse(delivery.has("_ext"));
        assertTrue(ods().tokensIssued.get() - tokensBefore <= 1, "one token for the whole push (cached)");

        // Again: the ODS upserts on the natural key (200), nothing is duplicated.
        JsonPath again = push(d);
        assertEquals(7, again.getInt("sent"));
        assertEquals(3, storedOf("studentIEPServiceDeliveries", ava.sourcedId()));
        assertTrue(requestsOf("studentIEPServiceDeliveries", ava.sourcedId()).stream()
                .filter(r -> r.status() == 200).count() >= 3);

        d.admin().get("/api/v1/edfi/districts/" + d.district + "/pushes").then().statusCode(200)
                .body("size()", is(2)).body("[0].sent", is(7));
    }

    @Test
    void aTransientFailureIsRetried() throws Exception {
        EdFiDistrict d = district();
        var ava = d.seedMessyStudent();
        awaitDeliveries(d, 3);
        ods().failNext("studentIEPServiceDeliveries", 2);

        JsonPath done = push(d);
        assertEquals("DONE", done.getString("status"));
        assertEquals(7, done.getInt("sent"), done.prettify());
        assertEquals(0, done.getInt("failed"), done.prettify());
        List<StubEdFiOds.Request> deliveries = requestsOf("studentIEPServiceDeliveries", ava.sourcedId());
        assertEquals(2, deliveries.stream().filter(r -> r.status() == 500).count(), "the two 500s");
        assertEquals(3, deliveries.stream().filter(r -> r.status() == 201).count(), "then every delivery stored");
        assertEquals(3, storedOf("studentIEPServiceDeliveries", ava.sourcedId()));
    }

    @Test
    void aRecordTheOdsRefusesIsReportedWithItsMessageAndTheRestAreSent() throws Exception {
        EdFiDistrict d = district();
        var ava = d.seedMessyStudent();
        // Ben's school has no numeric state id: Ed-Fi's educationOrganizationId is missing from his records.
        UUID maple = d.school("maple-elementary");
        var ben = d.seed(maple, "Ben");
        awaitDeliveries(d, 6);

        JsonPath done = push(d);
        assertEquals("DONE", done.getString("status"));
        assertEquals(7, done.getInt("sent"), done.prettify());
        assertEquals(7, done.getInt("failed"), done.prettify());
        assertEquals(Map.of("sent", 1, "failed", 1), done.getMap("resources.studentIEPs"));
        assertEquals(Map.of("sent", 3, "failed", 3), done.getMap("resources.studentIEPServiceDeliveries"));
        List<Map<String, Object>> failures = done.getList("failures");
        assertEquals(7, failures.size());
        Map<String, Object> iep = failures.get(0);
        assertEquals("studentIEPs", iep.get("resource"));
        assertEquals(400, iep.get("httpStatus"));
        assertEquals(1, iep.get("attempts"), "a 4xx is not retried");
        assertThat((String) iep.get("message"), containsString("educationOrganizationReference.educationOrganizationId is required"));
        assertEquals(ben.sourcedId(), ((Map<?, ?>) iep.get("record")).get("studentUniqueId"));
        assertEquals(ben.iep().toString(), ((Map<?, ?>) iep.get("record")).get("studentIEPIdentifier"));
        assertTrue(failures.stream().allMatch(f -> ben.sourcedId().equals(((Map<?, ?>) f.get("record"))
                .get("studentUniqueId"))));
        assertEquals(1, requestsOf("studentIEPs", ben.sourcedId()).size(), "sent once, refused, not retried");
        assertEquals(0, storedOf("studentIEPs", ben.sourcedId()));
        assertEquals(3, storedOf("studentIEPServiceDeliveries", ava.sourcedId()));
    }

    @Test
    void anExpiredTokenIsRenewedAndARevokedClientStopsThePush() throws Exception {
        EdFiDistrict d = district();
        d.seedMessyStudent();
        awaitDeliveries(d, 3);
        try {
            ods().revokeTokens(false);
            int tokensBefore = ods().tokensIssued.get();
            JsonPath renewed = push(d);
            assertEquals("DONE", renewed.getString("status"));
            assertEquals(7, renewed.getInt("sent"), renewed.prettify());
            assertEquals(tokensBefore + 1, ods().tokensIssued.get(), "a 401 fetched one new token");

            ods().revokeTokens(true);
            JsonPath stopped = push(d);
            assertEquals("FAILED", stopped.getString("status"));
            assertThat(stopped.getString("error"), containsString("token refused"));
            assertEquals(0, stopped.getInt("sent"));
        } finally {
            ods().revokeTokens(false);
        }
    }

    @Test
    void aPushIsSeenOnlyInItsDistrict() throws Exception {
        EdFiDistrict d = district();
        d.seedMessyStudent();
        awaitDeliveries(d, 3);
        JsonPath done = push(d);
        String id = done.getString("pushId");
        EdFiDistrict other = district();
        other.admin().get("/api/v1/edfi/districts/" + d.district + "/pushes/" + id).then().statusCode(404);
        other.admin().get("/api/v1/edfi/districts/" + other.district + "/pushes/" + id).then().statusCode(404);
        other.admin().post("/api/v1/edfi/districts/" + d.district + "/pushes").then().statusCode(404);
        d.admin().get("/api/v1/edfi/districts/" + d.district + "/pushes/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }
}
