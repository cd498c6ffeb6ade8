package org.iepservices.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class EventContractTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyPayloadRecordMatchesItsJsonSchema() throws Exception {
        for (EventType<?> type : EventCatalog.ALL) {
            JsonNode schema = readSchema(type);
            assertEquals(type.schemaUri(), schema.get("$id").asText(), type.name());
            Set<String> schemaProps = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(schemaProps::add);
            Set<String> recordProps = new TreeSet<>();
            for (RecordComponent c : type.payloadClass().getRecordComponents()) {
                recordProps.add(c.getName());
            }
            assertEquals(schemaProps, recordProps, "schema and record of " + type.name() + " disagree");
            for (JsonNode required : schema.get("required")) {
                assertTrue(recordProps.contains(required.asText()), type.name() + " requires " + required);
            }
        }
    }

    /** Nested shapes ($defs) must agree with the nested records too: a field added to one only is caught. */
    @Test
    void everyNestedRecordMatchesItsSchemaDefinition() throws Exception {
        int checked = 0;
        for (EventType<?> type : EventCatalog.ALL) {
            JsonNode defs = readSchema(type).get("$defs");
            if (defs == null) {
                continue;
            }
            for (var it = defs.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                Class<?> nested = nestedRecord(type.payloadClass(), name);
                if (nested == null) {
                    continue;
                }
                Set<String> schemaProps = new TreeSet<>();
                defs.get(name).get("properties").fieldNames().forEachRemaining(schemaProps::add);
                Set<String> recordProps = new TreeSet<>();
                for (RecordComponent c : nested.getRecordComponents()) {
                    recordProps.add(c.getName());
                }
                assertEquals(schemaProps, recordProps, "schema and record of " + type.name() + "." + name + " disagree");
                checked++;
            }
        }
        assertTrue(checked >= 4, "nested definitions were checked: " + checked);
    }

    /** An IepActivated.Goal event written before direction and measure details existed still reads. */
    @Test
    void aGoalWithoutDirectionReadsAsHigherIsBetter() throws Exception {
        String old = "{\"goalId\":\"" + UUID.randomUUID() + "\",\"area\":\"FLUENCY\",\"description\":\"d\","
                + "\"skillStage\":\"ACQUISITION\",\"measurementMethod\":\"FREQUENCY\"}";
        IepActivated.Goal goal = mapper.readValue(old, IepActivated.Goal.class);
        assertNull(goal.direction());
        assertFalse(goal.lowerIsBetter());
        IepActivated.Goal decrease = mapper.readValue(old.replace("}", ",\"direction\":\"DECREASE\",\"targetValue\":2}"),
                IepActivated.Goal.class);
        assertTrue(decrease.lowerIsBetter());
        assertEquals(2.0, decrease.targetValue());
    }

    private static Class<?> nestedRecord(Class<?> payload, String simpleName) {
        for (Class<?> owner : List.of(payload, IepActivated.class)) {
            for (Class<?> c : owner.getDeclaredClasses()) {
                if (c.isRecord() && c.getSimpleName().equals(simpleName)) {
                    return c;
                }
            }
        }
        return null;
    }

    @Test
    void envelopeRoundTripsAndIgnoresUnknownFields() throws Exception {
        UUID student = UUID.randomUUID();
        SessionCompleted payload = new SessionCompleted(UUID.randomUUID(), student, UUID.randomUUID(),
                UUID.randomUUID(), ServiceSetting.PULL_OUT, LocalDate.of(2026, 9, 15), 30, null);
        EventEnvelope envelope = EventEnvelope.wrap("/session-service", SessionCompleted.TYPE, student.toString(),
                payload, OffsetDateTime.of(2026, 9, 15, 14, 0, 0, 0, ZoneOffset.UTC), mapper);

        String json = mapper.writeValueAsString(envelope);
        // A newer producer may add fields anywhere; this consumer must still read the event.
        String withExtras = json.replaceFirst("\\{", "{\"traceparent\":\"00-abc\",")
                .replace("\"minutes\":30", "\"minutes\":30,\"futureField\":{\"x\":1}");
        EventEnvelope read = mapper.readValue(withExtras, EventEnvelope.class);

        assertEquals(envelope.id(), read.id());
        assertEquals("1.0", read.specversion());
        assertEquals("urn:iepservices:events:SessionCompleted:v1", read.dataschema());
        assertEquals(payload, read.dataAs(SessionCompleted.TYPE, mapper));
        assertEquals(List.of(), read.dataAs(SessionCompleted.TYPE, mapper).makeupFor());
    }

    @Test
    void decodingAsTheWrongTypeIsRefused() {
        EventEnvelope envelope = EventEnvelope.wrap("/test", SessionMissed.TYPE, "s",
                new SessionMissed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                        ServiceSetting.PUSH_IN, LocalDate.of(2026, 9, 17), 30, "PROVIDER_ABSENT", "OWED"),
                OffsetDateTime.now(), mapper);
        assertThrows(IllegalArgumentException.class, () -> envelope.dataAs(SessionCompleted.TYPE, mapper));
    }

    private JsonNode readSchema(EventType<?> type) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertNotNull(in, "missing schema " + type.schemaResource());
            return mapper.readTree(in);
        }
    }
}
