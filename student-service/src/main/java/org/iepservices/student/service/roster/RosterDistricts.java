package org.iepservices.student.service.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.domain.roster.RosterDistrict;
import org.iepservices.student.repository.RosterRecordRepository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides which district an import or a push belongs to, once, before anything is written
 * (sourcedIds are unique per district, so every record of it is keyed by that district). In order:
 * the caller's {@code district_id} claim; else the {@code districtId} parameter; else what the
 * roster itself says (an import: its district org, else the district of the schools it lists,
 * else the district its orgs, or its records, are stored in; a push: the district the record, or
 * the org it points at, is stored in); else {@link RosterDistrict#NONE}. Candidates that disagree
 * answer 422 and change nothing.
 */
@ApplicationScoped
class RosterDistricts {

    /** What orgs.csv says about districts: its orgs of type district, and the parents of its schools. */
    record FileOrgs(Set<String> districts, Set<String> schoolParents) {
    }

    private final RosterRecordRepository records;

    RosterDistricts(RosterRecordRepository records) {
        this.records = records;
    }

    /**
     * The district of an import.
     *
     * @param claim       the caller's district_id claim, or null
     * @param requested   the districtId parameter, or null
     * @param orgs        what orgs.csv lists (empty sets when the zip has none)
     * @param covered     the orgs the zip lists or references
     * @param ownRecords  entity to the sourcedIds of the zip's records (read only when nothing else decides)
     */
    UUID forImport(UUID claim, UUID requested, FileOrgs orgs, Set<String> covered,
                   Supplier<Map<String, Set<String>>> ownRecords) {
        UUID explicit = explicit(claim, requested);
        String named = claim != null ? "the token's district_id" : "districtId";
        if (orgs.districts().size() > 1) {
            throw disagree("orgs.csv", "lists several districts " + new TreeSet<>(orgs.districts())
                    + "; one import is one district's roster");
        }
        if (orgs.districts().size() == 1) {
            String district = orgs.districts().iterator().next();
            Set<UUID> stored = storedDistricts(List.of(district));
            if (explicit != null) {
                if (!stored.isEmpty() && !stored.contains(explicit)) {
                    throw disagree("orgs.csv", "its district " + district + " belongs to district " + one(stored)
                            + ", but " + named + " is " + explicit);
                }
                return explicit;
            }
            if (stored.size() > 1) {
                throw ambiguous("district " + district, stored);
            }
            return stored.isEmpty() ? UUID.randomUUID() : stored.iterator().next(); // a new district: its uuid now
        }
        if (!orgs.schoolParents().isEmpty()) {
            Set<UUID> stored = storedDistricts(orgs.schoolParents());
            if (explicit != null) {
                if (!stored.isEmpty() && !stored.contains(explicit)) {
                    throw disagree("orgs.csv", "its schools belong to district " + one(stored) + ", but " + named
                            + " is " + explicit);
                }
                return explicit;
            }
            if (stored.size() > 1) {
                throw disagree("orgs.csv", "its schools' parents " + new TreeSet<>(orgs.schoolParents())
                        + " are in several districts " + new TreeSet<>(stored) + "; one import is one district's"
                        + " roster (name it with districtId)");
            }
            if (stored.size() == 1) {
                return stored.iterator().next();
            }
        }
        if (explicit != null) {
            return explicit;
        }
        Set<UUID> stored = records.districtsStoring("orgs", covered);
        if (stored.isEmpty() && covered.isEmpty()) {
            stored = new HashSet<>();
            for (Map.Entry<String, Set<String>> e : ownRecords.get().entrySet()) {
                stored.addAll(records.districtsStoring(e.getKey(), e.getValue()));
            }
        }
        if (stored.size() > 1) {
            throw ambiguous("the orgs and records this roster names", stored);
        }
        return stored.isEmpty() ? RosterDistrict.NONE : stored.iterator().next();
    }

    /**
     * The district of a pushed record: the claim, else districtId, else the one district where the
     * record is stored, else (a new record) where the records it points at are stored
     * ({@code pointsAt}: entity to sourcedIds, e.g. its orgs); a new district org is a district of its own.
     */
    UUID forPush(UUID claim, UUID requested, String entity, String sourcedId,
                 Map<String, ? extends Collection<String>> pointsAt, boolean newDistrictOrg) {
        UUID explicit = explicit(claim, requested);
        if (explicit != null) {
            return explicit;
        }
        Set<UUID> stored = records.districtsStoring(entity, List.of(sourcedId));
        if (stored.isEmpty()) {
            if (newDistrictOrg && storedDistricts(List.of(sourcedId)).isEmpty()) {
                return UUID.randomUUID();
            }
            stored = new HashSet<>();
            for (Map.Entry<String, ? extends Collection<String>> e : pointsAt.entrySet()) {
                stored.addAll(records.districtsStoring(e.getKey(), e.getValue()));
            }
        }
        if (stored.size() > 1) {
            throw ambiguous(sourcedId, stored);
        }
        return stored.isEmpty() ? RosterDistrict.NONE : stored.iterator().next();
    }

    /** The district of a DELETE: the claim, else districtId, else the one district the record is stored in. */
    UUID forDelete(UUID claim, UUID requested, String entity, String sourcedId) {
        return forPush(claim, requested, entity, sourcedId, Map.of(), false);
    }

    static UUID explicit(UUID claim, UUID requested) {
        if (claim != null && requested != null && !claim.equals(requested)) {
            throw disagree("districtId", "is " + requested + " but the token's district_id is " + claim);
        }
        return claim != null ? claim : requested;
    }

    /** The districts in which a district with one of these sourcedIds is stored. */
    private Set<UUID> storedDistricts(Collection<String> sourcedIds) {
        return records.districtsOfDistrictOrgs(sourcedIds);
    }

    private static UUID one(Set<UUID> districts) {
        return new TreeSet<>(districts).first();
    }

    private static ProblemException disagree(String field, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "The roster's district is not clear: " + field + " "
                + message + ". Nothing was written.", List.of(new Violation(field, message)));
    }

    private static ProblemException ambiguous(String what, Set<UUID> districts) {
        String message = what + " is stored in several districts " + new TreeSet<>(districts)
                + "; name the district with districtId";
        return new ProblemException(ProblemType.UNPROCESSABLE, "The roster's district is not clear: " + message
                + ". Nothing was written.", List.of(new Violation("districtId", message)));
    }
}
