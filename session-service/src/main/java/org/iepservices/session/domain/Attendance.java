package org.iepservices.session.domain;

/** A student's attendance in one session; PARTIAL means arrived late or left early. */
public enum Attendance {
    PRESENT,
    PARTIAL,
    ABSENT
}
