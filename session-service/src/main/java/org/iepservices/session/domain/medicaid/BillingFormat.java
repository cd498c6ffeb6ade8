package org.iepservices.session.domain.medicaid;

import org.iepservices.session.domain.SessionFormat;

/** Individual or group service code. */
public enum BillingFormat {
    INDIVIDUAL,
    GROUP;

    /**
     * A group code needs at least two students present: a small-group or whole-class session that
     * ended with one student present is billed with the individual code.
     */
    public static BillingFormat of(SessionFormat format, long studentsPresent) {
        if (format == SessionFormat.INDIVIDUAL) {
            return INDIVIDUAL;
        }
        return studentsPresent >= 2 ? GROUP : INDIVIDUAL;
    }
}
