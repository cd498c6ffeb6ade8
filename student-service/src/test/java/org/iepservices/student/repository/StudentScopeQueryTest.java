package org.iepservices.student.repository;

import org.iepservices.access.StudentScope;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class StudentScopeQueryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void aDistrictAdminWithoutADistrictSeesEveryoneWithoutParameters() {
        StudentScopeQuery q = StudentScopeQuery.of(new StudentScope.District(null), TODAY);
        assertEquals("(true)", q.sql("s.id"));
        assertEquals("(1 = 1)", q.jpql("studentId"));
        assertTrue(q.parameters().isEmpty());
    }

    @Test
    void theSisAndASchoolAdminWithoutSchoolsSeeNobody() {
        assertEquals("(false)", StudentScopeQuery.of(new StudentScope.Nobody(), TODAY).sql("s.id"));
        assertEquals("(1 = 0)", StudentScopeQuery.of(new StudentScope.Schools(Set.of()), TODAY).jpql("studentId"));
    }

    @Test
    void aProvidersCaseloadIsTheirAssignmentsInEffectToday() {
        UUID provider = UUID.randomUUID();
        StudentScopeQuery q = StudentScopeQuery.of(new StudentScope.Caseload(provider), TODAY);
        assertTrue(q.sql("e.student_id").startsWith("(e.student_id in (select scope_ca.student_id from caseload_assignment"));
        assertTrue(q.sql("x").contains("scope_ca.end_date >= :scopeToday"));
        assertEquals(provider, q.parameters().get("scopeProvider"));
        assertEquals(TODAY, q.parameters().get("scopeToday"));
    }

    @Test
    void everyParameterIsUsedInBothForms() {
        for (StudentScope scope : new StudentScope[]{new StudentScope.District(UUID.randomUUID()),
                new StudentScope.Schools(Set.of(UUID.randomUUID())), new StudentScope.Caseload(UUID.randomUUID()),
                new StudentScope.TaughtBy(UUID.randomUUID())}) {
            StudentScopeQuery q = StudentScopeQuery.of(scope, TODAY);
            assertFalse(q.parameters().isEmpty(), scope.toString());
            q.parameters().keySet().forEach(name -> {
                assertTrue(q.sql("s.id").contains(":" + name), scope + " sql " + name);
                assertTrue(q.jpql("studentId").contains(":" + name), scope + " jpql " + name);
            });
        }
    }
}
