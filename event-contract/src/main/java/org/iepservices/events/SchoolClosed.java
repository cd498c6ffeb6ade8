package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A school will not hold instruction on a date it was expected to (snow day, emergency). The
 * subject is the school id: occurrences on that date are cancelled with reason SCHOOL_CLOSED,
 * and forecasts stop counting the day.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchoolClosed(UUID schoolId, LocalDate date, String reason) {

    public static final EventType<SchoolClosed> TYPE =
            new EventType<>("SchoolClosed", Topics.SCHEDULE, 1, SchoolClosed.class);
}
