package org.iepservices.reporting.testing;

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
 * Publishes events to the real broker the way the other services' outbox relays do (same key and
 * headers), with the envelope time under the test's control when ordering rules are exercised.
 * Every send returns the envelope, so a test can publish the very same event again.
 */
public final class EventPublisher implements AutoCloseable {

    public final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    public <T> EventEnvelope envelope(EventType<T> type, Object subject, T payload, OffsetDateTime time) {
        return EventEnvelope.wrap("/test", type, subject.toString(), payload, time, mapper);
    }

    public <T> EventEnvelope envelope(EventType<T> type, Object subject, T payload) {
        return envelope(type, subject, payload, OffsetDateTime.now());
    }

    /** Stamped now. */
    public <T> EventEnvelope send(EventType<T> type, Object subject, T payload) throws Exception {
        return send(type.topic(), envelope(type, subject, payload));
    }

    /** Stamped at {@code time}, as a producer's outbox would have stamped it then. */
    public <T> EventEnvelope send(EventType<T> type, Object subject, T payload, OffsetDateTime time)
            throws Exception {
        return send(type.topic(), envelope(type, subject, payload, time));
    }

    public EventEnvelope send(String topic, EventEnvelope event) throws Exception {
        sendRaw(topic, event.subject(), mapper.writeValueAsString(event));
        return event;
    }

    /** With the headers the outbox relay sets, so the consumers are tested on the real wire format. */
    public void sendRaw(String topic, String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
