package org.iepservices.schedule.access;

import org.iepservices.access.StudentScope;
import org.iepservices.schedule.access.StudentScopeQuery.Condition;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How each kind of caller's scope becomes query conditions. What the conditions select on real data
 * is tested through HTTP in {@code AccessControlTest}; here, the shape that must hold for every query
 * that embeds them (no scope that silently means "everyone", parameters bound exactly as used).
 */
class StudentScopeQueryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 9, 14);

    @Test
    void aDistrictAdminWithoutADistrictSeesEveryoneWithoutAnyCondition() {
        StudentScopeQuery q = StudentScopeQuery.of(new StudentScope.District(null), TODAY);
        assertTrue(q.everyone());
        assertSame(Condition.ALWAYS, q.contains("x.studentId"));
        assertTrue(q.visibleAmong("candidates").isEmpty());
    }

    @Test
    void aDistrictAdminOfOneDistrictSeesTheStudentsOfItsSchools() {
        UUID district = UUID.randomUUID();
        StudentScopeQuery q = StudentScopeQuery.of(new StudentScope.District(district), TODAY);
        assertFalse(q.everyone());
        Condition c = q.contains("x.studentId");
        assertTrue(c.jpql().startsWith("(x.studentId in (select st.id from Student st where"));
        assertTrue(c.jpql().contains("sc.districtId = :scopeDistrict"));
        assertEquals(Map.of("scopeDistrict", district), c.params());
    }

    @Test
    void aSchoolAdminWithoutSchoolsSeesNobody() {
        StudentScopeQuery q = StudentScopeQuery.of(new StudentScope.Schools(Set.of()), TODAY);
        assertTrue(q.nobodyAtAll());
        assertSame(Condition.NEVER, q.contains("x.studentId"));
        assertTrue(q.visibleAmong("candidates").isEmpty());
    }

    @Test
    void theSisIntegrationSeesNobody() {
        StudentScopeQuery q = StudentScopeQuery.of(new StudentScope.Nobody(), TODAY);
        assertFalse(q.everyone());
        assertSame(Condition.NEVER, q.contains("x.studentId"));
    }

    @Test
    void aProvidersCaseloadIsTheUnionOfAssignmentsTheirSeriesAndMandatesNamingThem() {
        UUID provider = UUID.randomUUID();
        StudentScopeQuery q = StudentScopeQuery.of(new StudentScope.Caseload(provider), TODAY);
        assertEquals(List.of("CaseloadAssignment ca", "SessionSeries ss join ss.members sm", "Mandate md"),
                q.sources().stream().map(StudentScopeQuery.Source::from).toList());
        Condition c = q.contains("x.studentId");
        assertEquals(2, c.jpql().split(" or x.studentId in ").length - 1, "three sources joined by or");
        assertEquals(Map.of("scopeStaff", provider, "scopeToday", TODAY), c.params());
        // an ended assignment for the mandate and provider takes the mandate's student out
        assertTrue(q.sources().get(2).where().contains("not exists"));
    }

    @Test
    void aTeachersScopeIsTheStudentsOfClassesTheyTeachNow() {
        UUID teacher = UUID.randomUUID();
        StudentScopeQuery q = StudentScopeQuery.of(new StudentScope.TaughtBy(teacher), TODAY);
        assertEquals(1, q.sources().size());
        String where = q.sources().get(0).where();
        assertTrue(where.contains("se.role = 'student'"));
        assertTrue(where.contains("te.role = 'teacher'"));
        assertTrue(where.contains("se.endDate >= :scopeToday") && where.contains("te.endDate >= :scopeToday"));
        assertEquals(Map.of("scopeStaff", teacher, "scopeToday", TODAY), q.params());
    }

    @Test
    void eachQueryOfVisibleAmongBindsExactlyTheParametersItUses() {
        UUID provider = UUID.randomUUID();
        StudentScopeQuery q = StudentScopeQuery.of(new StudentScope.Caseload(provider), TODAY);
        List<String> queries = q.visibleAmong("candidates");
        assertEquals(3, queries.size());
        queries.forEach(jpql -> assertTrue(jpql.contains(" in :candidates and (")));
        // the series source needs the provider only; binding today too would fail the query
        assertEquals(Map.of("scopeStaff", provider), q.paramsUsedIn(queries.get(1)));
        assertEquals(Map.of("scopeStaff", provider, "scopeToday", TODAY), q.paramsUsedIn(queries.get(0)));
        // a parameter name that merely starts like another is not taken for it
        assertEquals(Map.of(), q.paramsUsedIn("select 1 from X x where x.a = :scopeStaffer"));
    }
}
