package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * One student's credited minutes from a completed (signed) session log. Published once per
 * student credited with minutes; {@code makeupFor} lists the misses this session repays and how
 * many of its minutes go to each (the rest are ordinary delivered minutes).
 *
 * @param occurrenceId the scheduled occurrence this log documents; null for an ad hoc session
 * @param format       INDIVIDUAL, SMALL_GROUP or WHOLE_CLASS
 * @param attendance   PRESENT or PARTIAL (absent students get no SessionCompleted)
 * @param goalData     the goal data taken for this student in this session
 * @param pushIn       the classroom context of a push-in session; null for pull-out
 * @param progressNote the provider's note on this student's session (may be quoted to families)
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
        List<Repayment> makeupFor,
        UUID occurrenceId,
        String serviceType,
        String format,
        LocalTime startTime,
        LocalTime endTime,
        String attendance,
        List<GoalData> goalData,
        PushInContext pushIn,
        String progressNote) {

    public static final EventType<SessionCompleted> TYPE =
            new EventType<>("SessionCompleted", Topics.SESSION, 1, SessionCompleted.class);

    /** The minimal form: minutes only, no goal data or context. */
    public SessionCompleted(UUID sessionLogId, UUID studentId, UUID mandateId, UUID providerId, ServiceSetting setting,
                            LocalDate sessionDate, int minutes, List<Repayment> makeupFor) {
        this(sessionLogId, studentId, mandateId, providerId, setting, sessionDate, minutes, makeupFor, null, null,
                null, null, null, null, null, null, null);
    }

    public SessionCompleted {
        makeupFor = makeupFor == null ? List.of() : List.copyOf(makeupFor);
        goalData = goalData == null ? List.of() : List.copyOf(goalData);
    }

    /** {@code minutes} of this session repay the miss {@code missId}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Repayment(UUID missId, int minutes) {
    }

    /**
     * Data on one IEP goal. Which fields are filled depends on {@code measure}: TRIALS
     * (correct/total, percent), FREQUENCY (count), INTERVAL (intervalsObserved /
     * intervalsWithBehavior, percent), PROBE (probeResult, percent if scored), DURATION
     * ({@code durationSeconds}), RUBRIC ({@code rubricScore} on the goal's scale). {@code cueLevel}
     * INDEPENDENT, MINIMAL, MODERATE or MAXIMAL. The last two fields were added later and are
     * optional (absent in older events).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoalData(
            UUID goalId,
            String measure,
            Integer correct,
            Integer total,
            Double percent,
            Integer count,
            Integer intervalsObserved,
            Integer intervalsWithBehavior,
            String cueLevel,
            String probeResult,
            String note,
            Integer durationSeconds,
            Integer rubricScore) {

        /** Goal data of the measures that existed before DURATION and RUBRIC. */
        public GoalData(UUID goalId, String measure, Integer correct, Integer total, Double percent, Integer count,
                        Integer intervalsObserved, Integer intervalsWithBehavior, String cueLevel,
                        String probeResult, String note) {
            this(goalId, measure, correct, total, percent, count, intervalsObserved, intervalsWithBehavior, cueLevel,
                    probeResult, note, null, null);
        }
    }

    /**
     * Where a push-in happened. {@code coTeachingModel} ONE_TEACH_ONE_ASSIST, STATION, PARALLEL,
     * TEAM or CONSULT; {@code classroomStructure} HIGH, MODERATE or LOW; {@code nonInstructionalBlock}
     * true when it was logged into lunch, recess or a transition.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PushInContext(
            UUID classId,
            UUID teacherId,
            String activitySubject,
            String coTeachingModel,
            String classroomStructure,
            String teacherDebriefNote,
            boolean nonInstructionalBlock) {
    }
}
