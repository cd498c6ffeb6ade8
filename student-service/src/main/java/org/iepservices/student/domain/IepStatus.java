package org.iepservices.student.domain;

/**
 * DRAFT is editable; ACTIVE is the student's current version (one per student); SUPERSEDED
 * versions were replaced by an amendment or the next IEP and stay authoritative for the dates
 * they were in force; ENDED stopped early (exit from services). Only drafts change.
 */
public enum IepStatus {
    DRAFT,
    ACTIVE,
    SUPERSEDED,
    ENDED
}
