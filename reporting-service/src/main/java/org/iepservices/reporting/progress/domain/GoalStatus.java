package org.iepservices.reporting.progress.domain;

/** Where a goal stands against its IEP target. */
public enum GoalStatus {
    /** The last k data points all meet the target (at or above it; at or below it for a DECREASE goal). */
    MET,
    /** The trend line reaches the target by the IEP's end date. */
    ON_TRACK,
    /** The trend line falls short of the target at the IEP's end date (below it; above it for a DECREASE goal). */
    NOT_ON_TRACK,
    /** Fewer data points than the minimum, or none on two different days. */
    INSUFFICIENT_DATA,
    /** The goal has no numeric target in the measure its data is taken in (e.g. a frequency goal). */
    NO_TARGET
}
