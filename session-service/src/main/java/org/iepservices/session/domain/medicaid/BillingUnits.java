package org.iepservices.session.domain.medicaid;

/**
 * The 15-minute rule of timed codes (CMS "8-minute rule"): 8-22 minutes bill 1 unit, 23-37
 * minutes 2, 38-52 minutes 3, and so on; under 8 minutes bills nothing. Untimed codes do not use
 * it (see {@link UnitRule}).
 */
public final class BillingUnits {

    public static final int MINIMUM_MINUTES = 8;

    private BillingUnits() {
    }

    public static int of(int minutes) {
        if (minutes < MINIMUM_MINUTES) {
            return 0;
        }
        return (minutes + 7) / 15;
    }
}
