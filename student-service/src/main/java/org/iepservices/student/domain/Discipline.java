package org.iepservices.student.domain;

/** What a staff member does; providers are SLP, OT, PT and counselors. */
public enum Discipline {
    SLP,
    OT,
    PT,
    COUNSELOR,
    TEACHER;

    public boolean isProvider() {
        return this != TEACHER;
    }
}
