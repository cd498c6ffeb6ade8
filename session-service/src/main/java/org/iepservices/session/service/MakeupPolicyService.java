package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

    /** The policy deciding misses in {@code districtId}: its own, or the default. */
    public MakeupPolicy policyFor(UUID districtId) {
        return districtId == null ? MakeupPolicy.districtDefault() : find(districtId)
                .map(DistrictMakeupPolicy::policy).orElseGet(MakeupPolicy::districtDefault);
    }

    public Optional<DistrictMakeupPolicy> find(UUID districtId) {
        return DistrictMakeupPolicy.findByIdOptional(districtId);
    }

    /** Replaces the district's policy; every reason must be decided. */
    @Transactional
    public DistrictMakeupPolicy put(UUID districtId, Map<MissReason, OwedVerdict> verdicts, String updatedBy,
                                    Long expectedVersion) {
        List<Violation> violations = new ArrayList<>();
        for (MissReason reason : MissReason.values()) {
            if (verdicts.get(reason) == null) {
                violations.add(new Violation("verdicts." + reason.name(), "the policy must decide every reason"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The makeup policy leaves reasons undecided",
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
        policy.verdicts.putAll(verdicts);
        policy.updatedBy = updatedBy;
        policy.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        // updatedAt always changes, so the version (the ETag) moves with every PUT.
        policy.persist();
        DistrictMakeupPolicy.flush();
        return policy;
    }
}
