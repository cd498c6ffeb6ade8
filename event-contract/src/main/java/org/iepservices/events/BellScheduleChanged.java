package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalTime;
import java.util.UUID;

/**
 * A school's bell schedule was created, changed or removed ({@code removed}). The subject is
 * the school id. Reporting takes the default schedule's instructional minutes as the length of
 * the school day when it computes a student's share of time in general education.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BellScheduleChanged(
        UUID schoolId,
        UUID bellScheduleId,
        String name,
        boolean isDefault,
        LocalTime dayStart,
        LocalTime dayEnd,
        int instructionalMinutes,
        boolean removed) {

    public static final EventType<BellScheduleChanged> TYPE =
            new EventType<>("BellScheduleChanged", Topics.SCHEDULE, 1, BellScheduleChanged.class);
}
