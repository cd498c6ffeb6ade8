package org.iepservices.student.repository;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.iepservices.access.StudentScope;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A caller's {@link StudentScope} as a condition of this service's queries (native SQL and JPQL), so a
 * list shows and counts only the students the caller may see and a direct read of anyone else finds
 * nothing (404). student-service owns the data the scopes are made of:
 * <ul>
 *   <li>district: students of the district's schools ({@code school.district_id}); everyone when the
 *       token names no district (a single-district deployment);</li>
 *   <li>schools: students whose school is one of the token's {@code school_ids};</li>
 *   <li>caseload: students with a caseload assignment to the provider in effect today;</li>
 *   <li>taught by: students with an active enrollment in a class where the teacher has an active
 *       teacher enrollment, neither ended before today;</li>
 *   <li>nobody (the SIS integration): no student.</li>
 * </ul>
 * Conditions are written with {@code {student}} where the outer query's student id goes.
 */
public final class StudentScopeQuery {

    private final String sql;
    private final String jpql;
    private final Map<String, Object> parameters;

    private StudentScopeQuery(String sql, String jpql, Map<String, Object> parameters) {
        this.sql = sql;
        this.jpql = jpql;
        this.parameters = Map.copyOf(parameters);
    }

    public static StudentScopeQuery of(StudentScope scope, LocalDate today) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (scope instanceof StudentScope.District d) {
            if (d.districtId() == null) {
                return new StudentScopeQuery("true", "1 = 1", params);
            }
            params.put("scopeDistrict", d.districtId());
            return new StudentScopeQuery(
                    "{student} in (select scope_s.id from student scope_s join school scope_sc"
                            + " on scope_sc.id = scope_s.school_id where scope_sc.district_id = :scopeDistrict)",
                    "{student} in (select scopeS.id from Student scopeS, School scopeSc"
                            + " where scopeSc.id = scopeS.schoolId and scopeSc.districtId = :scopeDistrict)", params);
        }
        if (scope instanceof StudentScope.Schools s) {
            if (s.schoolIds().isEmpty()) {
                return nobody();
            }
            params.put("scopeSchools", Set.copyOf(s.schoolIds()));
            return new StudentScopeQuery(
                    "{student} in (select scope_s.id from student scope_s where scope_s.school_id in (:scopeSchools))",
                    "{student} in (select scopeS.id from Student scopeS where scopeS.schoolId in :scopeSchools)",
                    params);
        }
        if (scope instanceof StudentScope.Caseload c) {
            params.put("scopeProvider", c.providerId());
            params.put("scopeToday", today);
            return new StudentScopeQuery(
                    "{student} in (select scope_ca.student_id from caseload_assignment scope_ca"
                            + " where scope_ca.provider_id = :scopeProvider and scope_ca.active"
                            + " and (scope_ca.end_date is null or scope_ca.end_date >= :scopeToday))",
                    "{student} in (select scopeCa.studentId from CaseloadAssignment scopeCa"
                            + " where scopeCa.providerId = :scopeProvider and scopeCa.active = true"
                            + " and (scopeCa.endDate is null or scopeCa.endDate >= :scopeToday))", params);
        }
        if (scope instanceof StudentScope.TaughtBy t) {
            params.put("scopeTeacher", t.teacherId());
            params.put("scopeToday", today);
            return new StudentScopeQuery(
                    "{student} in (select scope_se.student_id from enrollment scope_se join enrollment scope_te"
                            + " on scope_te.class_id = scope_se.class_id"
                            + " where scope_te.staff_id = :scopeTeacher and scope_te.role = 'teacher'"
                            + " and scope_te.status = 'active' and scope_se.status = 'active'"
                            + " and scope_se.student_id is not null"
                            + " and (scope_te.end_date is null or scope_te.end_date >= :scopeToday)"
                            + " and (scope_se.end_date is null or scope_se.end_date >= :scopeToday))",
                    "{student} in (select scopeSe.studentId from Enrollment scopeSe, Enrollment scopeTe"
                            + " where scopeTe.classId = scopeSe.classId"
                            + " and scopeTe.staffId = :scopeTeacher and scopeTe.role = 'teacher'"
                            + " and scopeTe.status = 'active' and scopeSe.status = 'active'"
                            + " and scopeSe.studentId is not null"
                            + " and (scopeTe.endDate is null or scopeTe.endDate >= :scopeToday)"
                            + " and (scopeSe.endDate is null or scopeSe.endDate >= :scopeToday))", params);
        }
        return nobody();
    }

    private static StudentScopeQuery nobody() {
        return new StudentScopeQuery("false", "1 = 0", Map.of());
    }

    /** A native SQL condition on {@code studentId}, an expression of the outer query such as {@code s.id}. */
    public String sql(String studentId) {
        return "(" + sql.replace("{student}", studentId) + ")";
    }

    /** The same condition in JPQL, e.g. on {@code studentId} of a Panache query. */
    public String jpql(String studentId) {
        return "(" + jpql.replace("{student}", studentId) + ")";
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Binds the parameters the condition uses. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** Whether the student is one the caller may see, asked of the database like every list. */
    public boolean includes(EntityManager em, UUID studentId) {
        if (studentId == null) {
            return false;
        }
        return !bind(em.createNativeQuery("select 1 from student s where s.id = :scopeCandidate and " + sql("s.id")))
                .setParameter("scopeCandidate", studentId).getResultList().isEmpty();
    }
}
