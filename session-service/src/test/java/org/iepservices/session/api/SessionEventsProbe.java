package org.iepservices.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Reads session.events (or another topic) from the real broker, as any downstream consumer would. */
final class SessionEventsProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final ObjectMapper mapper = new ObjectMapper();
    final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    SessionEventsProbe() {
        this("session.events");
    }

    SessionEventsProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code count} events matching {@code filter} were seen, or the timeout passes. */
    List<JsonNode> await(Predicate<JsonNode> filter, int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> matches = new ArrayList<>();
        while (Instant.now().isBefore(deadline) && matches.size() < count) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
                JsonNode event;
                try {
                    event = mapper.readTree(record.value());
                } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                    continue; // dead-letter topics hold what could not be read
                }
                if (filter.test(event)) {
                    matches.add(event);
                }
            }
        }
        return matches;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
