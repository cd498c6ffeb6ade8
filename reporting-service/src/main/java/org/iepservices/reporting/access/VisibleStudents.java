package org.iepservices.reporting.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.iepservices.access.Actor;
import org.iepservices.access.StudentScope;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.projection.Sql;

import java.util.UUID;

/**
 * The students the caller of the current request may see, as a condition of the views' SQL, and
 * the 404s that keep everything else invisible: a student, school, district, provider or teacher
 * outside the caller's scope answers exactly like an id no event named, so a caller learns
 * nothing about records they may not read.
 */
@ApplicationScoped
public class VisibleStudents {

    private final Instance<Actor> actor;
    private final ReportingClock clock;
    private final Sql sql;

    VisibleStudents(Instance<Actor> actor, ReportingClock clock, Sql sql) {
        this.actor = actor;
        this.clock = clock;
        this.sql = sql;
    }

    /** The caller's scope (rollups use it to tell whether whole schools are visible). */
    public StudentScope scope() {
        return actor.get().studentScope();
    }

    /** The condition "the student id in column {@code idExpression} is visible to the caller". */
    public StudentScopeSql.Condition condition(String idExpression) {
        return StudentScopeSql.of(scope(), clock.today()).contains(idExpression);
    }

    public boolean sees(UUID studentId) {
        StudentScopeSql.Condition c = condition("x.id");
        if (c == StudentScopeSql.Condition.ALWAYS) {
            return true;
        }
        return sql.one("select exists (select 1 from (select cast(? as uuid) as id) x where " + c.sql() + ") as ok",
                rs -> rs.bool("ok"), c.around(java.util.List.of(studentId))).orElse(false);
    }

    /** A 404 for a student outside the caller's scope (the same answer as for an unknown student). */
    public void requireStudent(UUID studentId) {
        if (!sees(studentId)) {
            throw ProblemException.notFound("Student", studentId);
        }
    }

    /**
     * A provider reads only their own caseload views, a teacher only their own push-in view: the
     * views of another provider or teacher are a 404. Administrators read anybody's, filtered to
     * their students.
     */
    public void requireOwnStaffView(UUID staffId, String what) {
        StudentScope scope = scope();
        UUID own = scope instanceof StudentScope.Caseload c ? c.providerId()
                : scope instanceof StudentScope.TaughtBy t ? t.teacherId() : null;
        boolean staffScope = scope instanceof StudentScope.Caseload || scope instanceof StudentScope.TaughtBy;
        if (scope instanceof StudentScope.Nobody || (staffScope && !staffId.equals(own))) {
            throw ProblemException.notFound(what, staffId);
        }
    }

    /** A school admin sees their schools, a district admin the schools of their district. */
    public void requireSchool(UUID schoolId) {
        StudentScope scope = scope();
        boolean visible;
        if (scope instanceof StudentScope.District d) {
            visible = d.districtId() == null || sql.one(
                    "select exists (select 1 from school where school_id = ? and district_id = ?) as ok",
                    rs -> rs.bool("ok"), schoolId, d.districtId()).orElse(false);
        } else if (scope instanceof StudentScope.Schools s) {
            visible = s.schoolIds().contains(schoolId);
        } else {
            visible = false;
        }
        if (!visible) {
            throw ProblemException.notFound("School", schoolId);
        }
    }

    /** A district admin whose token names a district sees only that one. */
    public void requireDistrict(UUID districtId) {
        if (!(scope() instanceof StudentScope.District d) || (d.districtId() != null
                && !d.districtId().equals(districtId))) {
            throw ProblemException.notFound("District", districtId);
        }
    }
}
