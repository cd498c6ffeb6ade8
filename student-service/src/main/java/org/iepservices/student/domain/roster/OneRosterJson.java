package org.iepservices.student.domain.roster;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one record in the OneRoster 1.2 REST JSON shape (as a vendor pushes it) into the CSV
 * binding's columns, so a pushed record goes through exactly the checks and storage of an
 * imported row. GUIDRefs ({@code {"sourcedId": ...}}) become the CSV's *SourcedId columns, arrays
 * become comma-separated cells, {@code metadata} entries become {@code metadata.*} extensions.
 * A user's 1.2 {@code roles} array is kept apart (it becomes roles records); the 1.1 shape
 * ({@code role} + {@code orgs}) is read too. Every column remembers the JSON path it came from, so
 * a violation names the field the client sent.
 */
public final class OneRosterJson {

    /** A field of the JSON shape and the CSV column it fills. */
    private record Field(String json, String column, Kind kind) {
    }

    private enum Kind { TEXT, REF, REFS, LIST, BOOLEAN, USER_IDS }

    private static final Map<RosterFile, List<Field>> FIELDS = Map.of(
            RosterFile.ORGS, List.of(text("name"), text("type"), text("identifier"),
                    new Field("parent", "parentSourcedId", Kind.REF)),
            RosterFile.ACADEMIC_SESSIONS, List.of(text("title"), text("type"), text("startDate"), text("endDate"),
                    text("schoolYear"), new Field("parent", "parentSourcedId", Kind.REF)),
            RosterFile.COURSES, List.of(text("title"), text("courseCode"), list("grades"), list("subjects"),
                    list("subjectCodes"), new Field("schoolYear", "schoolYearSourcedId", Kind.REF),
                    new Field("org", "orgSourcedId", Kind.REF)),
            RosterFile.CLASSES, List.of(text("title"), text("classCode"), text("classType"), text("location"),
                    list("grades"), list("subjects"), list("subjectCodes"), list("periods"),
                    new Field("course", "courseSourcedId", Kind.REF), new Field("school", "schoolSourcedId", Kind.REF),
                    new Field("terms", "termSourcedIds", Kind.REFS)),
            RosterFile.USERS, List.of(text("username"), new Field("userIds", "userIds", Kind.USER_IDS),
                    new Field("enabledUser", "enabledUser", Kind.BOOLEAN), text("givenName"), text("familyName"),
                    text("middleName"), new Field("preferredFirstName", "preferredGivenName", Kind.TEXT),
                    text("preferredMiddleName"), new Field("preferredLastName", "preferredFamilyName", Kind.TEXT),
                    text("pronouns"), text("identifier"), text("email"), text("sms"), text("phone"),
                    new Field("agents", "agentSourcedIds", Kind.REFS), list("grades"), text("password"),
                    text("userMasterIdentifier"), new Field("primaryOrg", "primaryOrgSourcedId", Kind.REF),
                    text("role"), new Field("orgs", "orgSourcedIds", Kind.REFS)),
            RosterFile.DEMOGRAPHICS, List.of(text("birthDate"), text("sex"),
                    bool("americanIndianOrAlaskaNative"), bool("asian"), bool("blackOrAfricanAmerican"),
                    bool("nativeHawaiianOrOtherPacificIslander"), bool("white"), bool("demographicRaceTwoOrMoreRaces"),
                    bool("hispanicOrLatinoEthnicity"), text("countryOfBirthCode"), text("stateOfBirthAbbreviation"),
                    text("cityOfBirth"), text("publicSchoolResidenceStatus")),
            RosterFile.ENROLLMENTS, List.of(new Field("user", "userSourcedId", Kind.REF),
                    new Field("class", "classSourcedId", Kind.REF), new Field("school", "schoolSourcedId", Kind.REF),
                    text("role"), bool("primary"), text("beginDate"), text("endDate")));

    /** A 1.2 role of a pushed user, with the JSON path of the entry. */
    public record Role(String path, String roleType, String role, String orgSourcedId, String beginDate,
                       String endDate) {
    }

    /**
     * The record read: CSV columns and values (status and dateLastModified included), the extensions,
     * the user's 1.2 roles (empty for others), the JSON path of each column, and the shape errors
     * found (a field of the wrong JSON type), as JSON path → message.
     */
    public record Read(String prefix, Map<String, String> columns, Map<String, String> extensions, List<Role> roles,
                       boolean hasRoles, Map<String, String> paths, Map<String, String> errors) {

        /** The JSON path a CSV column came from, for violations. */
        public String path(String column) {
            return paths.getOrDefault(column, prefix + column);
        }
    }

    private OneRosterJson() {
    }

    /** The JSON envelope key of one record of a file: {@code user}, {@code class}, {@code academicSession}... */
    public static String singular(RosterFile file) {
        return switch (file) {
            case ORGS -> "org";
            case ACADEMIC_SESSIONS -> "academicSession";
            case COURSES -> "course";
            case CLASSES -> "class";
            case USERS -> "user";
            case ROLES -> "role";
            case DEMOGRAPHICS -> "demographics";
            case ENROLLMENTS -> "enrollment";
        };
    }

    /**
     * Reads {@code body}: either the record itself or wrapped as {@code {"user": {...}}}.
     * Returns empty when the body is not a JSON object at all.
     */
    public static Optional<Read> read(RosterFile file, JsonNode body) {
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        String wrapper = singular(file);
        JsonNode record = body.size() == 1 && body.has(wrapper) ? body.get(wrapper) : body;
        if (!record.isObject()) {
            return Optional.empty();
        }
        String prefix = record == body ? "" : wrapper + ".";
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> extensions = new LinkedHashMap<>();
        List<Role> roles = new ArrayList<>();

        List<Field> fields = new ArrayList<>(List.of(text("sourcedId"), text("status"), text("dateLastModified")));
        fields.addAll(FIELDS.get(file));
        for (Field field : fields) {
            JsonNode value = record.get(field.json());
            String path = prefix + field.json();
            paths.put(field.column(), path + (field.kind() == Kind.REF ? ".sourcedId" : ""));
            if (value == null || value.isNull()) {
                continue;
            }
            String cell = switch (field.kind()) {
                case TEXT -> scalar(value, path, errors);
                case BOOLEAN -> value.isBoolean() ? Boolean.toString(value.booleanValue()) : scalar(value, path, errors);
                case REF -> ref(value, path, errors);
                case REFS, LIST, USER_IDS -> list(value, field.kind(), path, errors);
            };
            if (cell != null && !cell.isEmpty()) {
                columns.put(field.column(), cell);
            }
        }
        JsonNode metadata = record.get("metadata");
        if (metadata != null && metadata.isObject()) {
            metadata.fields().forEachRemaining(e -> extensions.put("metadata." + e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        } else if (metadata != null && !metadata.isNull()) {
            errors.put(prefix + "metadata", "must be an object");
        }
        JsonNode roleArray = record.get("roles");
        boolean hasRoles = file == RosterFile.USERS && roleArray != null && !roleArray.isNull();
        if (hasRoles) {
            if (!roleArray.isArray()) {
                errors.put(prefix + "roles", "must be an array of roles");
            } else {
                for (int i = 0; i < roleArray.size(); i++) {
                    String path = prefix + "roles[" + i + "]";
                    JsonNode role = roleArray.get(i);
                    if (!role.isObject()) {
                        errors.put(path, "must be an object with roleType, role and org");
                        continue;
                    }
                    roles.add(new Role(path, scalar(role.path("roleType"), path + ".roleType", errors),
                            scalar(role.path("role"), path + ".role", errors),
                            ref(role.path("org"), path + ".org", errors),
                            scalar(role.path("beginDate"), path + ".beginDate", errors),
                            scalar(role.path("endDate"), path + ".endDate", errors)));
                }
            }
        }
        return Optional.of(new Read(prefix, columns, extensions, roles, hasRoles, paths, errors));
    }

    private static String scalar(JsonNode value, String path, Map<String, String> errors) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (!value.isValueNode()) {
            errors.put(path, "must be a " + (value.isArray() ? "single value, not an array" : "value, not an object"));
            return "";
        }
        return value.asText().trim();
    }

    private static String ref(JsonNode value, String path, Map<String, String> errors) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isObject()) {
            return scalar(value.path("sourcedId"), path + ".sourcedId", errors);
        }
        if (value.isTextual()) {
            return value.asText().trim(); // tolerated: a bare sourcedId
        }
        errors.put(path, "must be a reference such as {\"sourcedId\": \"...\"}");
        return "";
    }

    private static String list(JsonNode value, Kind kind, String path, Map<String, String> errors) {
        if (value.isTextual()) {
            return value.asText().trim(); // tolerated: already "a,b,c"
        }
        if (!value.isArray()) {
            errors.put(path, "must be an array");
            return "";
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path + "[" + i + "]";
            String cell = switch (kind) {
                case REFS -> ref(item, itemPath, errors);
                case USER_IDS -> item.isObject()
                        ? "{" + scalar(item.path("type"), itemPath + ".type", errors) + ":"
                        + scalar(item.path("identifier"), itemPath + ".identifier", errors) + "}"
                        : scalar(item, itemPath, errors);
                default -> scalar(item, itemPath, errors);
            };
            if (cell.contains(",")) {
                errors.put(itemPath, "must not contain a comma");
            } else if (!cell.isEmpty()) {
                items.add(cell);
            }
        }
        return String.join(",", items);
    }

    private static Field text(String name) {
        return new Field(name, name, Kind.TEXT);
    }

    private static Field bool(String name) {
        return new Field(name, name, Kind.BOOLEAN);
    }

    private static Field list(String name) {
        return new Field(name, name, Kind.LIST);
    }
}
