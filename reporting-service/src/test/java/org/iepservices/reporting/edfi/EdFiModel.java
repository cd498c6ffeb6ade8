package org.iepservices.reporting.edfi;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Ed-Fi Data Standard 6.1 Special Education Data Model (early access) requires of the four
 * resources we send, written down independently of the production mapping from the model's property
 * tables (docs.ed-fi.org, "Special Education Data Model Domain - Model Diagrams": identity and
 * required properties, types and lengths) and the ODS's column types (Ed-Fi-ODS sedm tables:
 * EducationOrganizationId BIGINT, StudentUniqueId VARCHAR(32)). A test's oracle: the stub ODS refuses
 * a record with a violation (400), and the export test asserts there are none.
 */
public final class EdFiModel {

    private EdFiModel() {
    }

    private static final Set<String> STUDENT_IEP = Set.of("studentIEPIdentifier", "iepFinalizedDate",
            "educationOrganizationReference", "studentReference", "iepBeginDate", "iepEndDate", "iepStatusDescriptor",
            "iepAmendedDate", "accommodations", "disabilities", "ideaEvents", "medicallyFragile", "multiplyDisabled",
            "reasonExitedDescriptor", "schoolHoursPerWeek", "specialEducationHoursPerWeek",
            "specialEducationSettingDescriptor");
    private static final Set<String> PRESCRIPTION = Set.of("studentIEPReference", "servicePrescriptionDescriptor",
            "servicePrescriptionDate", "beginDate", "duration", "durationIntervalDescriptor", "frequency",
            "frequencyIntervalDescriptor", "serviceLocationTypeDescriptor", "ideaEvents", "endDate", "staffs");
    private static final Set<String> DELIVERY = Set.of("studentIEPReference", "iepServiceDeliveryIdentifier",
            "serviceDeliveryDescriptor", "serviceDeliveryDate", "ideaEvents", "providers",
            "studentIEPServicePrescriptionReference");
    private static final Set<String> GOAL = Set.of("studentIEPReference", "iepGoalIdentifier", "iepGoalDetails",
            "iepGoalTypeDescriptor", "goalAchievementPeriod", "ideaEvents");
    public static final Map<String, Set<String>> PROPERTIES = Map.of("studentIEPs", STUDENT_IEP,
            "studentIEPServicePrescriptions", PRESCRIPTION, "studentIEPServiceDeliveries", DELIVERY,
            "studentIEPGoals", GOAL);

    /**
     * Every violation of the model in {@code record} of {@code resource}; {@code allowExtension} accepts
     * an {@code _ext} object (the export has one; a stock ODS has no such extension).
     */
    public static List<String> violations(String resource, JsonNode record, boolean allowExtension) {
        List<String> v = new ArrayList<>();
        Set<String> known = PROPERTIES.get(resource);
        if (known == null) {
            v.add("unknown resource " + resource);
            return v;
        }
        for (Iterator<String> it = record.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field) && !(allowExtension && field.equals("_ext"))) {
                v.add(field + " is not a property of " + resource);
            }
        }
        switch (resource) {
            case "studentIEPs" -> {
                string(v, record, "studentIEPIdentifier", 120);
                date(v, record, "iepFinalizedDate");
                integer(v, record.path("educationOrganizationReference"), "educationOrganizationId",
                        "educationOrganizationReference.");
                string(v, record.path("studentReference"), "studentUniqueId", 32, "studentReference.");
                date(v, record, "iepBeginDate");
                date(v, record, "iepEndDate");
                descriptor(v, record, "iepStatusDescriptor");
            }
            case "studentIEPServicePrescriptions" -> {
                iepReference(v, record);
                descriptor(v, record, "servicePrescriptionDescriptor");
                date(v, record, "servicePrescriptionDate");
                date(v, record, "beginDate");
                integer(v, record, "duration", "");
                number(v, record, "frequency");
                descriptor(v, record, "durationIntervalDescriptor");
                descriptor(v, record, "frequencyIntervalDescriptor");
                descriptor(v, record, "serviceLocationTypeDescriptor");
                for (JsonNode staff : record.path("staffs")) {
                    string(v, staff.path("staffReference"), "staffUniqueId", 32, "staffs[].staffReference.");
                }
            }
            case "studentIEPServiceDeliveries" -> {
                iepReference(v, record);
                string(v, record, "iepServiceDeliveryIdentifier", 120);
                descriptor(v, record, "serviceDeliveryDescriptor");
                date(v, record, "serviceDeliveryDate");
                for (JsonNode provider : record.path("providers")) {
                    string(v, provider, "firstName", 75, "providers[].");
                    string(v, provider, "lastSurname", 75, "providers[].");
                }
                JsonNode p = record.path("studentIEPServicePrescriptionReference");
                if (!p.isMissingNode() && !p.isNull()) {
                    String at = "studentIEPServicePrescriptionReference.";
                    integer(v, p, "educationOrganizationId", at);
                    date(v, p, "iepFinalizedDate", at);
                    string(v, p, "studentIEPIdentifier", 120, at);
                    string(v, p, "studentUniqueId", 32, at);
                    descriptor(v, p, "servicePrescriptionDescriptor", at);
                    date(v, p, "servicePrescriptionDate", at);
                }
            }
            case "studentIEPGoals" -> {
                iepReference(v, record);
                string(v, record, "iepGoalIdentifier", 120);
                string(v, record, "iepGoalDetails", 2048);
                descriptor(v, record, "iepGoalTypeDescriptor");
            }
            default -> {
            }
        }
        return v;
    }

    private static void iepReference(List<String> v, JsonNode record) {
        JsonNode ref = record.path("studentIEPReference");
        String at = "studentIEPReference.";
        if (ref.isMissingNode() || ref.isNull()) {
            v.add(at + " is required");
            return;
        }
        integer(v, ref, "educationOrganizationId", at);
        date(v, ref, "iepFinalizedDate", at);
        string(v, ref, "studentIEPIdentifier", 120, at);
        string(v, ref, "studentUniqueId", 32, at);
    }

    private static void string(List<String> v, JsonNode node, String field, int max) {
        string(v, node, field, max, "");
    }

    private static void string(List<String> v, JsonNode node, String field, int max, String at) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            v.add(at + field + " is required");
        } else if (value.asText().length() > max) {
            v.add(at + field + " is longer than " + max);
        }
    }

    private static void date(List<String> v, JsonNode node, String field) {
        date(v, node, field, "");
    }

    private static void date(List<String> v, JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            v.add(at + field + " is required");
            return;
        }
        try {
            LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            v.add(at + field + " is not a date");
        }
    }

    private static void integer(List<String> v, JsonNode node, String field, String at) {
        if (!node.path(field).isIntegralNumber()) {
            v.add(at + field + " is required" + (node.has(field) && !node.path(field).isNull() ? " (an integer)" : ""));
        }
    }

    private static void number(List<String> v, JsonNode node, String field) {
        if (!node.path(field).isNumber()) {
            v.add(field + " is required");
        }
    }

    private static void descriptor(List<String> v, JsonNode node, String field) {
        descriptor(v, node, field, "");
    }

    private static void descriptor(List<String> v, JsonNode node, String field, String at) {
        String value = node.path(field).asText("");
        if (!value.startsWith("uri://") || !value.contains("#") || value.endsWith("#")) {
            v.add(at + field + " is required (uri://<namespace>/<Descriptor>#<CodeValue>)");
        }
    }
}
