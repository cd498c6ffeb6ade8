package org.iepservices.student.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iepservices.student.domain.roster.RosterRecord;
import org.iepservices.student.repository.OneRosterCollection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes rows of a {@link OneRosterCollection} in the OneRoster 1.2 JSON shape: GUIDRefs with
 * href, sourcedId and type; arrays for grades, subjects, terms, roles; metadata from the
 * extension columns; absent values left out.
 */
final class OneRosterJsonMapper {

    /** The top-level fields each collection's records have: what {@code fields=} may select. */
    static final Map<OneRosterCollection, Set<String>> SELECTABLE = Map.of(
            OneRosterCollection.ORGS, Set.of("sourcedId", "status", "dateLastModified", "metadata", "name", "type",
                    "identifier", "parent", "children"),
            OneRosterCollection.ACADEMIC_SESSIONS, Set.of("sourcedId", "status", "dateLastModified", "metadata",
                    "title", "startDate", "endDate", "type", "parent", "children", "schoolYear"),
            OneRosterCollection.COURSES, Set.of("sourcedId", "status", "dateLastModified", "metadata", "title",
                    "schoolYear", "courseCode", "grades", "subjects", "org", "subjectCodes"),
            OneRosterCollection.CLASSES, Set.of("sourcedId", "status", "dateLastModified", "metadata", "title",
                    "classCode", "classType", "location", "grades", "subjects", "course", "school", "terms",
                    "subjectCodes", "periods"),
            OneRosterCollection.USERS, Set.of("sourcedId", "status", "dateLastModified", "metadata",
                    "userMasterIdentifier", "username", "userIds", "enabledUser", "givenName", "familyName",
                    "middleName", "preferredFirstName", "preferredMiddleName", "preferredLastName", "pronouns", "roles",
                    "identifier", "email", "sms", "phone", "agents", "grades"),
            OneRosterCollection.ENROLLMENTS, Set.of("sourcedId", "status", "dateLastModified", "metadata", "user",
                    "class", "school", "role", "primary", "beginDate", "endDate"));

    private final ObjectMapper mapper;
    private final String base;

    /** @param base the absolute URL of the rostering API, for hrefs */
    OneRosterJsonMapper(ObjectMapper mapper, String base) {
        this.mapper = mapper;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    ObjectNode write(OneRosterCollection collection, Map<String, Object> row, Set<String> fields) {
        ObjectNode node = mapper.createObjectNode();
        text(node, "sourcedId", row.get("sourcedId"));
        text(node, "status", row.get("status"));
        if (row.get("dateLastModified") instanceof OffsetDateTime modified) {
            node.put("dateLastModified", DateTimeFormatter.ISO_INSTANT.format(modified.toInstant()));
        }
        metadata(node, (String) row.get("_metadata"));
        switch (collection) {
            case ORGS -> {
                text(node, "name", row.get("name"));
                text(node, "type", row.get("type"));
                text(node, "identifier", row.get("identifier"));
                ref(node, "parent", "orgs", "org", row.get("parentSourcedId"));
                refs(node, "children", "orgs", "org", row.get("_children"));
            }
            case ACADEMIC_SESSIONS -> {
                text(node, "title", row.get("title"));
                date(node, "startDate", row.get("startDate"));
                date(node, "endDate", row.get("endDate"));
                text(node, "type", row.get("type"));
                ref(node, "parent", "academicSessions", "academicSession", row.get("parentSourcedId"));
                refs(node, "children", "academicSessions", "academicSession", row.get("_children"));
                text(node, "schoolYear", row.get("schoolYear"));
            }
            case COURSES -> {
                text(node, "title", row.get("title"));
                ref(node, "schoolYear", "academicSessions", "academicSession", row.get("schoolYearSourcedId"));
                text(node, "courseCode", row.get("courseCode"));
                list(node, "grades", row.get("_grades"));
                list(node, "subjects", row.get("_subjects"));
                ref(node, "org", "orgs", "org", row.get("orgSourcedId"));
                list(node, "subjectCodes", row.get("_subjectCodes"));
            }
            case CLASSES -> {
                text(node, "title", row.get("title"));
                text(node, "classCode", row.get("classCode"));
                text(node, "classType", row.get("classType"));
                text(node, "location", row.get("location"));
                list(node, "grades", row.get("_grades"));
                list(node, "subjects", row.get("_subjects"));
                ref(node, "course", "courses", "course", row.get("courseSourcedId"));
                ref(node, "school", "schools", "org", row.get("schoolSourcedId"));
                refs(node, "terms", "academicSessions", "academicSession", row.get("_terms"));
                list(node, "subjectCodes", row.get("_subjectCodes"));
                list(node, "periods", row.get("_periods"));
            }
            case USERS -> user(node, row);
            case ENROLLMENTS -> {
                ref(node, "user", "users", "user", row.get("userSourcedId"));
                ref(node, "class", "classes", "class", row.get("classSourcedId"));
                ref(node, "school", "schools", "org", row.get("schoolSourcedId"));
                text(node, "role", row.get("role"));
                node.put("primary", Boolean.TRUE.equals(row.get("primary")));
                date(node, "beginDate", row.get("beginDate"));
                date(node, "endDate", row.get("endDate"));
            }
        }
        if (fields != null) {
            node.retain(fields);
        }
        return node;
    }

    private void user(ObjectNode node, Map<String, Object> row) {
        text(node, "userMasterIdentifier", row.get("userMasterIdentifier"));
        text(node, "username", row.get("username"));
        ArrayNode userIds = node.putArray("userIds");
        for (String id : RosterRecord.splitValues((String) row.get("_userIds"))) {
            String inner = id.replaceAll("^\\{|}$", "");
            int colon = inner.indexOf(':');
            ObjectNode entry = userIds.addObject();
            entry.put("type", colon < 0 ? "" : inner.substring(0, colon));
            entry.put("identifier", colon < 0 ? inner : inner.substring(colon + 1));
        }
        node.put("enabledUser", !Boolean.FALSE.equals(row.get("enabledUser")));
        text(node, "givenName", row.get("givenName"));
        text(node, "familyName", row.get("familyName"));
        text(node, "middleName", row.get("middleName"));
        text(node, "preferredFirstName", row.get("preferredFirstName"));
        text(node, "preferredMiddleName", row.get("preferredMiddleName"));
        text(node, "preferredLastName", row.get("preferredLastName"));
        text(node, "pronouns", row.get("pronouns"));
        ArrayNode roles = node.putArray("roles");
        @SuppressWarnings("unchecked")
        List<String> orgs = row.get("_orgs") instanceof List<?> l ? (List<String>) l : List.of();
        String role = roleOf((String) row.get("role"), orgs);
        for (int i = 0; i < orgs.size(); i++) {
            ObjectNode entry = roles.addObject();
            entry.put("roleType", i == 0 ? "primary" : "secondary");
            entry.put("role", role);
            entry.set("org", guidRef("orgs", "org", orgs.get(i)));
        }
        text(node, "identifier", row.get("identifier"));
        text(node, "email", row.get("email"));
        text(node, "sms", row.get("sms"));
        text(node, "phone", row.get("phone"));
        refs(node, "agents", "users", "user", RosterRecord.splitValues((String) row.get("_agents")));
        list(node, "grades", row.get("_grades"));
    }

    /** OneRoster 1.1's "administrator" has no 1.2 equivalent of the same name: site or district level. */
    private static String roleOf(String role, List<String> orgs) {
        return "administrator".equals(role) ? (orgs.isEmpty() ? "districtAdministrator" : "siteAdministrator") : role;
    }

    private ObjectNode guidRef(String path, String type, String sourcedId) {
        ObjectNode ref = mapper.createObjectNode();
        ref.put("href", base + "/" + path + "/" + sourcedId);
        ref.put("sourcedId", sourcedId);
        ref.put("type", type);
        return ref;
    }

    private void ref(ObjectNode node, String name, String path, String type, Object sourcedId) {
        if (sourcedId instanceof String id && !id.isEmpty()) {
            node.set(name, guidRef(path, type, id));
        }
    }

    private void refs(ObjectNode node, String name, String path, String type, Object sourcedIds) {
        if (sourcedIds instanceof List<?> ids && !ids.isEmpty()) {
            ArrayNode array = node.putArray(name);
            ids.forEach(id -> array.add(guidRef(path, type, String.valueOf(id))));
        }
    }

    private static void list(ObjectNode node, String name, Object values) {
        List<?> items = values instanceof List<?> l ? l
                : values instanceof String s ? RosterRecord.splitValues(s) : List.of();
        if (!items.isEmpty()) {
            ArrayNode array = node.putArray(name);
            items.forEach(v -> array.add(String.valueOf(v)));
        }
    }

    private static void text(ObjectNode node, String name, Object value) {
        if (value instanceof String s && !s.isEmpty()) {
            node.put(name, s);
        }
    }

    private static void date(ObjectNode node, String name, Object value) {
        if (value instanceof LocalDate d) {
            node.put(name, d.toString());
        }
    }

    /** metadata.* extension columns become metadata entries; other extensions (ext_*) keep their name. */
    private void metadata(ObjectNode node, String extensions) {
        if (extensions == null || extensions.equals("{}")) {
            return;
        }
        try {
            JsonNode ext = mapper.readTree(extensions);
            ObjectNode metadata = mapper.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = ext.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                String key = e.getKey().startsWith("metadata.") ? e.getKey().substring("metadata.".length()) : e.getKey();
                metadata.set(key, e.getValue());
            }
            if (!metadata.isEmpty()) {
                node.set("metadata", metadata);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable extensions", e);
        }
    }
}
