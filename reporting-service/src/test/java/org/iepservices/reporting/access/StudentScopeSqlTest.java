package org.iepservices.reporting.access;

import org.iepservices.access.StudentScope;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudentScopeSqlTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 23);
    private final UUID id = UUID.randomUUID();

    @Test
    void aDistrictAdminWithoutADistrictSeesEveryoneAndTheSisNobody() {
        assertSame(StudentScopeSql.Condition.ALWAYS,
                StudentScopeSql.of(new StudentScope.District(null), TODAY).contains("c.student_id"));
        assertSame(StudentScopeSql.Condition.NEVER,
                StudentScopeSql.of(new StudentScope.Nobody(), TODAY).contains("c.student_id"));
        assertSame(StudentScopeSql.Condition.NEVER,
                StudentScopeSql.of(new StudentScope.Schools(Set.of()), TODAY).contains("c.student_id"));
    }

    @Test
    void aDistrictIsTheStudentsOfItsSchools() {
        var c = StudentScopeSql.of(new StudentScope.District(id), TODAY).contains("c.student_id");
        assertTrue(c.sql().startsWith("(c.student_id in (select st.student_id from student st join school sc"));
        assertEquals(List.of(id), c.params());
    }

    @Test
    void aCaseloadIsActiveAssignmentsOrSeriesTheProviderRunsWithParametersInOrder() {
        var c = StudentScopeSql.of(new StudentScope.Caseload(id), TODAY).contains("d.student_id");
        assertEquals("(d.student_id in (select ca.student_id from caseload_assignment ca where ca.provider_id = ?"
                + " and ca.active and (ca.end_date is null or ca.end_date >= ?)) or d.student_id in"
                + " (select ss.student_id from session_series ss where ss.provider_id = ?))", c.sql());
        assertEquals(List.of(id, TODAY, id), c.params());
        assertEquals(c.sql().chars().filter(ch -> ch == '?').count(), c.params().size());
        assertArrayEquals(new Object[]{"a", id, TODAY, id, "z"}, c.around(List.of("a"), "z"));
    }

    @Test
    void aTeacherSeesCurrentStudentEnrollmentsInClassesTheyCurrentlyTeach() {
        var c = StudentScopeSql.of(new StudentScope.TaughtBy(id), TODAY).contains("p.student_id");
        assertEquals(List.of(TODAY, id, TODAY), c.params());
        assertEquals(c.sql().chars().filter(ch -> ch == '?').count(), c.params().size());
        assertTrue(c.sql().contains("lower(se.role) = 'student'") && c.sql().contains("lower(te.role) = 'teacher'"));
    }
}
