package org.iepservices.session.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.Attendance;
import org.iepservices.session.domain.ClassroomStructure;
import org.iepservices.session.domain.CoTeachingModel;
import org.iepservices.session.domain.CueLevel;
import org.iepservices.session.domain.GoalDataEntry;
import org.iepservices.session.domain.GoalMeasure;
import org.iepservices.session.domain.SessionFormat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

@Schema(description = "A session as the provider documents it: when, where (setting), how (format), the push-in "
        + "classroom context and, per student, attendance, credited minutes and goal data. With occurrenceId the "
        + "log documents a scheduled occurrence: providerId, sessionDate, startTime, endTime, setting, format, the "
        + "students with their mandates and the push-in class/teacher/activity are taken from the schedule unless "
        + "given. Without it (ad hoc session) providerId, sessionDate, startTime, endTime, setting, format and "
        + "students are required.")
public record SessionLogRequest(
        @Schema(description = "The scheduled occurrence this log documents (from schedule-service)") UUID occurrenceId,
        UUID providerId,
        @Schema(example = "2026-09-15") LocalDate sessionDate,
        @Schema(example = "10:00:00") LocalTime startTime,
        @Schema(example = "10:30:00") LocalTime endTime,
        @Schema(description = "The setting actually delivered") ServiceSetting setting,
        SessionFormat format,
        @Size(max = 4000) String note,
        @Valid @Schema(description = "Push-in sessions only") PushIn pushIn,
        List<@Valid @NotNull StudentLine> students) {

    @Schema(description = "minutes may be left out for a PRESENT student: the session's length is credited. "
            + "mandateId may be left out when the log documents an occurrence the student is scheduled for. "
            + "makeupFor makes this a makeup session for the listed misses (of this student and mandate, or of the "
            + "mandate it continues, and owed); at completion its minutes repay them oldest first.")
    public record StudentLine(
            @NotNull UUID studentId,
            @Schema(description = "The IEP service mandate these minutes count toward") UUID mandateId,
            @NotNull Attendance attendance,
            Integer minutes,
            List<@NotNull UUID> makeupFor,
            List<@Valid @NotNull GoalData> goalData,
            @Size(max = 4000) @Schema(description = "The provider's note on this student's session")
            String progressNote) {

        public List<UUID> makeupFor() {
            return makeupFor == null ? List.of() : makeupFor;
        }

        public List<GoalData> goalData() {
            return goalData == null ? List.of() : goalData;
        }
    }

    @Schema(description = "Data on one IEP goal of the student. TRIALS: correct and total (percent computed); "
            + "FREQUENCY: count; INTERVAL: intervalsObserved and intervalsWithBehavior (percent computed); PROBE: "
            + "probeResult, optionally scored with correct/total; ANECDOTAL: note; DURATION (DURATION goals): "
            + "durationSeconds, at most the session's length; RUBRIC (RUBRIC goals): rubricScore on the goal's scale. "
            + "cueLevel and note fit any measure.")
    public record GoalData(
            @NotNull UUID goalId,
            @NotNull GoalMeasure measure,
            @Schema(example = "8") Integer correct,
            @Schema(example = "10") Integer total,
            Integer count,
            Integer intervalsObserved,
            Integer intervalsWithBehavior,
            CueLevel cueLevel,
            @Size(max = 2000) String probeResult,
            @Size(max = 4000) String note,
            @Schema(description = "DURATION: how long it lasted, in seconds", example = "95") Integer durationSeconds,
            @Schema(description = "RUBRIC: the score on the goal's rubric scale", example = "3") Integer rubricScore) {

        public GoalDataEntry entry() {
            return new GoalDataEntry(goalId, measure, correct, total, count, intervalsObserved, intervalsWithBehavior,
                    cueLevel, probeResult, note, durationSeconds, rubricScore);
        }
    }

    @Schema(description = "Where the push-in happened. activitySubject LUNCH, RECESS, TRANSITION, ARRIVAL or "
            + "DISMISSAL is accepted but flagged as a non-instructional block.")
    public record PushIn(
            UUID classId,
            UUID teacherId,
            ActivitySubject activitySubject,
            CoTeachingModel coTeachingModel,
            ClassroomStructure classroomStructure,
            @Size(max = 4000) String teacherDebriefNote) {
    }
}
