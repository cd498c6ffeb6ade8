package org.iepservices.reporting.access;

import org.iepservices.access.StudentScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The caller's {@link StudentScope} as a condition of reporting's own SQL (over the event copies
 * it keeps), so that rollups, counts and sums only ever see the students the caller may see and a
 * direct read of anybody else finds nothing (404). The same sources as schedule-service's
 * {@code StudentScopeQuery}:
 * <ul>
 *   <li>district: students of the district's schools ({@code SchoolUpserted.districtId}); a token
 *       without a district sees every student (one district per deployment);</li>
 *   <li>schools: students whose school is one of the token's {@code school_ids};</li>
 *   <li>caseload: students with an active caseload assignment to the provider
 *       ({@code CaseloadAssignmentChanged}: active and not ended before today), and students in a
 *       series the provider runs;</li>
 *   <li>taught-by: students with a current student enrollment in a class where the teacher has a
 *       current teacher enrollment ({@code EnrollmentChanged}; current = not tobedeleted, not
 *       ended before today);</li>
 *   <li>nobody: false.</li>
 * </ul>
 * Parameters are positional ({@code ?}), in the order they appear in {@link Condition#sql()}.
 */
public final class StudentScopeSql {

    /** An SQL boolean expression and its positional parameters, in order. */
    public record Condition(String sql, List<Object> params) {
        public static final Condition ALWAYS = new Condition("true", List.of());
        public static final Condition NEVER = new Condition("false", List.of());

        public Condition {
            params = List.copyOf(params);
        }

        /** {@code before}, then this condition's parameters, then {@code after}: for a query's varargs. */
        public Object[] around(List<Object> before, Object... after) {
            List<Object> all = new ArrayList<>(before);
            all.addAll(params);
            all.addAll(List.of(after));
            return all.toArray();
        }
    }

    /** A subquery selecting student ids ({@code select ... as student_id}) with its parameters. */
    record Source(String select, List<Object> params) {
    }

    private static final String CURRENT = "(%1$s.status is null or lower(%1$s.status) <> 'tobedeleted')"
            + " and (%1$s.end_date is null or %1$s.end_date >= ?)";

    private final boolean everyone;
    private final List<Source> sources;

    private StudentScopeSql(boolean everyone, List<Source> sources) {
        this.everyone = everyone;
        this.sources = List.copyOf(sources);
    }

    public static StudentScopeSql of(StudentScope scope, LocalDate today) {
        if (scope instanceof StudentScope.District d) {
            if (d.districtId() == null) {
                return new StudentScopeSql(true, List.of());
            }
            return new StudentScopeSql(false, List.of(new Source("select st.student_id from student st"
                    + " join school sc on sc.school_id = st.school_id where sc.district_id = ?",
                    List.of(d.districtId()))));
        }
        if (scope instanceof StudentScope.Schools s) {
            if (s.schoolIds().isEmpty()) {
                return new StudentScopeSql(false, List.of());
            }
            return new StudentScopeSql(false, List.of(new Source(
                    "select st.student_id from student st where st.school_id = any(?)",
                    List.of(List.<UUID>copyOf(s.schoolIds())))));
        }
        if (scope instanceof StudentScope.Caseload c) {
            return new StudentScopeSql(false, List.of(
                    new Source("select ca.student_id from caseload_assignment ca where ca.provider_id = ?"
                            + " and ca.active and (ca.end_date is null or ca.end_date >= ?)",
                            List.of(c.providerId(), today)),
                    new Source("select ss.student_id from session_series ss where ss.provider_id = ?",
                            List.of(c.providerId()))));
        }
        if (scope instanceof StudentScope.TaughtBy t) {
            return new StudentScopeSql(false, List.of(new Source(
                    "select se.user_id from progress_enrollment se where lower(se.role) = 'student' and "
                            + CURRENT.formatted("se") + " and se.class_id in (select te.class_id from"
                            + " progress_enrollment te where te.user_id = ? and lower(te.role) = 'teacher' and "
                            + CURRENT.formatted("te") + ")",
                    List.of(today, t.teacherId(), today))));
        }
        return new StudentScopeSql(false, List.of());
    }

    /** Whether the scope has no limit (a district admin of a single-district deployment). */
    public boolean everyone() {
        return everyone;
    }

    /** A condition that holds when the student id {@code idExpression} (a column) is in scope. */
    public Condition contains(String idExpression) {
        if (everyone) {
            return Condition.ALWAYS;
        }
        if (sources.isEmpty()) {
            return Condition.NEVER;
        }
        StringBuilder sql = new StringBuilder("(");
        List<Object> params = new ArrayList<>();
        for (Source s : sources) {
            sql.append(params.isEmpty() && sql.length() == 1 ? "" : " or ")
                    .append(idExpression).append(" in (").append(s.select()).append(")");
            params.addAll(s.params());
        }
        return new Condition(sql.append(")").toString(), params);
    }
}
