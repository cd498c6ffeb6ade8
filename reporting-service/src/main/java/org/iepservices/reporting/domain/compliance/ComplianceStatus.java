package org.iepservices.reporting.domain.compliance;

/** Where a service stands in one period. */
public enum ComplianceStatus {
    /** The period has not begun. */
    NOT_STARTED,
    /** Open and the forecast meets every setting, or closed with every setting delivered or made up. */
    ON_TRACK,
    /** Open, and delivered plus still-scheduled minutes fall short in at least one setting. */
    AT_RISK,
    /** Closed short in at least one setting, not (yet) made up. */
    OUT_OF_COMPLIANCE,
    /** Closed with every setting met and more minutes than mandated in at least one. */
    OVER_DELIVERED
}
