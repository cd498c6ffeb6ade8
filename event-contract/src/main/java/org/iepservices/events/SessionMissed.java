package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A scheduled session a student did not receive. {@code owed} is the district makeup policy's
 * verdict for the reason: OWED, NOT_OWED or REVIEW (an IEP-team decision still to be made; a
 * {@link MissResolved} follows).
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
        String note) {

    public static final EventType<SessionMissed> TYPE =
            new EventType<>("SessionMissed", Topics.SESSION, 1, SessionMissed.class);

    public SessionMissed(UUID missId, UUID studentId, UUID mandateId, UUID providerId, ServiceSetting setting,
                         LocalDate sessionDate, int minutes, String reason, String owed) {
        this(missId, studentId, mandateId, providerId, setting, sessionDate, minutes, reason, owed, null, null);
    }
}
