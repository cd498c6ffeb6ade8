package org.iepservices.reporting.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.iepservices.access.Role;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.RosterImportCompleted;
import org.iepservices.localinfra.RealInfrastructureTestResource;
import org.iepservices.localinfra.TokenIssuer;
import org.iepservices.webhooks.delivery.WebhookDispatcher;
import org.iepservices.webhooks.service.WebhookFanOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Replicas share the delivery queue: besides the service's own dispatcher, three more dispatch loops claim from the
 * same table at the same time (as other replicas would). Every delivery is sent exactly once: no receiver request
 * is a duplicate, every delivery took one attempt.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class WebhookDispatchConcurrencyTest {

    private static final int EVENTS = 200;

    @Inject
    WebhookFanOut fanOut;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    ObjectMapper mapper;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final UUID district = UUID.randomUUID();

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void concurrentDispatchersSendEachDeliveryOnce() throws Exception {
        receiver.start();
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("/replicas");
        String token = TokenIssuer.shared().token("admin-" + district, Role.DISTRICT_ADMIN_NAME)
                .claim(TokenIssuer.DISTRICT_ID_CLAIM, district.toString()).sign();
        var created = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(endpoint.path), "eventTypes", List.of("RosterImportCompleted")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract().jsonPath();
        endpoint.secret = created.getString("secret");
        String subscription = created.getString("subscription.id");

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            replicas.submit(() -> {
                while (running.get()) {
                    if (dispatcher.dispatchBatch() == 0) {
                        Thread.sleep(5);
                    }
                }
                return null;
            });
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<EventEnvelope> events = new ArrayList<>();
        try {
            for (int i = 0; i < EVENTS; i++) {
                UUID id = UUID.randomUUID();
                events.add(EventEnvelope.wrap("/student-service", RosterImportCompleted.TYPE, id.toString(),
                        new RosterImportCompleted(id, district, "sis", "APPLIED", "1.1", now, now, i, i, 0, 0, 0, 0, 0, 0),
                        now, mapper));
            }
            // Queued in batches of 20, as a consumer's transactions would.
            for (int i = 0; i < EVENTS; i += 20) {
                List<EventEnvelope> batch = events.subList(i, i + 20);
                QuarkusTransaction.requiringNew().run(() -> batch.forEach(e -> assertEquals(1, fanOut.offer(e, district))));
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> endpoint.distinct() == EVENTS);
        } finally {
            running.set(false);
            replicas.shutdown();
        }
        assertEquals(EVENTS, endpoint.requests.get(), "no delivery was sent twice");
        assertEquals(0, endpoint.badSignatures.get());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> log = RestAssured.given().auth().oauth2(token).queryParam("limit", 500)
                    .get("/api/v1/webhooks/subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            assertEquals(EVENTS, log.size());
            assertTrue(log.stream().allMatch(d -> "DELIVERED".equals(d.get("status"))
                    && Integer.valueOf(1).equals(d.get("attempts"))), "one attempt each");
        });
        // Offering the same events again (a redelivered Kafka record) queues nothing.
        QuarkusTransaction.requiringNew().run(() -> assertEquals(0, fanOut.offer(events.get(0), district)));
    }
}
