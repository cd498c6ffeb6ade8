package org.iepservices.access;

import java.util.Set;
import java.util.UUID;

/**
 * Which students a caller may see. Every service turns it into a condition of its own queries
 * (never a filter after loading), so a list shows only those students and a direct read of any
 * other is a 404, which does not even confirm the record exists.
 */
public sealed interface StudentScope {

    /**
     * Every student of the district; {@code districtId} null only in a deployment configured as
     * single-district ({@code access.single-district=true}): elsewhere a district admin's token
     * without a district is refused before any scope is made ({@code ScopeClaims}).
     */
    record District(UUID districtId) implements StudentScope {
    }

    /** Students of these schools. */
    record Schools(Set<UUID> schoolIds) implements StudentScope {
        public Schools {
            schoolIds = Set.copyOf(schoolIds);
        }
    }

    /** Students on this provider's caseload: assigned to them for a service, or in a series they run. */
    record Caseload(UUID providerId) implements StudentScope {
    }

    /** Students enrolled in classes this teacher teaches. */
    record TaughtBy(UUID teacherId) implements StudentScope {
    }

    /** No student-level records at all (the SIS integration). */
    record Nobody() implements StudentScope {
    }
}
