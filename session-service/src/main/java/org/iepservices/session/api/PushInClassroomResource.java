package org.iepservices.session.api;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.domain.Attendance;
import org.iepservices.session.domain.ClassroomStructure;
import org.iepservices.session.domain.CoTeachingModel;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.SessionStatus;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.copy.ScheduledOccurrence;
import org.iepservices.session.service.CallerAccess;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a classroom teacher needs from session-service: when providers push into their class and the
 * debrief note the provider leaves afterwards. Deliberately narrow (FERPA legitimate interest): no goal
 * data, no progress or session notes, no minutes, no mandates or IEP detail, no Medicaid data. A
 * teacher's students are the students of the push-in sessions hosted in their class (the schedule
 * names the class's teachers; the log records the teacher it was hosted by): session-service keeps
 * no class enrollments, and needs none for this.
 */
@Path("/api/v1/teachers/{teacherId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Push-in classroom", description = "Push-in schedule and debrief notes of a teacher's class: what a "
        + "classroom teacher may see (no clinical notes, IEP detail or Medicaid data)")
public class PushInClassroomResource {

    /** Longest date range one request covers: a teacher looks at a week or a month, not at years. */
    static final int MAX_DAYS = 62;

    public record ClassroomStudent(UUID studentId,
                                   @Schema(description = "Occurrence: SCHEDULED or CANCELLED; debrief: attendance")
                                   String status) {
    }

    public record PushInOccurrence(UUID occurrenceId, UUID providerId, String providerName, String serviceType,
                                   UUID classId, String activitySubject, String room, LocalDate date,
                                   LocalTime startTime, LocalTime endTime, List<ClassroomStudent> students) {
    }

    public record Debrief(UUID sessionLogId, UUID occurrenceId, UUID providerId, String providerName,
                          LocalDate sessionDate, LocalTime startTime, LocalTime endTime, SessionStatus status,
                          UUID classId, ActivitySubject activitySubject, CoTeachingModel coTeachingModel,
                          ClassroomStructure classroomStructure,
                          @Schema(description = "The provider's note for the teacher") String teacherDebriefNote,
                          List<ClassroomStudent> students) {
    }

    private final ZoneId districtZone;
    private final CallerAccess access;
    private final AccessAudit audit;

    PushInClassroomResource(@ConfigProperty(name = "district.time-zone") String districtZone, CallerAccess access,
                            AccessAudit audit) {
        this.districtZone = ZoneId.of(districtZone);
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Path("/push-in-occurrences")
    @Operation(summary = "Push-in sessions scheduled in a teacher's class",
            description = "From schedule.events: every push-in occurrence naming the teacher, in a date range "
                    + "(default: today; at most 62 days), with provider, activity, room and the students "
                    + "(SCHEDULED or CANCELLED). A teacher reads their own class only (another teacher's id is a "
                    + "404); admins see the students of their schools or district.")
    @RolesAllowed({Role.TEACHER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public List<PushInOccurrence> occurrences(@PathParam("teacherId") UUID teacherId,
                                              @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        requireOwnClass(teacherId);
        LocalDate start = from != null ? from : LocalDate.now(districtZone);
        LocalDate end = checkedEnd(start, to);
        List<UUID> hosted = hostedOccurrences(teacherId, start, end);
        if (hosted.isEmpty()) {
            return List.of();
        }
        Parameters params = Parameters.with("hosted", hosted);
        String where = "key.occurrenceId in :hosted";
        if (!access.teacherView()) {
            where += " and " + access.students().condition("key.studentId");
            access.students().bind(params);
        }
        List<ScheduledOccurrence> rows = ScheduledOccurrence.list(
                where + " order by date, startTime, key.occurrenceId, key.studentId", params);
        Map<UUID, List<ScheduledOccurrence>> byOccurrence = new LinkedHashMap<>();
        rows.forEach(r -> byOccurrence.computeIfAbsent(r.key.occurrenceId(), id -> new ArrayList<>()).add(r));
        Map<UUID, String> names = new LinkedHashMap<>();
        List<PushInOccurrence> result = byOccurrence.values().stream().map(group -> {
            ScheduledOccurrence o = group.stream().filter(r -> !r.cancelled()).findFirst().orElse(group.get(0));
            return new PushInOccurrence(o.key.occurrenceId(), o.providerId, providerName(names, o.providerId),
                    o.serviceType, o.classId, o.activitySubject, o.room, o.date, o.startTime, o.endTime(),
                    group.stream().map(r -> new ClassroomStudent(r.key.studentId(), r.status)).toList());
        }).toList();
        Set<UUID> students = new LinkedHashSet<>();
        result.forEach(o -> o.students().forEach(s -> students.add(s.studentId())));
        if (!students.isEmpty()) {
            audit.read("push-in-schedule", teacherId, students);
        }
        return result;
    }

    @GET
    @Path("/push-in-debriefs")
    @Operation(summary = "Debrief notes of push-in sessions in a teacher's class",
            description = "The session logs of push-in sessions hosted by the teacher (the log's push-in teacher, or "
                    + "an occurrence of the schedule naming them) in a date range (default: today; at most 62 days): "
                    + "when, which provider, the activity, co-teaching model and classroom structure, the debrief "
                    + "note and who attended. Never goal data, progress or session notes, minutes or Medicaid data. "
                    + "A teacher reads their own class only (another teacher's id is a 404); admins see the students "
                    + "of their schools or district.")
    @RolesAllowed({Role.TEACHER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public List<Debrief> debriefs(@PathParam("teacherId") UUID teacherId,
                                  @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        requireOwnClass(teacherId);
        LocalDate start = from != null ? from : LocalDate.now(districtZone);
        LocalDate end = checkedEnd(start, to);
        List<UUID> hosted = hostedOccurrences(teacherId, start, end);
        StringBuilder where = new StringBuilder("setting = :pushIn and sessionDate >= :from and sessionDate <= :to "
                + "and (pushIn.teacherId = :teacher");
        Parameters params = Parameters.with("pushIn", ServiceSetting.PUSH_IN).and("from", start).and("to", end)
                .and("teacher", teacherId);
        if (!hosted.isEmpty()) {
            where.append(" or occurrenceId in :hosted");
            params.and("hosted", hosted);
        }
        where.append(')');
        if (!access.teacherView()) {
            where.append(" and id in (select scopeLog.id from SessionLog scopeLog join scopeLog.students scopeLine "
                    + "where ").append(access.students().condition("scopeLine.studentId")).append(')');
            access.students().bind(params);
        }
        List<SessionLog> logs = SessionLog.list(where + " order by sessionDate, startTime, id", params);
        Map<UUID, Set<UUID>> visible = access.teacherView() ? null : access.visibleStudents(logs);
        Map<UUID, String> names = new LinkedHashMap<>();
        Set<UUID> students = new LinkedHashSet<>();
        List<Debrief> result = new ArrayList<>();
        for (SessionLog log : logs) {
            List<ClassroomStudent> lines = log.students.stream()
                    .filter(s -> visible == null || visible.get(log.id).contains(s.studentId))
                    .map(s -> new ClassroomStudent(s.studentId, attendance(s.attendance)))
                    .toList();
            if (lines.isEmpty()) {
                continue;
            }
            lines.forEach(s -> students.add(s.studentId()));
            var c = log.pushIn;
            result.add(new Debrief(log.id, log.occurrenceId, log.providerId, providerName(names, log.providerId),
                    log.sessionDate, log.startTime, log.endTime, log.status, c == null ? null : c.classId,
                    c == null ? null : c.activitySubject, c == null ? null : c.coTeachingModel,
                    c == null ? null : c.classroomStructure, c == null ? null : c.teacherDebriefNote, lines));
        }
        if (!students.isEmpty()) {
            audit.read("push-in-debriefs", teacherId, students);
        }
        return result;
    }

    /** A teacher's class is theirs alone; another teacher's looks like nothing at all. */
    private void requireOwnClass(UUID teacherId) {
        if (access.teacherView() && !teacherId.equals(access.actor().staffId())) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Teacher " + teacherId + " is not known, or their "
                    + "class is not yours to see");
        }
    }

    private static LocalDate checkedEnd(LocalDate start, LocalDate to) {
        LocalDate end = to != null ? to : start;
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "at most " + MAX_DAYS + " days after from");
        }
        return end;
    }

    /**
     * Push-in occurrences in the range whose teachers include this one. The teachers are one
     * comma-separated column of the schedule copy, so this one lookup is SQL.
     */
    @SuppressWarnings("unchecked")
    private static List<UUID> hostedOccurrences(UUID teacherId, LocalDate from, LocalDate to) {
        return (List<UUID>) ScheduledOccurrence.getEntityManager().createNativeQuery(
                        "select distinct occurrence_id from scheduled_occurrence where setting = 'PUSH_IN' "
                                + "and occurrence_date >= ?1 and occurrence_date <= ?2 "
                                + "and (',' || replace(teacher_ids, ' ', '') || ',') like ?3", UUID.class)
                .setParameter(1, from).setParameter(2, to).setParameter(3, "%," + teacherId + ",%")
                .getResultList();
    }

    private static String providerName(Map<UUID, String> names, UUID providerId) {
        if (providerId == null) {
            return null;
        }
        return names.computeIfAbsent(providerId, id -> KnownStaff.<KnownStaff>findByIdOptional(id)
                .map(KnownStaff::displayName).orElse(null));
    }

    private static String attendance(Attendance attendance) {
        return attendance == null ? null : attendance.name();
    }
}
