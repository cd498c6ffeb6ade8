package org.iepservices.schedule.access;

import org.iepservices.access.StudentScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The caller's {@link StudentScope} as conditions of schedule-service's own queries (JPQL over
 * the copies it keeps), so a list only ever loads and counts the students the caller may see, and
 * a direct read of anybody else finds nothing (404).
 *
 * <p>A scope is a union of <em>sources</em>, each a query selecting student ids:
 * <ul>
 *   <li>district: students of the district's schools ({@code SchoolUpserted.districtId}); a token
 *       without a district sees every student (one district per deployment);</li>
 *   <li>schools: students whose school is one of the token's {@code school_ids};</li>
 *   <li>caseload: students with an active caseload assignment to the provider
 *       ({@code CaseloadAssignmentChanged}), students in a series the provider runs (their own work),
 *       and students of a mandate in force naming the provider unless an assignment for that mandate
 *       and provider says it ended (the IEP may arrive before its assignment; a reassignment ends the
 *       assignment without changing the IEP);</li>
 *   <li>taught-by: students with a current student enrollment in a class where the teacher has a
 *       current teacher enrollment ({@code EnrollmentChanged});</li>
 *   <li>nobody: no source at all.</li>
 * </ul>
 * Aliases are prefixed so the fragments nest inside any query of this service.
 */
public final class StudentScopeQuery {

    /** One query selecting student ids: {@code select <id> from <from> where <where>}. */
    public record Source(String id, String from, String where) {
        String subquery() {
            return "select " + id + " from " + from + " where " + where;
        }
    }

    /** A JPQL boolean expression and the named parameters it uses. */
    public record Condition(String jpql, Map<String, Object> params) {
        public static final Condition ALWAYS = new Condition("1 = 1", Map.of());
        public static final Condition NEVER = new Condition("1 = 0", Map.of());
    }

    static final String STAFF = "scopeStaff";
    static final String TODAY = "scopeToday";
    static final String DISTRICT = "scopeDistrict";
    static final String SCHOOLS = "scopeSchools";

    private static final String CURRENT_ENROLLMENT = "(%1$s.status is null or lower(%1$s.status) <> 'tobedeleted')"
            + " and (%1$s.endDate is null or %1$s.endDate >= :" + TODAY + ")";

    private final boolean everyone;
    private final List<Source> sources;
    private final Map<String, Object> params;

    private StudentScopeQuery(boolean everyone, List<Source> sources, Map<String, Object> params) {
        this.everyone = everyone;
        this.sources = List.copyOf(sources);
        this.params = Map.copyOf(params);
    }

    public static StudentScopeQuery of(StudentScope scope, LocalDate today) {
        if (scope instanceof StudentScope.District d) {
            if (d.districtId() == null) {
                return new StudentScopeQuery(true, List.of(), Map.of());
            }
            return new StudentScopeQuery(false, List.of(new Source("st.id", "Student st",
                    "st.schoolId in (select sc.id from School sc where sc.districtId = :" + DISTRICT + ")")),
                    Map.of(DISTRICT, d.districtId()));
        }
        if (scope instanceof StudentScope.Schools s) {
            if (s.schoolIds().isEmpty()) {
                return nobody();
            }
            return new StudentScopeQuery(false, List.of(new Source("st.id", "Student st",
                    "st.schoolId in :" + SCHOOLS)), Map.of(SCHOOLS, List.copyOf(s.schoolIds())));
        }
        if (scope instanceof StudentScope.Caseload c) {
            return new StudentScopeQuery(false, List.of(
                    new Source("ca.studentId", "CaseloadAssignment ca", "ca.providerId = :" + STAFF
                            + " and ca.active = true and (ca.endDate is null or ca.endDate >= :" + TODAY + ")"),
                    new Source("sm.studentId", "SessionSeries ss join ss.members sm", "ss.providerId = :" + STAFF),
                    new Source("md.studentId", "Mandate md", "md.providerId = :" + STAFF
                            + " and md.effectiveEnd >= :" + TODAY + " and not exists (select ce.id from"
                            + " CaseloadAssignment ce where ce.mandateId = md.id and ce.providerId = :" + STAFF
                            + " and (ce.active = false or ce.endDate < :" + TODAY + "))")),
                    Map.of(STAFF, c.providerId(), TODAY, today));
        }
        if (scope instanceof StudentScope.TaughtBy t) {
            return new StudentScopeQuery(false, List.of(new Source("se.userId", "Enrollment se",
                    "se.role = 'student' and " + CURRENT_ENROLLMENT.formatted("se")
                            + " and se.classId in (select te.classId from Enrollment te where te.userId = :" + STAFF
                            + " and te.role = 'teacher' and " + CURRENT_ENROLLMENT.formatted("te") + ")")),
                    Map.of(STAFF, t.teacherId(), TODAY, today));
        }
        return nobody();
    }

    private static StudentScopeQuery nobody() {
        return new StudentScopeQuery(false, List.of(), Map.of());
    }

    /** Whether the scope has no limit (a district admin of a single-district deployment). */
    public boolean everyone() {
        return everyone;
    }

    /** Whether nobody at all is in scope. */
    public boolean nobodyAtAll() {
        return !everyone && sources.isEmpty();
    }

    public List<Source> sources() {
        return sources;
    }

    public Map<String, Object> params() {
        return params;
    }

    /** A condition that holds when the student id {@code idExpression} (a JPQL path) is in scope. */
    public Condition contains(String idExpression) {
        if (everyone) {
            return Condition.ALWAYS;
        }
        if (sources.isEmpty()) {
            return Condition.NEVER;
        }
        return new Condition("(" + sources.stream().map(s -> idExpression + " in (" + s.subquery() + ")")
                .collect(Collectors.joining(" or ")) + ")", params);
    }

    /**
     * The queries that select which of the candidate ids (parameter {@code candidates}) are in scope:
     * one per source, their union is the answer. Empty when {@link #everyone()} or nobody.
     */
    public List<String> visibleAmong(String candidatesParam) {
        List<String> queries = new ArrayList<>();
        for (Source s : sources) {
            queries.add("select distinct " + s.id() + " from " + s.from() + " where " + s.id() + " in :"
                    + candidatesParam + " and (" + s.where() + ")");
        }
        return queries;
    }

    /** The parameters among {@link #params()} that {@code jpql} uses (a query must bind exactly those). */
    public Map<String, Object> paramsUsedIn(String jpql) {
        Map<String, Object> used = new java.util.LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (jpql.matches("(?s).*:" + name + "\\b.*")) {
                used.put(name, value);
            }
        });
        return used;
    }
}
