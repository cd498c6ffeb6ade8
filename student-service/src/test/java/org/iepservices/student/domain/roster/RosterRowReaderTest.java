package org.iepservices.student.domain.roster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RosterRowReaderTest {

    private static final List<String> SESSIONS_HEADER = List.of("sourcedId", "status", "dateLastModified", "title",
            "type", "startDate", "endDate", "parentSourcedId", "schoolYear");

    private RosterRowReader reader(RosterFile file, List<String> header, ImportMode mode) {
        return new RosterRowReader(RosterHeader.of(file, RosterVersion.V1_1, header), RosterVersion.V1_1, mode);
    }

    @Test
    void aNonIsoDateRejectsTheRowNamingLineAndColumn() {
        RosterRowReader.Result result = reader(RosterFile.ACADEMIC_SESSIONS, SESSIONS_HEADER, ImportMode.BULK)
                .read(3, List.of("as-1", "", "", "Fall", "term", "15/06/2023", "2023-12-20", "", "2024"));
        assertTrue(result.rejected());
        assertEquals(List.of(new RowIssue("academicSessions.csv", 3L, "startDate",
                "'15/06/2023' is not an ISO date (YYYY-MM-DD)")), result.errors());
    }

    @Test
    void enumerationsAreMatchedInAnyCaseAndStoredInTheSpecsSpelling() {
        RosterRowReader.Result result = reader(RosterFile.ACADEMIC_SESSIONS, SESSIONS_HEADER, ImportMode.BULK)
                .read(2, List.of("as-1", "", "", "2024", "SCHOOLYEAR", "2023-08-20", "2024-06-10", "", "2024"));
        assertFalse(result.rejected());
        assertEquals("schoolYear", result.record().field("type"));
        assertEquals(RosterRecord.ACTIVE, result.record().status());
    }

    @Test
    void anUnknownEnumerationValueIsRejectedButTheSpecsExtensionPrefixIsAccepted() {
        List<String> header = List.of("sourcedId", "name", "type");
        assertTrue(reader(RosterFile.ORGS, header, ImportMode.BULK).read(2, List.of("o1", "North", "campus")).rejected());
        assertFalse(reader(RosterFile.ORGS, header, ImportMode.BULK).read(2, List.of("o1", "North", "ext:campus")).rejected());
    }

    @Test
    void deltaRowsMustCarryTheirStatusAndBulkRowsWithAStatusAreWarnedAbout() {
        List<String> header = List.of("sourcedId", "status", "dateLastModified", "name", "type");
        RosterRowReader.Result delta = reader(RosterFile.ORGS, header, ImportMode.DELTA)
                .read(2, List.of("o1", "", "2026-08-01T00:00:00Z", "North", "school"));
        assertTrue(delta.rejected());
        assertEquals("status", delta.errors().get(0).column());

        RosterRowReader.Result bulk = reader(RosterFile.ORGS, header, ImportMode.BULK)
                .read(2, List.of("o1", "tobedeleted", "", "North", "school"));
        assertFalse(bulk.rejected());
        assertEquals(RosterRecord.TO_BE_DELETED, bulk.record().status());
        assertEquals("status", bulk.warnings().get(0).column());
    }

    @Test
    void requiredFieldsAndBadDateTimesAreRowErrors() {
        List<String> header = List.of("sourcedId", "status", "dateLastModified", "name", "type");
        RosterRowReader.Result result = reader(RosterFile.ORGS, header, ImportMode.DELTA)
                .read(4, List.of("o1", "active", "1/05/2023", "", "school"));
        assertEquals(List.of("name", "dateLastModified"), result.errors().stream().map(RowIssue::column).toList());
    }

    @Test
    void dateOnlyModificationTimesAreReadAsMidnightUtc() {
        assertEquals(java.time.OffsetDateTime.parse("2023-05-01T00:00:00Z"), RosterRowReader.instant("2023-05-01"));
        assertNull(RosterRowReader.instant("2023-05-01 08:01:05"));
    }

    @Test
    void shortRowsAreReadAsEmptyTrailingFieldsAndLongRowsAreRejected() {
        List<String> header = List.of("sourcedId", "name", "type", "identifier");
        assertFalse(reader(RosterFile.ORGS, header, ImportMode.BULK).read(2, List.of("o1", "North", "school")).rejected());
        assertTrue(reader(RosterFile.ORGS, header, ImportMode.BULK)
                .read(2, List.of("o1", "North", "school", "x", "extra")).rejected());
    }

    @Test
    void extensionAndUnknownColumnsAreKeptWithTheRecord() {
        RosterHeader header = RosterHeader.of(RosterFile.USERS, RosterVersion.V1_1, List.of("\uFEFFsourcedId",
                "enabledUser", "orgSourcedIds", "role", "username", "givenName", "familyName",
                "metadata.phoneticGivenName", "prefferedGivenName"));
        assertEquals(List.of("prefferedGivenName"), header.unknown());
        assertTrue(header.missingRequired().isEmpty());
        RosterRowReader.Result result = new RosterRowReader(header, RosterVersion.V1_1, ImportMode.BULK)
                .read(2, List.of("u1", "TRUE", "sch-1", "Student", "ana", "Ana", "Lee", "アナ", "Annie"));
        assertEquals("true", result.record().field("enabledUser"));
        assertEquals("student", result.record().field("role"));
        assertEquals("アナ", result.record().extensions().get("metadata.phoneticGivenName"));
        assertEquals("Annie", result.record().extensions().get("prefferedGivenName"));
    }

    @Test
    void requiredColumnsDependOnTheVersion() {
        List<String> v12Users = List.of("sourcedId", "enabledUser", "username", "givenName", "familyName");
        assertEquals(List.of("orgSourcedIds", "role"),
                RosterHeader.of(RosterFile.USERS, RosterVersion.V1_1, v12Users).missingRequired());
        assertTrue(RosterHeader.of(RosterFile.USERS, RosterVersion.V1_2, v12Users).missingRequired().isEmpty());
    }
}
