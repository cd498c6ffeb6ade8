package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An addendum to a completed session log changed one student's credited minutes. Carries the
 * student's full new state for that log, so a consumer replaces what SessionCompleted said:
 * {@code minutes} 0 means the student is no longer credited for the session.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionAmended(
        UUID sessionLogId,
        UUID addendumId,
        UUID studentId,
        UUID mandateId,
        UUID providerId,
        ServiceSetting setting,
        LocalDate sessionDate,
        int previousMinutes,
        int minutes,
        List<SessionCompleted.Repayment> makeupFor,
        String reason) {

    public static final EventType<SessionAmended> TYPE =
            new EventType<>("SessionAmended", Topics.SESSION, 1, SessionAmended.class);

    public SessionAmended {
        makeupFor = makeupFor == null ? List.of() : List.copyOf(makeupFor);
    }
}
