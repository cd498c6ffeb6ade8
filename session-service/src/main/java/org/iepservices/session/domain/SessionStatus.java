package org.iepservices.session.domain;

/** A draft can be edited; a completed log is signed and locked, corrections go into addenda. */
public enum SessionStatus {
    DRAFT,
    COMPLETED
}
