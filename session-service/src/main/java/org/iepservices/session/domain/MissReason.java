package org.iepservices.session.domain;

/** Why a scheduled session did not happen for a student. */
public enum MissReason {
    STUDENT_ABSENT,
    STUDENT_UNAVAILABLE,
    PROVIDER_ABSENT,
    PROVIDER_REASSIGNED,
    SCHOOL_CLOSED,
    SCHEDULING_ERROR,
    OTHER
}
