package org.iepservices.webhooks.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iepservices.events.ComplianceStatusChanged;
import org.iepservices.events.EventType;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepEnded;
import org.iepservices.events.RosterImportCompleted;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events districts may subscribe to, and the fields of each that a webhook carries. A webhook is a thin
 * notification: ids, dates, minutes and statuses, never clinical content (goal data, progress notes, debrief
 * notes, IEP goals and mandate details, who entered a miss). A receiver that needs more reads it through the REST
 * APIs with a token of its own, where role scoping and the access audit apply. Fields not listed here are
 * dropped, so a field added to an event later stays internal until it is listed.
 */
public final class WebhookEventTypes {

    /** One subscribable type: its name, what it means, the data fields a webhook carries. */
    public record WebhookEventType(String type, String description, List<String> fields) {
    }

    private static final Map<String, WebhookEventType> TYPES = new LinkedHashMap<>();

    static {
        add(SessionCompleted.TYPE, "A session log was completed (signed): one event per student credited with minutes.",
                "sessionLogId", "studentId", "mandateId", "providerId", "setting", "sessionDate", "minutes", "makeupFor",
                "occurrenceId", "serviceType", "format", "startTime", "endTime", "attendance");
        add(SessionMissed.TYPE, "A scheduled session a student did not receive, with the makeup policy's verdict.",
                "missId", "studentId", "mandateId", "providerId", "setting", "sessionDate", "minutes", "reason", "owed",
                "occurrenceId", "origin");
        add(IepActivated.TYPE, "An IEP (or a new version of it) took effect.",
                "iepId", "studentId", "supersedesIepId", "effectiveFrom", "endDate");
        add(IepEnded.TYPE, "An IEP stopped being in force.",
                "iepId", "studentId", "endedOn");
        add(ComplianceStatusChanged.TYPE, "A student x service x period changed compliance status "
                        + "(e.g. ON_TRACK to AT_RISK, AT_RISK to OUT_OF_COMPLIANCE).",
                "studentId", "districtId", "schoolId", "chainId", "mandateId", "serviceType", "providerId", "interval",
                "periodStart", "periodEnd", "previousStatus", "status", "mandatedMinutes", "deliveredMinutes",
                "evaluatedOn");
        add(RosterImportCompleted.TYPE, "A OneRoster import was applied: counts, source, district.",
                "importId", "districtId", "source", "outcome", "version", "receivedAt", "completedAt", "rows", "inserted",
                "updated", "unchanged", "deactivated", "rejected", "errorCount", "warningCount");
    }

    private WebhookEventTypes() {
    }

    private static void add(EventType<?> type, String description, String... fields) {
        TYPES.put(type.name(), new WebhookEventType(type.name(), description, List.of(fields)));
    }

    public static List<WebhookEventType> all() {
        return List.copyOf(TYPES.values());
    }

    public static Optional<WebhookEventType> of(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    public static boolean subscribable(String type) {
        return TYPES.containsKey(type);
    }

    /** The event's data cut to the public fields of its type (an empty object for a type nobody may subscribe to). */
    public static ObjectNode publicData(String type, JsonNode data, com.fasterxml.jackson.databind.node.JsonNodeFactory nodes) {
        ObjectNode out = nodes.objectNode();
        WebhookEventType s = TYPES.get(type);
        if (s == null || data == null || !data.isObject()) {
            return out;
        }
        for (String field : s.fields()) {
            JsonNode value = data.get(field);
            if (value != null) {
                out.set(field, value);
            }
        }
        return out;
    }
}
