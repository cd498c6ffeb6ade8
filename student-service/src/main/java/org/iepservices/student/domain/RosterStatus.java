package org.iepservices.student.domain;

/**
 * The OneRoster status every roster-backed row carries. Nothing is hard-deleted: a record the
 * roster drops becomes {@code tobedeleted} and keeps its history (sessions, logs, compliance).
 */
public final class RosterStatus {

    public static final String ACTIVE = "active";
    public static final String TO_BE_DELETED = "tobedeleted";

    private RosterStatus() {
    }

    public static boolean isValid(String status) {
        return ACTIVE.equals(status) || TO_BE_DELETED.equals(status);
    }
}
