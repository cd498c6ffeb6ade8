package org.iepservices.student.domain.roster;

import java.util.UUID;

/**
 * The district a roster record (and every row projected from it) belongs to: OneRoster sourcedIds
 * are unique per district, so two districts' {@code sch-1} are two schools. {@link #NONE}, the nil
 * UUID, stands for "no district known" (a single-district deployment whose roster names none).
 */
public final class RosterDistrict {

    public static final UUID NONE = new UUID(0L, 0L);

    private RosterDistrict() {
    }

    /** {@code district}, or {@link #NONE} for null. */
    public static UUID of(UUID district) {
        return district == null ? NONE : district;
    }

    public static boolean known(UUID district) {
        return district != null && !NONE.equals(district);
    }
}
