package org.iepservices.schedule.domain.conflict;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One clash. {@code studentId}, {@code otherSeriesId}, {@code date} (the first date it happens)
 * and {@code subject} (an ActivitySubject) are set when they apply.
 */
public record Conflict(ConflictKind kind, Severity severity, String message, UUID studentId, UUID otherSeriesId,
                       LocalDate date, String subject) {

    public static Conflict of(ConflictKind kind, Severity severity, String message) {
        return new Conflict(kind, severity, message, null, null, null, null);
    }

    public Conflict student(UUID id) {
        return new Conflict(kind, severity, message, id, otherSeriesId, date, subject);
    }

    public Conflict otherSeries(UUID id) {
        return new Conflict(kind, severity, message, studentId, id, date, subject);
    }

    public Conflict on(LocalDate day) {
        return new Conflict(kind, severity, message, studentId, otherSeriesId, day, subject);
    }

    public Conflict subject(String name) {
        return new Conflict(kind, severity, message, studentId, otherSeriesId, date, name);
    }

    public boolean hard() {
        return severity == Severity.HARD;
    }
}
