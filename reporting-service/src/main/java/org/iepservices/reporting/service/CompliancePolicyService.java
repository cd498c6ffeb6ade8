package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.domain.compliance.HolidayPolicy;
import org.iepservices.reporting.projection.Sql;

import java.util.List;
import java.util.UUID;

/**
 * Changes a district's compliance policy and recomputes, in the same transaction, every period of
 * the district's students: the numbers never show one policy's mandate with the other's excuses.
 */
@ApplicationScoped
public class CompliancePolicyService {

    private final CompliancePolicies policies;
    private final ComplianceProjector projector;
    private final Sql sql;

    CompliancePolicyService(CompliancePolicies policies, ComplianceProjector projector, Sql sql) {
        this.policies = policies;
        this.projector = projector;
        this.sql = sql;
    }

    @Transactional
    public CompliancePolicies.Setting change(UUID districtId, HolidayPolicy policy, String actor) {
        // A rebuild replays with the policy it read; changing it underneath would swap in stale numbers.
        if (sql.one("select rebuild_id from projection_rebuild where status in ('QUEUED', 'RUNNING') limit 1",
                rs -> rs.uuid("rebuild_id")).isPresent()) {
            throw ProblemException.conflict("a rebuild is running; change the policy once it is done");
        }
        if (policies.store(districtId, policy, actor)) {
            List<UUID> students = sql.list("""
                    select st.student_id from student st join school s on s.school_id = st.school_id
                    where s.district_id = ?""", rs -> rs.uuid("student_id"), districtId);
            students.forEach(projector::markStudent);
            projector.flush();
        }
        return policies.ofDistrict(districtId);
    }
}
