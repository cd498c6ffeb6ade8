package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * One student's part in a recurring session series, with every occurrence it generates over the
 * school calendar (no holidays or closures). Published once per student of the series (the
 * subject is the student id); {@link #CHANGED} carries the same full state after a change and
 * replaces what the consumer knew of the series for this student.
 *
 * @param mandateId      the student's mandate this series serves (now; an occurrence before an IEP
 *                       amendment names the superseded one in its own {@code mandateId})
 * @param classId        push-in: the class joined (teachers in {@code teacherIds})
 * @param activityBlockId push-in: the class activity block joined
 * @param activitySubject push-in: what the class is doing then ({@link ActivitySubject} name)
 * @param room           pull-out: where
 * @param groupSize      students in the series (1 = individual)
 * @param occurrences    the dated occurrences from {@code effectiveFrom} to {@code effectiveTo},
 *                       with moves applied and cancelled ones left out
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionSeriesScheduled(
        UUID seriesId,
        UUID studentId,
        UUID mandateId,
        UUID providerId,
        String serviceType,
        ServiceSetting setting,
        UUID schoolId,
        UUID classId,
        List<UUID> teacherIds,
        UUID activityBlockId,
        String activitySubject,
        String room,
        DayOfWeek dayOfWeek,
        LocalTime startTime,
        int durationMinutes,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        int groupSize,
        List<Occurrence> occurrences) {

    public static final EventType<SessionSeriesScheduled> TYPE =
            new EventType<>("SessionSeriesScheduled", Topics.SCHEDULE, 1, SessionSeriesScheduled.class);
    /** Same payload: the series changed (time, setting, dates, group); replaces the previous state. */
    public static final EventType<SessionSeriesScheduled> CHANGED =
            new EventType<>("SessionSeriesChanged", Topics.SCHEDULE, 1, SessionSeriesScheduled.class);

    public SessionSeriesScheduled {
        teacherIds = teacherIds == null ? List.of() : List.copyOf(teacherIds);
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }

    /**
     * One dated session. {@code coreOverlap} lists, for a pull-out, the minutes of core
     * instruction the student misses in their class during it, by subject. {@code mandateId}
     * (optional, added in place in v1) is the mandate this occurrence serves: after an IEP
     * amendment the occurrences before its effective date serve the superseded mandate and the
     * later ones the continuing mandate (the series' {@code mandateId}); null means the series' one.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Occurrence(UUID occurrenceId, LocalDate date, LocalTime startTime, int minutes,
                             List<SubjectMinutes> coreOverlap, UUID mandateId) {
        public Occurrence {
            coreOverlap = coreOverlap == null ? List.of() : List.copyOf(coreOverlap);
        }

        public Occurrence(UUID occurrenceId, LocalDate date, LocalTime startTime, int minutes,
                          List<SubjectMinutes> coreOverlap) {
            this(occurrenceId, date, startTime, minutes, coreOverlap, null);
        }
    }

    /** Minutes of one {@link ActivitySubject}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubjectMinutes(String subject, int minutes) {
    }
}
