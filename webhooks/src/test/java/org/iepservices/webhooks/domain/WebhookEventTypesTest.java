package org.iepservices.webhooks.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iepservices.events.EventCatalog;
import org.iepservices.events.EventType;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WebhookEventTypesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void clinicalFieldsNeverLeave() throws Exception {
        JsonNode data = mapper.readTree("""
                {"sessionLogId":"a","studentId":"s","minutes":30,"progressNote":"struggled with /r/",
                 "goalData":[{"note":"x"}],"pushIn":{"teacherDebriefNote":"y"}}""");
        JsonNode out = WebhookEventTypes.publicData("SessionCompleted", data, mapper.getNodeFactory());
        assertEquals(mapper.readTree("{\"sessionLogId\":\"a\",\"studentId\":\"s\",\"minutes\":30}"), out);
        assertEquals(0, WebhookEventTypes.publicData("StudentUpserted", data, mapper.getNodeFactory()).size());
        List<String> iep = WebhookEventTypes.of("IepActivated").orElseThrow().fields();
        assertFalse(iep.contains("goals") || iep.contains("mandates"));
        assertFalse(WebhookEventTypes.of("SessionMissed").orElseThrow().fields().contains("note"));
    }

    @Test
    void everyListedFieldExistsInTheContract() {
        for (WebhookEventTypes.WebhookEventType s : WebhookEventTypes.all()) {
            EventType<?> type = EventCatalog.byName(s.type()).orElseThrow(() -> new AssertionError(s.type()));
            List<String> components = Arrays.stream(type.payloadClass().getRecordComponents())
                    .map(RecordComponent::getName).toList();
            for (String field : s.fields()) {
                assertTrue(components.contains(field), s.type() + "." + field);
            }
        }
    }
}
