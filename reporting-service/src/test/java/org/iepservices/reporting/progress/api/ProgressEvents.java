package org.iepservices.reporting.progress.api;

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

/**
 * Publishes events to the real broker as the outbox relays do (same headers), with the event time
 * under the test's control so ordering rules can be exercised. (The reporting tests' EventPublisher
 * is package-private in another package; this one adds explicit event times.)
 */
final class ProgressEvents implements AutoCloseable {

    final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    <T> EventEnvelope envelope(EventType<T> type, Object subject, T payload, OffsetDateTime time) {
        return EventEnvelope.wrap("/test", type, subject.toString(), payload, time, mapper);
    }

    <T> EventEnvelope envelope(EventType<T> type, Object subject, T payload) {
        return envelope(type, subject, payload, OffsetDateTime.now());
    }

    /** Sends and returns the envelope, so a test can send the very same event again. */
    <T> EventEnvelope send(EventType<T> type, Object subject, T payload) throws Exception {
        return send(type.topic(), envelope(type, subject, payload));
    }

    <T> EventEnvelope send(EventType<T> type, Object subject, T payload, OffsetDateTime time) throws Exception {
        return send(type.topic(), envelope(type, subject, payload, time));
    }

    EventEnvelope send(String topic, EventEnvelope event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(),
                mapper.writeValueAsString(event));
        record.headers().add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
        return event;
    }

    @Override
    public void close() {
        producer.close();
    }
}
