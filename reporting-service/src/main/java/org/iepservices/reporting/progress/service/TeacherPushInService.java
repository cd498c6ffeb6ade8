package org.iepservices.reporting.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.events.ServiceSetting;
import org.iepservices.reporting.progress.projection.ProgressClass;
import org.iepservices.reporting.progress.projection.ProgressEnrollment;
import org.iepservices.reporting.progress.projection.ProgressOccurrence;
import org.iepservices.reporting.progress.projection.ProgressSeries;
import org.iepservices.reporting.progress.projection.ProgressSeriesTeacher;
import org.iepservices.reporting.progress.projection.ProgressSession;
import org.iepservices.reporting.progress.projection.ProgressStaff;
import org.iepservices.reporting.progress.projection.ProgressStudent;

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
    }

    public boolean teacherKnown(UUID teacherId) {
        return ProgressStaff.findByIdOptional(teacherId).isPresent()
                || ProgressEnrollment.count("userId", teacherId) > 0
                || ProgressSeriesTeacher.count("key.teacherId", teacherId) > 0;
    }

    public View view(UUID teacherId, LocalDate from, LocalDate to, int debriefLimit) {
        Set<UUID> classes = classesOf(teacherId, from);
        Map<ProgressSeries.Key, ProgressSeries> series = new HashMap<>();
        for (ProgressSeriesTeacher t : ProgressSeriesTeacher.<ProgressSeriesTeacher>list("key.teacherId", teacherId)) {
            ProgressSeries s = ProgressSeries.findById(new ProgressSeries.Key(t.key.seriesId(), t.key.studentId()));
            if (s != null) {
                series.put(s.key, s);
                if (s.classId != null && s.setting == ServiceSetting.PUSH_IN) {
                    classes.add(s.classId);
                }
            }
        }
        if (!classes.isEmpty()) {
            ProgressSeries.<ProgressSeries>list("classId in ?1", classes).forEach(s -> series.put(s.key, s));
        }
        series.values().removeIf(s -> s.setting != ServiceSetting.PUSH_IN || s.stateTime == null);

        Map<String, UpcomingSession> upcoming = new LinkedHashMap<>();
        if (!series.isEmpty()) {
            List<UUID> seriesIds = series.keySet().stream().map(ProgressSeries.Key::seriesId).distinct().toList();
            List<ProgressOccurrence> occurrences = ProgressOccurrence.list(
                    "seriesId in ?1 and cancelled = false and date between ?2 and ?3 "
                            + "order by date, startTime nulls last, seriesId", seriesIds, from, to);
            Map<String, List<Person>> students = new HashMap<>();
            for (ProgressOccurrence o : occurrences) {
                ProgressSeries s = series.get(new ProgressSeries.Key(o.seriesId, o.key.studentId()));
                if (s == null || !s.runsOn(o.date)) {
                    continue;
                }
                // A group's students each have their own occurrence of the same series slot.
                String slot = o.seriesId + "/" + o.date + "/" + o.startTime;
                List<Person> group = students.computeIfAbsent(slot, k -> new ArrayList<>());
                group.add(student(o.key.studentId()));
                upcoming.putIfAbsent(slot, new UpcomingSession(o.date, o.startTime, o.minutes, classRef(s.classId),
                        s.activitySubject, s.serviceType, provider(s.providerId), o.seriesId, group));
            }
            upcoming.values().forEach(u -> u.students().sort(Comparator.comparing(Person::name,
                    Comparator.nullsLast(Comparator.naturalOrder()))));
        }
        ProgressStaff teacher = ProgressStaff.findById(teacherId);
        return new View(teacherId, teacher == null ? null : teacher.displayName(), from, to,
                classes.stream().map(TeacherPushInService::classRef)
                        .sorted(Comparator.comparing(ClassRef::title, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList(),
                List.copyOf(upcoming.values()), debriefs(teacherId, classes, debriefLimit));
    }

    /** The latest debrief notes of push-in sessions held in the teacher's classes (or with them). */
    private List<Debrief> debriefs(UUID teacherId, Collection<UUID> classes, int limit) {
        List<ProgressSession> rows = classes.isEmpty()
                ? ProgressSession.list("teacherId = ?1 and setting = ?2 and completed = true and minutes > 0 "
                + "and teacherDebriefNote is not null order by sessionDate desc, startTime desc nulls last",
                teacherId, ServiceSetting.PUSH_IN)
                : ProgressSession.list("(teacherId = ?1 or classId in ?2) and setting = ?3 and completed = true "
                + "and minutes > 0 and teacherDebriefNote is not null "
                + "order by sessionDate desc, startTime desc nulls last", teacherId, classes, ServiceSetting.PUSH_IN);
        Map<UUID, List<ProgressSession>> byLog = new LinkedHashMap<>();
        rows.forEach(r -> byLog.computeIfAbsent(r.key.sessionLogId(), k -> new ArrayList<>()).add(r));
        List<Debrief> result = new ArrayList<>();
        for (List<ProgressSession> log : byLog.values()) {
            if (result.size() == limit) {
                break;
            }
            ProgressSession first = log.get(0);
            List<Person> students = log.stream().map(r -> student(r.key.studentId()))
                    .sorted(Comparator.comparing(Person::name, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            String note = log.stream().map(r -> r.teacherDebriefNote).filter(Objects::nonNull).findFirst().orElse(null);
            result.add(new Debrief(first.key.sessionLogId(), first.sessionDate, first.startTime,
                    classRef(first.classId), first.activitySubject, first.coTeachingModel, provider(first.providerId),
                    note, students));
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
        ProgressStudent s = ProgressStudent.findById(id);
        return new Person(id, s == null ? null : s.displayName());
    }

    private static Provider provider(UUID id) {
        if (id == null) {
            return null;
        }
        ProgressStaff s = ProgressStaff.findById(id);
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
