package org.iepservices.schedule.domain.coverage;

/** Whether what is scheduled in a period reaches what is mandated, setting by setting. */
public enum CoverageStatus {
    /** Every setting has at least its mandated minutes, none more. */
    COVERED,
    /** Some setting lacks minutes: a hole to fill before the period comes. */
    GAP,
    /** No setting lacks minutes, some has more than mandated. */
    OVER_SCHEDULED
}
