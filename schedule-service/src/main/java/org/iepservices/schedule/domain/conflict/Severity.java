package org.iepservices.schedule.domain.conflict;

/** HARD conflicts are refused unless overridden with a reason; SOFT ones are warnings. */
public enum Severity {
    HARD,
    SOFT
}
