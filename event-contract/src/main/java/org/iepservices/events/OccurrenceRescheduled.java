package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** One occurrence moved to another date or time (same series, same student, same minutes). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OccurrenceRescheduled(
        UUID occurrenceId,
        UUID seriesId,
        UUID studentId,
        UUID mandateId,
        ServiceSetting setting,
        LocalDate originalDate,
        LocalDate date,
        LocalTime startTime,
        int minutes,
        List<SessionSeriesScheduled.SubjectMinutes> coreOverlap) {

    public static final EventType<OccurrenceRescheduled> TYPE =
            new EventType<>("OccurrenceRescheduled", Topics.SCHEDULE, 1, OccurrenceRescheduled.class);

    public OccurrenceRescheduled {
        coreOverlap = coreOverlap == null ? List.of() : List.copyOf(coreOverlap);
    }
}
