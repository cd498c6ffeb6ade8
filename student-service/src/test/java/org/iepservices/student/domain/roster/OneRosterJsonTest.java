package org.iepservices.student.domain.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class OneRosterJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private OneRosterJson.Read read(RosterFile file, String json) throws Exception {
        JsonNode node = mapper.readTree(json);
        return OneRosterJson.read(file, node).orElseThrow();
    }

    @Test
    void aWrappedClassBecomesTheCsvColumns() throws Exception {
        OneRosterJson.Read read = read(RosterFile.CLASSES, """
                {"class": {"sourcedId": "c1", "title": "Room 7", "classType": "homeroom", "grades": ["02", "03"],
                 "course": {"href": "x", "sourcedId": "crs1", "type": "course"}, "school": {"sourcedId": "s1"},
                 "terms": [{"sourcedId": "t1"}, {"sourcedId": "t2"}], "periods": ["1"],
                 "metadata": {"room": "12", "flags": {"a": 1}}}}""");
        assertEquals(Map.of("sourcedId", "c1", "title", "Room 7", "classType", "homeroom", "grades", "02,03",
                "courseSourcedId", "crs1", "schoolSourcedId", "s1", "termSourcedIds", "t1,t2", "periods", "1"),
                read.columns());
        assertEquals(Map.of("metadata.room", "12", "metadata.flags", "{\"a\":1}"), read.extensions());
        assertEquals("class.course.sourcedId", read.path("courseSourcedId"));
        assertEquals("class.terms", read.path("termSourcedIds"));
        assertTrue(read.errors().isEmpty());
    }

    @Test
    void aUserKeepsItsRolesApartAndItsIdsInTheCsvForm() throws Exception {
        OneRosterJson.Read read = read(RosterFile.USERS, """
                {"username": "ivy", "enabledUser": true, "givenName": "Ivy", "familyName": "Chen",
                 "preferredFirstName": "Iv", "userIds": [{"type": "SIS", "identifier": "42"}],
                 "roles": [{"roleType": "primary", "role": "student", "org": {"sourcedId": "s1"}}]}""");
        assertEquals("true", read.columns().get("enabledUser"));
        assertEquals("Iv", read.columns().get("preferredGivenName"), "the CSV's name for it");
        assertEquals("{SIS:42}", read.columns().get("userIds"));
        assertTrue(read.hasRoles());
        assertEquals(new OneRosterJson.Role("roles[0]", "primary", "student", "s1", "", ""), read.roles().get(0));
        assertEquals("preferredFirstName", read.path("preferredGivenName"));
    }

    @Test
    void wrongJsonTypesAreReportedByPath() throws Exception {
        OneRosterJson.Read read = read(RosterFile.ENROLLMENTS, """
                {"enrollment": {"user": 5, "class": {"sourcedId": ["x"]}, "role": {"a": 1}, "primary": "yes"}}""");
        assertEquals("must be a reference such as {\"sourcedId\": \"...\"}", read.errors().get("enrollment.user"));
        assertTrue(read.errors().containsKey("enrollment.class.sourcedId"));
        assertTrue(read.errors().containsKey("enrollment.role"));
        assertEquals("yes", read.columns().get("primary"), "left for the row checks to refuse");
        assertTrue(OneRosterJson.read(RosterFile.USERS, mapper.readTree("[1]")).isEmpty());
    }
}
