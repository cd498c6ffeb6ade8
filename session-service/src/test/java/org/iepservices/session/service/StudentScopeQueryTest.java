package org.iepservices.session.service;

import org.iepservices.access.StudentScope;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudentScopeQueryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 15);

    @Test
    void aDistrictAdminWithoutDistrictSeesEveryoneAndWithOneOnlyItsSchoolsStudents() {
        StudentScopeQuery all = StudentScopeQuery.of(new StudentScope.District(null), TODAY);
        assertTrue(all.everyone());
        assertEquals("1 = 1", all.condition("s.studentId"));

        UUID district = UUID.randomUUID();
        StudentScopeQuery one = StudentScopeQuery.of(new StudentScope.District(district), TODAY);
        assertFalse(one.everyone());
        assertFalse(one.nobody());
        assertTrue(one.condition("s.studentId").startsWith("(s.studentId in (select scopeStudent.studentId"));
        assertTrue(one.condition("s.studentId").contains("scopeSchool.districtId = :scopeDistrict"));
        assertEquals(district, one.parameters().get("scopeDistrict"));
    }

    @Test
    void aSchoolAdminWithoutSchoolsSeesNobody() {
        StudentScopeQuery none = StudentScopeQuery.of(new StudentScope.Schools(Set.of()), TODAY);
        assertTrue(none.nobody());
        assertEquals("1 = 0", none.condition("studentId"));

        UUID school = UUID.randomUUID();
        StudentScopeQuery some = StudentScopeQuery.of(new StudentScope.Schools(Set.of(school)), TODAY);
        assertTrue(some.condition("studentId").contains("scopeStudent.schoolId in :scopeSchools"));
        assertEquals(Set.of(school), some.parameters().get("scopeSchools"));
    }

    @Test
    void aCaseloadIsTheAssignmentsInEffectTodayOrTheProvidersOwnScheduledOccurrences() {
        UUID provider = UUID.randomUUID();
        StudentScopeQuery caseload = StudentScopeQuery.of(new StudentScope.Caseload(provider), TODAY);
        String condition = caseload.condition("studentId");
        assertTrue(condition.contains("from CaseloadAssignment scopeAssignment"));
        assertTrue(condition.contains("scopeAssignment.endDate is null or scopeAssignment.endDate >= :scopeToday"));
        assertTrue(condition.contains(" or studentId in (select scopeOccurrence.key.studentId"));
        assertTrue(condition.contains("scopeOccurrence.status = 'SCHEDULED'"));
        assertEquals(provider, caseload.parameters().get("scopeProvider"));
        assertEquals(TODAY, caseload.parameters().get("scopeToday"));
    }

    @Test
    void teachersAndTheSisSeeNoStudentRecordThroughThisCondition() {
        assertTrue(StudentScopeQuery.of(new StudentScope.TaughtBy(UUID.randomUUID()), TODAY).nobody());
        assertTrue(StudentScopeQuery.of(new StudentScope.Nobody(), TODAY).nobody());
    }
}
