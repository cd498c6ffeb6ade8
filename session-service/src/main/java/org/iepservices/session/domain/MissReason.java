package org.iepservices.session.domain;

/** Why a scheduled session did not happen for a student. */
public enum MissReason {
    STUDENT_ABSENT,
    STUDENT_UNAVAILABLE,
    PROVIDER_ABSENT,
    PROVIDER_REASSIGNED,
    SCHOOL_CLOSED,
    SCHEDULING_ERROR,
    OTHER,
    /** The school held an event (assembly, field day) instead: a cancelled occurrence says so. */
    SCHOOL_EVENT,
    /** Nobody documented the occurrence within the district's number of school days (the system's sweep). */
    UNDOCUMENTED;

    /**
     * Reasons added after districts had set their policies: a policy may leave them out and then
     * takes the default verdict for them, so policies set before they existed stay valid.
     */
    public boolean optionalInPolicy() {
        return this == SCHOOL_EVENT || this == UNDOCUMENTED;
    }
}
