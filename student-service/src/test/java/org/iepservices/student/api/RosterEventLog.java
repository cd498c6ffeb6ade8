package org.iepservices.student.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iepservices.localinfra.LocalInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.iepservices.student.api.Tokens.given;

/**
 * Reads roster.events on the real broker as a downstream service would, and answers "what was
 * published since I last looked?": {@link #sinceLastLook()} creates a marker school through the
 * API and reads until its SchoolUpserted arrives. The outbox relays in commit order, so every event
 * committed before the marker has been sent by then; a short quiet period collects those on other
 * partitions.
 */
final class RosterEventLog implements AutoCloseable {

    record Event(String key, String type, String subject, JsonNode data) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final ObjectMapper mapper = new ObjectMapper();

    RosterEventLog() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "roster-log-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of("roster.events"));
        // Join the group and take the end of every partition as the starting point.
        Instant deadline = Instant.now().plusSeconds(30);
        while (consumer.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(p -> consumer.position(p));
    }

    /** Every roster event published since the previous call (or since this log was opened). */
    List<Event> sinceLastLook() throws Exception {
        String marker = given().contentType(ContentType.JSON).body(Map.of("name", "marker " + UUID.randomUUID()))
                .post("/api/v1/schools").then().statusCode(201).extract().path("id");
        List<Event> events = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        Instant quietUntil = null;
        while (Instant.now().isBefore(deadline) && (quietUntil == null || Instant.now().isBefore(quietUntil))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                JsonNode event = mapper.readTree(record.value());
                Event e = new Event(record.key(), event.path("type").asText(), event.path("subject").asText(),
                        event.path("data"));
                if (e.subject().equals(marker)) {
                    quietUntil = Instant.now().plusMillis(1500);
                } else if (!(e.type().equals("SchoolUpserted") && e.data().path("name").asText().startsWith("marker "))) {
                    events.add(e);
                }
            }
        }
        if (quietUntil == null) {
            throw new AssertionError("the marker event did not arrive within 30 s");
        }
        return events;
    }

    static List<Event> of(List<Event> events, String type, Predicate<JsonNode> data) {
        return events.stream().filter(e -> e.type().equals(type) && data.test(e.data())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
