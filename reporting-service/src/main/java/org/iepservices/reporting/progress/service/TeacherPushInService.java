package org.iepservices.reporting.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.domain.Staff;
import org.iepservices.reporting.domain.Student;
import org.iepservices.reporting.progress.projection.ProgressClass;
import org.iepservices.reporting.progress.projection.ProgressEnrollment;
import org.iepservices.reporting.access.StudentScopeSql;
import org.iepservices.reporting.projection.Sql;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a classroom teacher needs to host push-in sessions: when providers come into their classes,
 * with which students, and what the provider told them afterwards. Deliberately nothing clinical:
 * no goal data, no anecdotal or progress notes, no Medicaid fields.
 *
 * <p>Upcoming sessions are the effective occurrences of push-in series (moves applied; cancelled
 * occurrences, occurrences after a series ended and closure days left out), as the compliance
 * schedule consumer resolves them; debriefs are the push-in context of completed sessions still
 * credited with minutes.
 */
@ApplicationScoped
public class TeacherPushInService {

    /** Roster roles that make a class "theirs". */
    private static final Set<String> CLASSROOM_ROLES = Set.of("teacher", "aide");

    public record Person(UUID id, String name) {
    }

    public record Provider(UUID id, String name, String discipline) {
    }

    public record ClassRef(UUID id, String title) {
    }

    public record UpcomingSession(LocalDate date, LocalTime startTime, int minutes, ClassRef schoolClass,
                                  String activitySubject, String serviceType, Provider provider, UUID seriesId,
                                  List<Person> students) {
    }

    public record Debrief(UUID sessionLogId, LocalDate date, LocalTime startTime, ClassRef schoolClass,
                          String activitySubject, String coTeachingModel, Provider provider, String note,
                          List<Person> students) {
    }

    public record View(UUID teacherId, String teacherName, LocalDate from, LocalDate to, List<ClassRef> classes,
                       List<UpcomingSession> upcoming, List<Debrief> debriefs) {

        /** Every student the view names: what the access trail records. */
        public Set<UUID> studentIds() {
            Set<UUID> ids = new java.util.LinkedHashSet<>();
            upcoming.forEach(u -> u.students().forEach(p -> ids.add(p.id())));
            debriefs.forEach(d -> d.students().forEach(p -> ids.add(p.id())));
            return ids;
        }
    }

    private final Sql sql;

    TeacherPushInService(Sql sql) {
        this.sql = sql;
    }

    public boolean teacherKnown(UUID teacherId) {
        return sql.one("""
                select exists (select 1 from staff where staff_id = ?)
                    or exists (select 1 from progress_enrollment where user_id = ?)
                    or exists (select 1 from series_teacher where teacher_id = ?) as known""",
                rs -> rs.bool("known"), teacherId, teacherId, teacherId).orElse(false);
    }

    /**
     * The view with only the students {@code visibleSeries} (over {@code s.student_id}) and
     * {@code visibleSessions} (over {@code p.student_id}) let the caller see: a slot or debrief
     * whose students are all out of scope is left out.
     */
    public View view(UUID teacherId, LocalDate from, LocalDate to, int debriefLimit,
                     StudentScopeSql.Condition visibleSeries, StudentScopeSql.Condition visibleSessions) {
        Set<UUID> classes = classesOf(teacherId, from);
        // Push-in series that name the teacher bring their class along.
        classes.addAll(sql.list("""
                select distinct s.class_id from session_series s
                join series_teacher t on t.series_id = s.series_id and t.student_id = s.student_id
                where t.teacher_id = ? and s.setting = 'PUSH_IN' and s.class_id is not null""",
                rs -> rs.uuid("class_id"), teacherId));

        record Row(UUID seriesId, UUID studentId, LocalDate date, LocalTime startTime, int minutes, UUID classId,
                   String activitySubject, String serviceType, UUID providerId) {
        }
        List<Row> occurrences = sql.list("""
                select o.series_id, o.student_id, o.occurs_on, o.start_time, o.minutes, s.class_id,
                       s.activity_subject, s.service_type, s.provider_id
                from effective_occurrence o
                join session_series s on s.series_id = o.series_id and s.student_id = o.student_id
                where o.status = 'SCHEDULED' and o.occurs_on between ? and ? and s.setting = 'PUSH_IN'
                  and (s.class_id = any(cast(? as uuid[]))
                       or exists (select 1 from series_teacher t where t.series_id = s.series_id
                                  and t.student_id = s.student_id and t.teacher_id = ?))
                  and """ + " " + visibleSeries.sql() + " " + """
                order by o.occurs_on, o.start_time nulls last, o.series_id""",
                rs -> new Row(rs.uuid("series_id"), rs.uuid("student_id"), rs.date("occurs_on"), rs.time("start_time"),
                        rs.integer("minutes"), rs.uuid("class_id"), rs.string("activity_subject"),
                        rs.string("service_type"), rs.uuid("provider_id")),
                visibleSeries.around(List.of(from, to, List.copyOf(classes), teacherId)));

        Map<String, UpcomingSession> upcoming = new LinkedHashMap<>();
        Map<String, List<Person>> students = new HashMap<>();
        for (Row o : occurrences) {
            // A group's students each have their own occurrence of the same series slot.
            String slot = o.seriesId() + "/" + o.date() + "/" + o.startTime();
            List<Person> group = students.computeIfAbsent(slot, k -> new ArrayList<>());
            group.add(student(o.studentId()));
            upcoming.putIfAbsent(slot, new UpcomingSession(o.date(), o.startTime(), o.minutes(), classRef(o.classId()),
                    o.activitySubject(), o.serviceType(), provider(o.providerId()), o.seriesId(), group));
        }
        upcoming.values().forEach(u -> u.students().sort(BY_NAME));
        Staff teacher = Staff.findById(teacherId);
        return new View(teacherId, teacher == null ? null : teacher.displayName(), from, to,
                classes.stream().map(TeacherPushInService::classRef)
                        .sorted(Comparator.comparing(ClassRef::title, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList(),
                List.copyOf(upcoming.values()), debriefs(teacherId, classes, debriefLimit, visibleSessions));
    }

    private static final Comparator<Person> BY_NAME = Comparator.comparing(Person::name,
            Comparator.nullsLast(Comparator.naturalOrder()));

    /** The latest debrief notes of push-in sessions held in the teacher's classes (or with them). */
    private List<Debrief> debriefs(UUID teacherId, Collection<UUID> classes, int limit,
                                   StudentScopeSql.Condition visible) {
        record Row(UUID sessionLogId, UUID studentId, LocalDate date, LocalTime startTime, UUID classId,
                   String activitySubject, String coTeachingModel, UUID providerId, String note) {
        }
        List<Row> rows = sql.list("""
                select p.session_log_id, p.student_id, d.session_date, p.start_time, p.class_id, p.activity_subject,
                       p.co_teaching_model, d.provider_id, p.teacher_debrief_note
                from progress_session p
                join delivered_session d on d.session_log_id = p.session_log_id and d.student_id = p.student_id
                where (p.teacher_id = ? or p.class_id = any(cast(? as uuid[]))) and d.setting = 'PUSH_IN' and d.minutes > 0
                  and p.teacher_debrief_note is not null and """ + " " + visible.sql() + " " + """
                order by d.session_date desc, p.start_time desc nulls last, p.session_log_id""",
                rs -> new Row(rs.uuid("session_log_id"), rs.uuid("student_id"), rs.date("session_date"),
                        rs.time("start_time"), rs.uuid("class_id"), rs.string("activity_subject"),
                        rs.string("co_teaching_model"), rs.uuid("provider_id"), rs.string("teacher_debrief_note")),
                visible.around(List.of(teacherId, List.copyOf(classes))));
        Map<UUID, List<Row>> byLog = new LinkedHashMap<>();
        rows.forEach(r -> byLog.computeIfAbsent(r.sessionLogId(), k -> new ArrayList<>()).add(r));
        List<Debrief> result = new ArrayList<>();
        for (List<Row> log : byLog.values()) {
            if (result.size() == limit) {
                break;
            }
            Row first = log.get(0);
            List<Person> students = log.stream().map(r -> student(r.studentId())).sorted(BY_NAME).toList();
            String note = log.stream().map(Row::note).filter(Objects::nonNull).findFirst().orElse(null);
            result.add(new Debrief(first.sessionLogId(), first.date(), first.startTime(), classRef(first.classId()),
                    first.activitySubject(), first.coTeachingModel(), provider(first.providerId()), note, students));
        }
        return result;
    }

    private static Set<UUID> classesOf(UUID teacherId, LocalDate from) {
        Set<UUID> classes = new HashSet<>();
        for (ProgressEnrollment e : ProgressEnrollment.<ProgressEnrollment>list("userId", teacherId)) {
            boolean active = !"tobedeleted".equalsIgnoreCase(e.status)
                    && (e.endDate == null || !e.endDate.isBefore(from));
            if (active && e.role != null && CLASSROOM_ROLES.contains(e.role.toLowerCase())) {
                classes.add(e.classId);
            }
        }
        return classes;
    }

    private static Person student(UUID id) {
        Student s = Student.findById(id);
        return new Person(id, s == null ? null : s.displayName());
    }

    private static Provider provider(UUID id) {
        if (id == null) {
            return null;
        }
        Staff s = Staff.findById(id);
        return new Provider(id, s == null ? null : s.displayName(), s == null ? null : s.discipline);
    }

    private static ClassRef classRef(UUID id) {
        if (id == null) {
            return null;
        }
        ProgressClass c = ProgressClass.findById(id);
        return new ClassRef(id, c == null ? null : c.title);
    }
}
