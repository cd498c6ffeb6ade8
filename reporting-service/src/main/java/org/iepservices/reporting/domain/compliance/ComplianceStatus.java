package org.iepservices.reporting.domain.compliance;

/** Where a mandate stands in one period. */
public enum ComplianceStatus {
    /** The period has not begun. */
    NOT_STARTED,
    /** Open and not short yet, or closed with every setting's minutes delivered or made up. */
    ON_TRACK,
    /** Open, and what remains schedulable cannot close the gap (needs the schedule forecast). */
    AT_RISK,
    /** Closed short in at least one setting, not (yet) made up. */
    OUT_OF_COMPLIANCE,
    /** Closed with every setting met and more minutes than mandated in at least one. */
    OVER_DELIVERED
}
