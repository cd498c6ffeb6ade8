package org.iepservices.schedule.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.EventType;
import org.iepservices.localinfra.LocalInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;

/** Publishes events to the real broker the way student-service's outbox relay does (same headers). */
final class EventPublisher implements AutoCloseable {

    final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    <T> EventEnvelope envelope(EventType<T> type, Object subject, T payload) {
        return EventEnvelope.wrap("/test", type, subject.toString(), payload, OffsetDateTime.now(), mapper);
    }

    void send(String topic, EventEnvelope event) {
        try {
            sendRaw(topic, event.subject(), mapper.writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> EventEnvelope send(EventType<T> type, Object subject, T payload) {
        EventEnvelope envelope = envelope(type, subject, payload);
        send(type.topic(), envelope);
        return envelope;
    }

    /** With the headers the outbox relay sets, so the consumer is tested on the real wire format. */
    void sendRaw(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
