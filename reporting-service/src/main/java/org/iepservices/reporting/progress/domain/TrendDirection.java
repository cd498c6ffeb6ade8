package org.iepservices.reporting.progress.domain;

/** The direction of a goal's trend in plain language. */
public enum TrendDirection {
    IMPROVING,
    FLAT,
    DECLINING,
    /** Too few points, or all on one day: no slope can be fitted. */
    INSUFFICIENT_DATA
}
