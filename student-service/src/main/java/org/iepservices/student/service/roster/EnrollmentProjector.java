package org.iepservices.student.service.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.student.domain.ClassSection;
import org.iepservices.student.domain.Enrollment;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.Staff;
import org.iepservices.student.domain.Student;
import org.iepservices.student.repository.RosterRecordRepository;
import org.iepservices.student.repository.RosterRecordRepository.Stored;
import org.iepservices.student.service.RosterEvents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * enrollments become enrollments, linked to the projected class and person. EnrollmentChanged
 * goes out when a linked enrollment changes, keyed by the person; an enrollment whose class or
 * person is not projected yet waits, and is linked (and published) when they are.
 */
@ApplicationScoped
class EnrollmentProjector {

    private final RosterRecordRepository records;
    private final RosterEvents events;

    EnrollmentProjector(RosterRecordRepository records, RosterEvents events) {
        this.records = records;
        this.events = events;
    }

    private record State(UUID classId, UUID schoolId, UUID userId, String role, boolean primary, LocalDate begin,
                         LocalDate end, String status) {
        static State of(Enrollment e) {
            return new State(e.classId, e.schoolId, e.userId(), e.role, e.primary, e.beginDate, e.endDate, e.status);
        }
    }

    void project(List<Stored> records, ProjectionContext context) {
        List<String> ids = records.stream().map(Stored::sourcedId).toList();
        Map<String, Enrollment> existing = BySourcedId.load(Enrollment.class, context.district(), ids, e -> e.sourcedId);
        Map<String, ClassSection> classes = BySourcedId.load(ClassSection.class, context.district(), distinct(records, "classSourcedId"),
                c -> c.sourcedId);
        Set<String> users = distinct(records, "userSourcedId");
        Map<String, UUID> students = ids(BySourcedId.load(Student.class, context.district(), users, s -> s.sourcedId), s -> s.id);
        Map<String, UUID> staff = ids(BySourcedId.load(Staff.class, context.district(), users, s -> s.sourcedId), s -> s.id);
        SchoolResolver schools = new SchoolResolver(this.records, context.district(), distinct(records, "schoolSourcedId"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        for (Stored r : records) {
            Enrollment e = existing.get(r.sourcedId());
            State before = e == null ? null : State.of(e);
            if (e == null && !r.active()) {
                continue; // first seen as tobedeleted: a roster record only
            }
            if (e == null) {
                e = new Enrollment();
                e.id = UUID.randomUUID();
                e.sourcedId = r.sourcedId();
                e.rosterDistrict = context.district();
                e.createdAt = now;
            }
            String role = r.field("role");
            String user = r.field("userSourcedId");
            ClassSection cls = classes.get(r.field("classSourcedId"));
            e.classSourcedId = r.field("classSourcedId");
            e.userSourcedId = user;
            e.schoolSourcedId = CourseProjector.blankToNull(r.field("schoolSourcedId"));
            e.classId = cls == null ? null : cls.id;
            School school = schools.school(r.field("schoolSourcedId"));
            e.schoolId = school != null ? school.id : cls == null ? null : cls.schoolId;
            // A student's enrollment links to the student, anyone else's to the staff member; a
            // person the SIS enrolls under another role than their own still links (and is reported).
            UUID studentId = students.get(user);
            UUID staffId = staff.get(user);
            boolean asStudent = "student".equals(role) ? studentId != null : staffId == null && studentId != null;
            e.studentId = asStudent ? studentId : null;
            e.staffId = asStudent ? null : staffId;
            if (asStudent != "student".equals(role) && e.userId() != null) {
                context.warn(r.sourcedId(), "enrolled as " + role + " but " + user + " is "
                        + (asStudent ? "a student" : "staff"));
            }
            e.role = role;
            e.primary = "true".equals(r.field("primary"));
            e.beginDate = date(r.field("beginDate"));
            e.endDate = date(r.field("endDate"));
            e.status = r.status();
            if (cls == null) {
                context.warn(r.sourcedId(), "class " + e.classSourcedId + " is not projected (its school is unknown);"
                        + " the enrollment is kept and linked when the class arrives");
            } else if (e.userId() == null) {
                context.warn(r.sourcedId(), "user " + user + " is neither a placed student nor staff; the enrollment"
                        + " is kept and linked when they are");
            }
            State after = State.of(e);
            if (after.equals(before)) {
                continue;
            }
            e.updatedAt = now;
            e.persist();
            if (e.classId != null && e.userId() != null) {
                events.enrollmentChanged(e);
            }
        }
    }

    /** Classes just projected: their waiting enrollments link to them. */
    void linkClasses(UUID district, Collection<ClassSection> classes) {
        if (classes.isEmpty()) {
            return;
        }
        Map<String, ClassSection> bySourcedId = classes.stream()
                .collect(Collectors.toMap(c -> c.sourcedId, Function.identity()));
        for (Enrollment e : BySourcedId.where(Enrollment.class, district, "class_sourced_id", " and class_id is null",
                bySourcedId.keySet())) {
            ClassSection cls = bySourcedId.get(e.classSourcedId);
            e.classId = cls.id;
            if (e.schoolId == null) {
                e.schoolId = cls.schoolId;
            }
            linked(e);
        }
    }

    /** People just projected (by sourcedId): their waiting enrollments link to them. */
    void linkPeople(UUID district, Map<String, UUID> students, Map<String, UUID> staff) {
        Set<String> ids = new HashSet<>(students.keySet());
        ids.addAll(staff.keySet());
        if (ids.isEmpty()) {
            return;
        }
        for (Enrollment e : BySourcedId.where(Enrollment.class, district, "user_sourced_id",
                " and student_id is null and staff_id is null", ids)) {
            e.studentId = students.get(e.userSourcedId);
            e.staffId = e.studentId == null ? staff.get(e.userSourcedId) : null;
            linked(e);
        }
    }

    private void linked(Enrollment e) {
        e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (e.classId != null && e.userId() != null) {
            events.enrollmentChanged(e);
        }
    }

    private static Set<String> distinct(List<Stored> records, String column) {
        return records.stream().map(r -> r.field(column)).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }

    private static LocalDate date(String value) {
        return value.isEmpty() ? null : LocalDate.parse(value);
    }

    private static <T> Map<String, UUID> ids(Map<String, T> rows, Function<T, UUID> id) {
        return rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> id.apply(e.getValue())));
    }
}
