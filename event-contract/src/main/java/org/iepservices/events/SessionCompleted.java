package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One student's credited minutes from a completed (signed) session log. Published once per
 * student credited with minutes; {@code makeupFor} lists the misses this session repays and how
 * many of its minutes go to each (the rest are ordinary delivered minutes).
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
        List<Repayment> makeupFor) {

    public static final EventType<SessionCompleted> TYPE =
            new EventType<>("SessionCompleted", Topics.SESSION, 1, SessionCompleted.class);

    /** {@code minutes} of this session repay the miss {@code missId}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Repayment(UUID missId, int minutes) {
    }

    public SessionCompleted {
        makeupFor = makeupFor == null ? List.of() : List.copyOf(makeupFor);
    }
}
