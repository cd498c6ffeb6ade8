package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One occurrence of a series will not take place for this student. {@code reason}:
 * SCHOOL_CLOSED (published for every affected student after a closure), PROVIDER_UNAVAILABLE,
 * STUDENT_UNAVAILABLE, OTHER. Whether a makeup is owed is session-service's decision, not this event's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OccurrenceCancelled(
        UUID occurrenceId,
        UUID seriesId,
        UUID studentId,
        UUID mandateId,
        UUID providerId,
        ServiceSetting setting,
        LocalDate date,
        int minutes,
        String reason,
        String note) {

    public static final EventType<OccurrenceCancelled> TYPE =
            new EventType<>("OccurrenceCancelled", Topics.SCHEDULE, 1, OccurrenceCancelled.class);
}
