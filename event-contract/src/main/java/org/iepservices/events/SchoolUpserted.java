package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * A school (OneRoster org of type school) was created or changed. The subject is the school id.
 * Consumers use it to map schools to their district (makeup policy, rollups) and time zone.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchoolUpserted(
        UUID schoolId,
        String sourcedId,
        String name,
        UUID districtId,
        String timeZone,
        String status) {

    public static final EventType<SchoolUpserted> TYPE =
            new EventType<>("SchoolUpserted", Topics.ROSTER, 1, SchoolUpserted.class);
}
