package org.iepservices.session.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.Attendance;
import org.iepservices.session.domain.ClassroomStructure;
import org.iepservices.session.domain.CoTeachingModel;
import org.iepservices.session.domain.CueLevel;
import org.iepservices.session.domain.GoalMeasure;
import org.iepservices.session.domain.GoalObservation;
import org.iepservices.session.domain.MakeupLink;
import org.iepservices.session.domain.PushInContext;
import org.iepservices.session.domain.SessionAddendum;
import org.iepservices.session.domain.SessionFormat;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.SessionStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

public record SessionLogResponse(
        UUID id,
        @Schema(description = "The scheduled occurrence documented; null for an ad hoc session") UUID occurrenceId,
        UUID providerId,
        LocalDate sessionDate,
        LocalTime startTime,
        LocalTime endTime,
        ServiceSetting setting,
        SessionFormat format,
        SessionStatus status,
        boolean locked,
        String note,
        PushIn pushIn,
        @Schema(description = "Things a coordinator should look at, e.g. a push-in logged into lunch or recess")
        List<String> warnings,
        Signature signature,
        List<StudentLine> students,
        List<Addendum> addenda,
        long version) {

    /** Current values; {@code original*} are what the signed log said before any addendum. */
    public record StudentLine(UUID studentId, UUID mandateId, String serviceType, Attendance attendance, int minutes,
                              Attendance originalAttendance, int originalMinutes, List<Repayment> makeupFor,
                              List<GoalData> goalData, String progressNote) {
    }

    public record GoalData(UUID goalId, GoalMeasure measure, Integer correct, Integer total,
                           @Schema(description = "Computed: correct/total or intervals with behavior / observed")
                           BigDecimal percent, Integer count, Integer intervalsObserved,
                           Integer intervalsWithBehavior, CueLevel cueLevel, String probeResult, String note,
                           @Schema(description = "DURATION data, in seconds") Integer durationSeconds,
                           @Schema(description = "RUBRIC data: the score on the goal's scale") Integer rubricScore) {
    }

    public record PushIn(UUID classId, UUID teacherId, ActivitySubject activitySubject,
                         CoTeachingModel coTeachingModel, ClassroomStructure classroomStructure,
                         String teacherDebriefNote,
                         @Schema(description = "Logged into lunch, recess, a transition, arrival or dismissal")
                         boolean nonInstructionalBlock) {
    }

    public record Addendum(UUID id, String author, String credentials,
                           @Schema(description = "The token subject of who wrote it") String authorSubject,
                           @Schema(description = "provider (the log's own) or district-admin") String authorRole,
                           String reason, OffsetDateTime createdAt, List<SessionAddendum.Change> changes) {
    }

    /** A miss this line repays; {@code minutes} is allocated when the log is completed. */
    public record Repayment(UUID missId, int minutes) {
    }

    public record Signature(String signedBy, String credentials, OffsetDateTime signedAt,
                            @Schema(description = "Staff id in the signer's token: the log's provider") UUID signerId) {
    }

    /**
     * The log as a caller who may see only some of its students sees it (an admin whose scope holds
     * one student of a group): the other students' lines and corrections are left out.
     */
    public SessionLogResponse onlyStudents(java.util.Set<UUID> visible) {
        if (students.stream().allMatch(s -> visible.contains(s.studentId()))) {
            return this;
        }
        return new SessionLogResponse(id, occurrenceId, providerId, sessionDate, startTime, endTime, setting, format,
                status, locked, note, pushIn, warnings, signature,
                students.stream().filter(s -> visible.contains(s.studentId())).toList(),
                addenda.stream().map(a -> new Addendum(a.id(), a.author(), a.credentials(), a.authorSubject(),
                        a.authorRole(), a.reason(), a.createdAt(), a.changes().stream()
                        .filter(c -> visible.contains(c.studentId())).toList())).toList(),
                version);
    }

    static SessionLogResponse of(SessionLog log, List<MakeupLink> links, List<SessionAddendum> addenda,
                                 List<GoalObservation> goals) {
        PushInContext c = log.pushIn;
        PushIn pushIn = c == null ? null : new PushIn(c.classId, c.teacherId, c.activitySubject, c.coTeachingModel,
                c.classroomStructure, c.teacherDebriefNote, c.nonInstructionalBlock());
        List<String> warnings = new ArrayList<>();
        if (c != null && c.nonInstructionalBlock()) {
            warnings.add("push-in logged during " + c.activitySubject + ", a non-instructional block: there was no "
                    + "lesson to push into");
        }
        return new SessionLogResponse(log.id, log.occurrenceId, log.providerId, log.sessionDate, log.startTime,
                log.endTime, log.setting, log.format, log.status, log.isLocked(), log.note, pushIn, warnings,
                log.signedAt == null ? null : new Signature(log.signedBy, log.signerCredentials, log.signedAt,
                        log.signerId),
                log.students.stream()
                        .map(s -> new StudentLine(s.studentId, s.mandateId, s.serviceType, s.attendance, s.minutes,
                                Attendance.valueOf(original(addenda, s.studentId, "attendance", s.attendance.name())),
                                Integer.parseInt(original(addenda, s.studentId, "minutes", Integer.toString(s.minutes))),
                                links.stream()
                                        .filter(l -> l.key.studentId().equals(s.studentId))
                                        .map(l -> new Repayment(l.key.missId(), l.minutes))
                                        .toList(),
                                goals.stream().filter(g -> g.studentId.equals(s.studentId))
                                        .map(g -> new GoalData(g.goalId, g.measure, g.correct, g.total, g.percent,
                                                g.count, g.intervalsObserved, g.intervalsWithBehavior, g.cueLevel,
                                                g.probeResult, g.note, g.durationSeconds, g.rubricScore))
                                        .toList(),
                                s.progressNote))
                        .toList(),
                addenda.stream().map(a -> new Addendum(a.id, a.author, a.authorCredentials, a.authorSubject,
                        a.authorRole, a.reason, a.createdAt, List.copyOf(a.changes))).toList(),
                log.version);
    }

    /** The old value of the first change to the field, else the current value. */
    private static String original(List<SessionAddendum> addenda, UUID studentId, String field, String current) {
        for (SessionAddendum a : addenda) {
            for (SessionAddendum.Change c : a.changes) {
                if (c.studentId().equals(studentId) && c.field().equals(field)) {
                    return c.oldValue();
                }
            }
        }
        return current;
    }
}
