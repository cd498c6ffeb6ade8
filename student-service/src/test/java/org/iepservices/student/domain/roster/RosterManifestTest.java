package org.iepservices.student.domain.roster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RosterManifestTest {

    private static final List<String> HEADER = List.of("propertyName", "value");

    @Test
    void readsVersionAndModesAndTreatsUnlistedFilesAsAbsent() {
        RosterManifest m = RosterManifest.parse(HEADER, List.of(
                List.of("manifest.version", "1.0"), List.of("oneroster.version", "1.1"),
                List.of("file.orgs", "bulk"), List.of("file.users", "Delta"), List.of("file.lineItems", "bulk")));
        assertEquals(RosterVersion.V1_1, m.version().orElseThrow());
        assertEquals(ImportMode.BULK, m.modes().get(RosterFile.ORGS));
        assertEquals(ImportMode.DELTA, m.modes().get(RosterFile.USERS));
        assertEquals(ImportMode.ABSENT, m.modes().get(RosterFile.ENROLLMENTS));
        assertEquals(List.of("lineItems"), m.otherFilesWithData());
        assertTrue(m.errors().isEmpty());
    }

    @Test
    void anUnsupportedVersionOrAnUnknownModeIsAnErrorButTyposAndEmptyValuesAreWarnings() {
        RosterManifest m = RosterManifest.parse(HEADER, List.of(
                List.of("oneroster.version", "1.0"), List.of("file.orgs", "full"),
                List.of("fiel.demographics", "absent"), List.of("file.users", "")));
        assertEquals(List.of(2L, 3L), m.errors().stream().map(RowIssue::line).toList());
        assertEquals(List.of(4L, 5L), m.warnings().stream().map(RowIssue::line).toList());
        assertEquals(ImportMode.ABSENT, m.modes().get(RosterFile.USERS));
    }

    @Test
    void aManifestWithoutItsHeaderIsAnError() {
        assertFalse(RosterManifest.parse(List.of("file.orgs", "bulk"), List.of()).errors().isEmpty());
    }

    @Test
    void cedsGradesMapToStudentGrades() {
        assertEquals("K", RosterGrades.toStudentGrade(List.of("KG")));
        assertEquals("3", RosterGrades.toStudentGrade(List.of("03", "04")));
        assertEquals("PK", RosterGrades.toStudentGrade(List.of("PK")));
        assertEquals("UG", RosterGrades.toStudentGrade(List.of("13")));
        assertEquals("UG", RosterGrades.toStudentGrade(List.of()));
    }
}
