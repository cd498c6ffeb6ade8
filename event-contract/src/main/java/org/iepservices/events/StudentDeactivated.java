package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A student left the roster (OneRoster status {@code tobedeleted}: a bulk file no longer lists
 * them, a delta row says so, or the push API deleted them). History is kept everywhere;
 * consumers stop scheduling and forecasting for the student from {@code effectiveOn}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StudentDeactivated(
        UUID studentId,
        String sourcedId,
        UUID schoolId,
        LocalDate effectiveOn,
        String reason) {

    public static final EventType<StudentDeactivated> TYPE =
            new EventType<>("StudentDeactivated", Topics.ROSTER, 1, StudentDeactivated.class);
}
