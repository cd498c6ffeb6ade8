package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A series ends for one student (the series was cancelled, or the student left the group): its
 * occurrences on and after {@code effectiveFrom} are no longer scheduled. Earlier ones stay.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionSeriesCancelled(
        UUID seriesId,
        UUID studentId,
        UUID mandateId,
        LocalDate effectiveFrom,
        String reason) {

    public static final EventType<SessionSeriesCancelled> TYPE =
            new EventType<>("SessionSeriesCancelled", Topics.SCHEDULE, 1, SessionSeriesCancelled.class);
}
