package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.domain.DistrictMakeupPolicy;
import org.iepservices.session.domain.MakeupPolicy;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.domain.OwedVerdict;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each district's makeup policy. A changed policy decides the misses recorded from then on; misses
 * already recorded keep the verdict they got (the IEP team can still resolve those in REVIEW).
 */
@ApplicationScoped
public class MakeupPolicyService {

    private final int defaultUndocumentedAfter;

    MakeupPolicyService(@ConfigProperty(name = "misses.undocumented.after-school-days", defaultValue = "5")
                        int defaultUndocumentedAfter) {
        this.defaultUndocumentedAfter = defaultUndocumentedAfter;
    }

    /** The policy deciding misses in {@code districtId}: its own, or the default. */
    public MakeupPolicy policyFor(UUID districtId) {
        return districtId == null ? MakeupPolicy.districtDefault() : find(districtId)
                .map(DistrictMakeupPolicy::policy).orElseGet(MakeupPolicy::districtDefault);
    }

    public Optional<DistrictMakeupPolicy> find(UUID districtId) {
        return DistrictMakeupPolicy.findByIdOptional(districtId);
    }

    /** School days an occurrence may stay undocumented in {@code districtId} before it is recorded missed. */
    public int undocumentedAfterSchoolDays(UUID districtId) {
        Integer own = districtId == null ? null
                : find(districtId).map(p -> p.undocumentedAfterSchoolDays).orElse(null);
        return own != null ? own : defaultUndocumentedAfter;
    }

    /**
     * Replaces the district's policy; every reason must be decided (reasons added later, SCHOOL_EVENT
     * and UNDOCUMENTED, may be left out and take the default verdict).
     */
    @Transactional
    public DistrictMakeupPolicy put(UUID districtId, Map<MissReason, OwedVerdict> verdicts,
                                    Integer undocumentedAfterSchoolDays, String updatedBy, Long expectedVersion) {
        List<Violation> violations = new ArrayList<>();
        if (undocumentedAfterSchoolDays != null && (undocumentedAfterSchoolDays < 1 || undocumentedAfterSchoolDays > 60)) {
            violations.add(new Violation("undocumentedAfterSchoolDays", "must be between 1 and 60 school days"));
        }
        for (MissReason reason : MissReason.values()) {
            if (verdicts.get(reason) == null && !reason.optionalInPolicy()) {
                violations.add(new Violation("verdicts." + reason.name(), "the policy must decide every reason"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The makeup policy leaves reasons undecided or is out of range",
                    violations);
        }
        Optional<DistrictMakeupPolicy> existing = find(districtId);
        IfMatch.check("Makeup policy of district", districtId, expectedVersion,
                existing.map(p -> p.version).orElse(-1L));
        DistrictMakeupPolicy policy = existing.orElseGet(() -> {
            DistrictMakeupPolicy created = new DistrictMakeupPolicy();
            created.districtId = districtId;
            return created;
        });
        policy.verdicts.clear();
        verdicts.forEach((reason, verdict) -> {
            if (verdict != null) {
                policy.verdicts.put(reason, verdict);
            }
        });
        policy.undocumentedAfterSchoolDays = undocumentedAfterSchoolDays;
        policy.updatedBy = updatedBy;
        policy.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        // updatedAt always changes, so the version (the ETag) moves with every PUT.
        policy.persist();
        DistrictMakeupPolicy.flush();
        return policy;
    }
}
