package org.iepservices.session.domain.medicaid;

/**
 * How a service code counts units, as the state's Medicaid manual says for that code.
 */
public enum UnitRule {
    /** One unit per session whatever its length (CPT 92507, 92508, 97150). */
    UNTIMED,
    /** 15-minute units under the 8-minute rule: 8-22 minutes = 1, 23-37 = 2, ...; under 8 = none. */
    TIMED_15;

    /** Units for {@code minutes} delivered; 0 means nothing billable. */
    public int units(int minutes) {
        if (minutes <= 0) {
            return 0;
        }
        return this == UNTIMED ? 1 : BillingUnits.of(minutes);
    }
}
