package org.iepservices.student.domain;

/** The unit a DURATION goal is written in ("on task for 10 minutes", "tantrums under 30 seconds"). */
public enum DurationUnit {
    SECONDS,
    MINUTES
}
