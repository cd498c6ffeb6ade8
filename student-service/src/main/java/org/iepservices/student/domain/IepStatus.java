package org.iepservices.student.domain;

/** DRAFT is editable; ACTIVE is in force (one per student); SUPERSEDED and ENDED are history. */
public enum IepStatus {
    DRAFT,
    ACTIVE,
    SUPERSEDED,
    ENDED
}
