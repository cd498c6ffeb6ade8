package org.iepservices.student.domain;

/**
 * Who set a staff member's discipline. The roster may change a discipline it set itself (from a
 * {@code metadata.discipline} column, or TEACHER by default), never one a person set through our API.
 */
public enum DisciplineSource {
    API,
    ROSTER
}
