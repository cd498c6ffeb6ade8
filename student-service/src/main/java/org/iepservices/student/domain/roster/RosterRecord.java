package org.iepservices.student.domain.roster;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One valid row: the spec's fields normalised (trimmed, enumerations in the spec's spelling,
 * booleans lower case), the extension columns as given, and the status it asks for.
 */
public record RosterRecord(RosterFile file, String sourcedId, String status, OffsetDateTime dateLastModified,
                           Map<String, String> fields, Map<String, String> extensions) {

    public static final String ACTIVE = "active";
    public static final String TO_BE_DELETED = "tobedeleted";

    public String field(String column) {
        return fields.getOrDefault(column, "");
    }

    /** A multi-valued field ("a,b,c" in one quoted cell) as its values. */
    public java.util.List<String> values(String column) {
        return splitValues(field(column));
    }

    /** "a, b,c" as [a, b, c]; OneRoster puts multiple values in one quoted, comma-separated cell. */
    public static java.util.List<String> splitValues(String raw) {
        if (raw == null || raw.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
