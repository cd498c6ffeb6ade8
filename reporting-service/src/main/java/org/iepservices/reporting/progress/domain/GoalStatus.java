package org.iepservices.reporting.progress.domain;

/** Where a goal stands against its IEP target. */
public enum GoalStatus {
    /** The last k data points are all at or above the target. */
    MET,
    /** The trend line reaches the target by the IEP's end date. */
    ON_TRACK,
    /** The trend line stays below the target at the IEP's end date. */
    NOT_ON_TRACK,
    /** Fewer data points than the minimum, or none on two different days. */
    INSUFFICIENT_DATA,
    /** The goal has no numeric target in the measure its data is taken in (e.g. a frequency goal). */
    NO_TARGET
}
