package org.iepservices.access;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller of a request, read from the bearer token.
 *
 * @param subject    the token subject ({@code sub}), what the audit trail records
 * @param name       a display name if the token has one
 * @param roles      the roles we know among the token's groups
 * @param staffId    the staff record of a provider or teacher (claim {@code staff_id}, else {@code sub} if a UUID)
 * @param districtId the district of an admin (claim {@code district_id}), null if the token names none
 * @param schoolIds  the schools of a school admin (claim {@code school_ids})
 */
public record Actor(String subject, String name, Set<Role> roles, UUID staffId, UUID districtId, Set<UUID> schoolIds) {

    public Actor {
        roles = Set.copyOf(roles);
        schoolIds = schoolIds == null ? Set.of() : Set.copyOf(schoolIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The students this caller may see. A token with several roles gets the broadest one, in the
     * order district, school, caseload, classes; a provider or teacher token without a staff id
     * sees nobody rather than everybody.
     */
    public StudentScope studentScope() {
        if (has(Role.DISTRICT_ADMIN)) {
            return new StudentScope.District(districtId);
        }
        if (has(Role.SCHOOL_ADMIN)) {
            return new StudentScope.Schools(schoolIds);
        }
        if (has(Role.PROVIDER) && staffId != null) {
            return new StudentScope.Caseload(staffId);
        }
        if (has(Role.TEACHER) && staffId != null) {
            return new StudentScope.TaughtBy(staffId);
        }
        return new StudentScope.Nobody();
    }

    /** The role written to the audit trail: the one that granted the scope. */
    public String auditRole() {
        for (Role role : Role.values()) {
            if (has(role)) {
                return role.claim();
            }
        }
        return "none";
    }
}
