package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** A student was created or changed in student-service (roster import, push API or our own API). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StudentUpserted(
        UUID studentId,
        String sourcedId,
        String givenName,
        String familyName,
        String grade,
        UUID schoolId,
        String status) {

    public static final EventType<StudentUpserted> TYPE =
            new EventType<>("StudentUpserted", Topics.ROSTER, 1, StudentUpserted.class);
}
