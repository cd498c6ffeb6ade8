package org.iepservices.session.domain;

/** Who recorded a miss: session-service itself from what it knows, or a person. */
public enum MissOrigin {
    SYSTEM,
    PERSON
}
