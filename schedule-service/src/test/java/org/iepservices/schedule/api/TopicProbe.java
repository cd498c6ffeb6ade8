package org.iepservices.schedule.api;

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

/** Reads a topic on the real broker from the beginning, as a downstream service would. */
final class TopicProbe implements AutoCloseable {

    /** An event (or raw value) with the Kafka key it was published under. */
    record Received(String key, JsonNode event, String raw) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Received> seen = new ArrayList<>();

    TopicProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
    }

    /**
     * Polls until {@code count} records matching {@code filter} have been read, or the timeout
     * passes. Everything read is remembered, so records read while waiting for something else
     * still count.
     */
    List<Received> await(Predicate<Received> filter, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Received> matches = seen.stream().filter(filter).toList();
        while (Instant.now().isBefore(deadline) && matches.size() < count) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                JsonNode event;
                try {
                    event = mapper.readTree(record.value());
                } catch (Exception e) {
                    event = mapper.nullNode();
                }
                seen.add(new Received(record.key(), event, record.value()));
            }
            matches = seen.stream().filter(filter).toList();
        }
        return matches;
    }

    /** Events of a type whose data field {@code field} equals {@code value}. */
    static Predicate<Received> event(String type, String field, Object value) {
        return r -> type.equals(r.event().path("type").asText())
                && String.valueOf(value).equals(r.event().path("data").path(field).asText());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
