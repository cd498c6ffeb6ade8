package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A scheduled session a student did not receive. {@code owed} is the district makeup policy's
 * verdict for the reason: OWED, NOT_OWED or REVIEW (an IEP-team decision still to be made; a
 * {@link MissResolved} follows). {@code origin} is SYSTEM when session-service recorded the miss
 * itself (a closure, a cancelled occurrence, an ABSENT line in a signed group log, an occurrence
 * left undocumented) and PERSON when someone entered it ({@code recordedBy}); null from older
 * producers, read as PERSON.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionMissed(
        UUID missId,
        UUID studentId,
        UUID mandateId,
        UUID providerId,
        ServiceSetting setting,
        LocalDate sessionDate,
        int minutes,
        String reason,
        String owed,
        UUID occurrenceId,
        String note,
        String origin,
        UUID recordedBy) {

    public static final EventType<SessionMissed> TYPE =
            new EventType<>("SessionMissed", Topics.SESSION, 1, SessionMissed.class);

    public SessionMissed(UUID missId, UUID studentId, UUID mandateId, UUID providerId, ServiceSetting setting,
                         LocalDate sessionDate, int minutes, String reason, String owed) {
        this(missId, studentId, mandateId, providerId, setting, sessionDate, minutes, reason, owed, null, null,
                null, null);
    }

    public SessionMissed(UUID missId, UUID studentId, UUID mandateId, UUID providerId, ServiceSetting setting,
                         LocalDate sessionDate, int minutes, String reason, String owed, UUID occurrenceId,
                         String note) {
        this(missId, studentId, mandateId, providerId, setting, sessionDate, minutes, reason, owed, occurrenceId,
                note, null, null);
    }
}
