package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * CloudEvents 1.0 envelope in structured JSON mode. {@code id} is the idempotency key every
 * consumer deduplicates on; {@code subject} is the student (or aggregate) id and equals the Kafka
 * record key, so all events of one student stay in order on one partition.
 *
 * <p>{@code data} stays a JSON tree so that a consumer decodes only the types it knows and
 * unknown fields never break it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        UUID id,
        String source,
        String type,
        String specversion,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        String dataschema,
        Long aggregateVersion,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** Kafka {@code content-type} header of a record whose value is a whole envelope (structured mode). */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
    }

    /** A new envelope with a fresh id for a payload of a known {@link EventType}. */
    public static EventEnvelope wrap(String source, EventType<?> type, String subject, Object payload,
                                     OffsetDateTime time, ObjectMapper mapper) {
        return new EventEnvelope(UUID.randomUUID(), source, type.name(), SPEC_VERSION, time, subject,
                CONTENT_TYPE, type.schemaUri(), null, mapper.valueToTree(payload));
    }

    /** Decodes {@code data} as the payload of {@code type}; unknown fields are ignored. */
    public <T> T dataAs(EventType<T> type, ObjectMapper mapper) {
        if (!type.name().equals(this.type)) {
            throw new IllegalArgumentException("event " + id + " is a " + this.type + ", not a " + type.name());
        }
        try {
            return mapper.treeToValue(data, type.payloadClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("event " + id + " has malformed " + type.name() + " data: "
                    + e.getOriginalMessage(), e);
        }
    }
}
