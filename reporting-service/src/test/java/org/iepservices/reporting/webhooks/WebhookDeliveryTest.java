package org.iepservices.reporting.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.iepservices.access.Role;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.RosterImportCompleted;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.StudentUpserted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.iepservices.reporting.projection.Sql;
import org.iepservices.reporting.testing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Webhooks end to end inside reporting-service, against a real HTTP receiver in this JVM ({@link WebhookReceiver}):
 * events on the topics (and reporting's own ComplianceStatusChanged) reach the district's endpoint as signed
 * CloudEvents with their public fields only; another district's endpoint gets none of them; while the receiver is
 * down for 30 s every delivery is retried with backoff and, once it is back, each event arrives (distinct
 * webhook-ids = events) and the delivery log shows the failed attempts; a redelivery sends the same webhook-id
 * again. Without retries the events of the outage would never arrive and the test fails.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class WebhookDeliveryTest {

    private static final List<String> TYPES = List.of("SessionCompleted", "IepActivated", "RosterImportCompleted",
            "ComplianceStatusChanged");
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Inject
    Sql sql;

    private final EventPublisher events = new EventPublisher();
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final UUID districtD = UUID.randomUUID();
    private final UUID districtE = UUID.randomUUID();
    private final UUID school = UUID.randomUUID();
    private final UUID student = UUID.randomUUID();
    private final UUID provider = UUID.randomUUID();

    @AfterEach
    void close() {
        events.close();
        receiver.close();
    }

    private static RequestSpecification admin(UUID district) {
        return RestAssured.given().auth().oauth2(TokenIssuer.shared().token("admin-of-" + district, Role.DISTRICT_ADMIN_NAME)
                .claim(TokenIssuer.DISTRICT_ID_CLAIM, district.toString()).sign());
    }

    private String subscribe(UUID district, WebhookReceiver.Endpoint endpoint) {
        var created = admin(district).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(endpoint.path), "eventTypes", TYPES))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract().jsonPath();
        endpoint.secret = created.getString("secret");
        return created.getString("subscription.id");
    }

    private SessionCompleted session(UUID mandate, ServiceSetting setting, String date, int minutes) {
        return new SessionCompleted(UUID.randomUUID(), student, mandate, provider, setting, LocalDate.parse(date), minutes,
                List.of(), null, "SPEECH_LANGUAGE", "INDIVIDUAL", LocalTime.of(9, 0), LocalTime.of(9, minutes), "PRESENT",
                List.of(new SessionCompleted.GoalData(UUID.randomUUID(), "TRIALS", 7, 10, 70.0, null, null, null,
                        "MINIMAL", null, "clinical: /r/ in medial position")),
                null, "progress note: struggled with blends today");
    }

    private List<Map<String, Object>> deliveryLog(String subscription) {
        return admin(districtD).queryParam("limit", 500).get("/api/v1/webhooks/subscriptions/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Ids of the ComplianceStatusChanged events reporting wrote to its outbox for the student. */
    private Set<String> complianceEventIds() {
        return QuarkusTransaction.requiringNew().call(() -> new HashSet<>(sql.list(
                "select id from outbox_event where event_type = 'ComplianceStatusChanged' and message_key = ?",
                rs -> rs.uuid("id").toString(), student.toString())));
    }

    @Test
    void signedDeliveriesSurviveAReceiverOutageAndAreRedelivered() throws Exception {
        receiver.start();
        WebhookReceiver.Endpoint d = receiver.endpoint("/d");
        WebhookReceiver.Endpoint e = receiver.endpoint("/e");
        String subscriptionD = subscribe(districtD, d);
        subscribe(districtE, e);

        // The student's district must be known before their events are routed (from roster.events).
        events.send(SchoolUpserted.TYPE, school, new SchoolUpserted(school, "sch-wh", "Webhook Elementary", districtD,
                "America/New_York", "active"));
        events.send(StudentUpserted.TYPE, student, new StudentUpserted(student, "stu-wh", "Ada", "Hook", "03", school,
                "active"));
        await().atMost(Duration.ofSeconds(60)).until(() -> districtD.equals(QuarkusTransaction.requiringNew().call(() ->
                sql.one("select sc.district_id from student st join school sc on sc.school_id = st.school_id "
                        + "where st.student_id = ?", rs -> rs.uuid("district_id"), student).orElse(null))));

        UUID mandate = UUID.randomUUID();
        Set<String> expected = new HashSet<>();
        expected.add(events.send(IepActivated.TYPE, student, new IepActivated(UUID.randomUUID(), student, null,
                LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-18"), List.of(new IepActivated.Mandate(mandate,
                null, "SPEECH_LANGUAGE", "SLP", provider, 2, 30, "WEEK", 1, 1, "INDIVIDUAL", 1,
                LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-18"), null, null, List.of())), List.of()))
                .id().toString());
        // The closed weeks are first evaluated OUT_OF_COMPLIANCE (nothing delivered): no change announced yet.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> org.iepservices.reporting.testing.Caller.given()
                .queryParam("from", "2026-09-07").queryParam("to", "2026-09-13")
                .get("/api/v1/compliance/students/" + student).then().statusCode(200)
                .body("mandates[0].periods[0].status", is("OUT_OF_COMPLIANCE")));

        // Phase 1, receiver up: two weeks delivered in full (each becomes ON_TRACK: ComplianceStatusChanged),
        // one import in each district.
        for (String date : List.of("2026-09-08", "2026-09-15")) {
            expected.add(events.send(SessionCompleted.TYPE, student, session(mandate, ServiceSetting.PULL_OUT, date, 30)).id().toString());
            expected.add(events.send(SessionCompleted.TYPE, student, session(mandate, ServiceSetting.PUSH_IN, date, 30)).id().toString());
        }
        UUID importD = UUID.randomUUID();
        UUID importE = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        expected.add(events.send(RosterImportCompleted.TYPE, importD, new RosterImportCompleted(importD, districtD, "sis",
                "APPLIED", "1.1", now.minusMinutes(1), now, 120, 100, 10, 5, 5, 0, 0, 1)).id().toString());
        EventEnvelope forE = events.send(RosterImportCompleted.TYPE, importE, new RosterImportCompleted(importE, districtE,
                "sis", "APPLIED", "1.2", now.minusMinutes(1), now, 7, 7, 0, 0, 0, 0, 0, 0));

        await().atMost(Duration.ofSeconds(60)).until(() -> complianceEventIds().size() >= 2
                && d.byId.keySet().containsAll(expected) && d.byId.keySet().containsAll(complianceEventIds()));
        Set<String> changedPeriods = new HashSet<>();
        for (JsonNode event : d.byId.values()) {
            if (event.path("type").asText().equals("ComplianceStatusChanged")) {
                assertEquals(districtD.toString(), event.path("data").path("districtId").asText());
                assertEquals(student.toString(), event.path("data").path("studentId").asText());
                assertNotEquals(event.path("data").path("previousStatus").asText(), event.path("data").path("status").asText());
                if (event.path("data").path("status").asText().equals("ON_TRACK")) {
                    changedPeriods.add(event.path("data").path("periodStart").asText());
                }
            }
        }
        assertTrue(changedPeriods.containsAll(List.of("2026-09-07", "2026-09-14")), changedPeriods.toString());

        // Phase 2, the receiver is down for 30 s while 20 more sessions are completed.
        receiver.stop();
        Instant down = Instant.now();
        List<String> duringOutage = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String date = LocalDate.parse("2026-09-07").plusDays(i % 5).toString();
            duringOutage.add(events.send(SessionCompleted.TYPE, student, session(mandate, ServiceSetting.PULL_OUT, date, 10)).id().toString());
            duringOutage.add(events.send(SessionCompleted.TYPE, student, session(mandate, ServiceSetting.PUSH_IN, date, 10)).id().toString());
        }
        expected.addAll(duringOutage);
        await().atMost(OUTAGE.plusSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (Duration.between(down, Instant.now()).compareTo(OUTAGE) < 0) {
                return false;
            }
            // Every event of the outage queued and already tried more than once, none given up.
            List<Map<String, Object>> log = deliveryLog(subscriptionD);
            long waiting = log.stream().filter(x -> duringOutage.contains(x.get("eventId"))
                    && "PENDING".equals(x.get("status")) && ((Number) x.get("attempts")).intValue() >= 2).count();
            return waiting == duringOutage.size();
        });
        assertTrue(d.byId.keySet().stream().noneMatch(duringOutage::contains), "nothing arrives while the receiver is down");

        // Phase 3, back up on the same port: everything queued arrives.
        receiver.start();
        Instant up = Instant.now();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Set<String> all = new HashSet<>(expected);
            all.addAll(complianceEventIds());
            return d.byId.keySet().containsAll(all);
        });
        Instant drained = d.firstReceipts.stream().max(Instant::compareTo).orElseThrow();
        Set<String> all = new HashSet<>(expected);
        all.addAll(complianceEventIds());
        assertEquals(all, d.byId.keySet(), "each event of the district once per webhook-id, nothing else");
        assertEquals(0, d.badSignatures.get(), "every delivery verified with the subscription's secret");

        // Only public fields: no goal data, notes or push-in context left reporting.
        for (JsonNode event : d.byId.values()) {
            assertEquals("1.0", event.path("specversion").asText());
            assertFalse(event.has("dataschema"));
            if (event.path("type").asText().equals("SessionCompleted")) {
                assertFalse(event.path("data").has("progressNote") || event.path("data").has("goalData")
                        || event.path("data").has("pushIn"), event.toString());
                assertTrue(event.path("data").has("minutes"));
            }
            if (event.path("type").asText().equals("IepActivated")) {
                assertFalse(event.path("data").has("mandates") || event.path("data").has("goals"));
            }
        }
        // District scoping: the other district's endpoint got its own import and nothing of district D.
        await().atMost(Duration.ofSeconds(30)).until(() -> e.byId.containsKey(forE.id().toString()));
        assertEquals(Set.of(forE.id().toString()), e.byId.keySet());

        // The delivery log: all delivered, the outage's deliveries with their failed attempts before the 2xx.
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveryLog(subscriptionD).stream()
                .allMatch(x -> "DELIVERED".equals(x.get("status"))));
        List<Map<String, Object>> log = deliveryLog(subscriptionD);
        assertEquals(all.size(), log.size());
        int attempts = 0;
        int failedAttempts = 0;
        for (Map<String, Object> delivery : log) {
            assertNull(delivery.get("nextAttemptAt"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tries = (List<Map<String, Object>>) delivery.get("attemptLog");
            assertEquals(((Number) delivery.get("attempts")).intValue(), tries.size());
            assertEquals(204, tries.get(tries.size() - 1).get("statusCode"));
            attempts += tries.size();
            long failed = tries.stream().filter(t -> t.get("statusCode") == null && t.get("error") != null).count();
            failedAttempts += (int) failed;
            if (duringOutage.contains(delivery.get("eventId"))) {
                assertTrue(failed >= 2, "outage delivery " + delivery);
            }
        }
        int duplicates = d.requests.get() - d.distinct();

        // Redelivery: the same webhook-id once more, which the receiver recognises.
        Map<String, Object> one = log.get(0);
        String eventId = (String) one.get("eventId");
        int before = d.timesById.get(eventId).get();
        admin(districtD).post("/api/v1/webhooks/subscriptions/" + subscriptionD + "/deliveries/" + one.get("id") + "/redeliver")
                .then().statusCode(202).body("status", is("PENDING"));
        await().atMost(Duration.ofSeconds(20)).until(() -> d.timesById.get(eventId).get() == before + 1);
        assertEquals(all.size(), d.distinct());
        // Another district's admin sees neither the subscription nor its log.
        admin(districtE).get("/api/v1/webhooks/subscriptions/" + subscriptionD + "/deliveries").then().statusCode(404);

        System.out.printf("WEBHOOK FIGURES: events=%d (during a %ds outage: %d), attempts=%d (failed %d), "
                        + "duplicates received=%d, time to drain after the receiver came back=%d ms%n",
                all.size(), OUTAGE.toSeconds(), duringOutage.size(), attempts, failedAttempts, duplicates,
                Duration.between(up, drained).toMillis());
    }
}
