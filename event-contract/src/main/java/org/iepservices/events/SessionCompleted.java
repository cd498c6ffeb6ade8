package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One student's credited minutes from a completed (signed) session log. Published once per
 * student present in the session; {@code makeupFor} lists the misses this session repays.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionCompleted(
        UUID sessionLogId,
        UUID studentId,
        UUID mandateId,
        UUID providerId,
        ServiceSetting setting,
        LocalDate sessionDate,
        int minutes,
        List<UUID> makeupFor) {

    public static final EventType<SessionCompleted> TYPE =
            new EventType<>("SessionCompleted", Topics.SESSION, 1, SessionCompleted.class);

    public SessionCompleted {
        makeupFor = makeupFor == null ? List.of() : List.copyOf(makeupFor);
    }
}
