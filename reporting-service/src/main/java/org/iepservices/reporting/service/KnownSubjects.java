package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.projection.Sql;

import java.util.UUID;

/**
 * Whether any event that reached reporting names a student or a provider: the one test behind
 * every 404 of the service's student and provider views (compliance rollups, caseload report,
 * goal progress, family summary), so that they agree on what is known. Reporting has no records
 * of its own, so "known" means "mentioned by an event", whichever topic it came from first.
 */
@ApplicationScoped
public class KnownSubjects {

    private final Sql sql;

    KnownSubjects(Sql sql) {
        this.sql = sql;
    }

    /** Named by the roster, an IEP version, a session or a miss. */
    public boolean student(UUID studentId) {
        return sql.one("""
                select exists (select 1 from student where student_id = ?)
                    or exists (select 1 from iep_version where student_id = ?)
                    or exists (select 1 from progress_session where student_id = ?)
                    or exists (select 1 from delivered_session where student_id = ?)
                    or exists (select 1 from missed_session where student_id = ?) as known""",
                rs -> rs.bool("known"), studentId, studentId, studentId, studentId, studentId).orElse(false);
    }

    /** Named by the roster's staff, a mandate, a series (through a compliance period), a session or a miss. */
    public boolean provider(UUID providerId) {
        return sql.one("""
                select exists (select 1 from staff where staff_id = ?)
                    or exists (select 1 from mandate where provider_id = ?)
                    or exists (select 1 from compliance_period where provider_id = ?)
                    or exists (select 1 from delivered_session where provider_id = ?)
                    or exists (select 1 from missed_session where provider_id = ?) as known""",
                rs -> rs.bool("known"), providerId, providerId, providerId, providerId, providerId).orElse(false);
    }
}
