package org.iepservices.schedule.service;

import org.iepservices.schedule.domain.conflict.Conflict;

import java.util.List;

/**
 * A change refused because of hard conflicts and no override: mapped to 409 problem+json that
 * lists every conflict. Thrown inside the transaction, so nothing is written.
 */
public class ScheduleConflictException extends RuntimeException {

    private final List<Conflict> conflicts;

    public ScheduleConflictException(String detail, List<Conflict> conflicts) {
        super(detail);
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
