package org.iepservices.schedule.domain.conflict;

import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.scheduling.Booking;
import org.iepservices.schedule.domain.scheduling.TimeSpan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What is being checked: a new or changed weekly series (scope SERIES, on {@code day} from
 * {@code from} to {@code to}), or one occurrence moved to a date (scope OCCURRENCE, from == to).
 * Group-size and mandate-setting rules only judge series; a move does not change them.
 */
public record ProposedSession(Scope scope, UUID seriesId, UUID occurrenceId, UUID providerId, UUID schoolId,
                              String serviceType, ServiceSetting setting, UUID classId, UUID activityBlockId,
                              DayOfWeek day, TimeSpan time, LocalDate from, LocalDate to,
                              List<Participant> participants) {

    public enum Scope {
        SERIES,
        OCCURRENCE
    }

    /** A student in the session and the mandate it serves. */
    public record Participant(UUID studentId, UUID mandateId) {
    }

    public ProposedSession {
        participants = List.copyOf(participants);
    }

    public boolean series() {
        return scope == Scope.SERIES;
    }

    public Booking asBooking() {
        Map<UUID, UUID> students = new LinkedHashMap<>();
        participants.forEach(p -> students.put(p.studentId(), p.mandateId()));
        return new Booking(seriesId, series() ? null : occurrenceId, schoolId, setting, day, time, from, to, Set.of(),
                students);
    }
}
