package org.iepservices.session.domain;

/** How structured the classroom was during a push-in: a chaotic room makes push-in performative. */
public enum ClassroomStructure {
    HIGH,
    MODERATE,
    LOW
}
