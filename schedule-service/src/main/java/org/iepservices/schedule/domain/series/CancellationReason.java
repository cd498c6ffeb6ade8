package org.iepservices.schedule.domain.series;

/**
 * Why an occurrence will not take place. SCHOOL_CLOSED is set by closures; the others are given
 * by whoever cancels one occurrence. Whether a makeup is owed is session-service's decision.
 */
public enum CancellationReason {
    SCHOOL_CLOSED,
    PROVIDER_UNAVAILABLE,
    STUDENT_UNAVAILABLE,
    OTHER
}
