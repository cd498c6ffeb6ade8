package org.iepservices.student.service.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.student.domain.ClassSection;
import org.iepservices.student.domain.School;
import org.iepservices.student.repository.RosterRecordRepository;
import org.iepservices.student.repository.RosterRecordRepository.Stored;
import org.iepservices.student.service.RosterEvents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * classes become class sections of their school (ClassUpserted when one changes). A class whose
 * school is not a known school is reported and waits; it is projected when it arrives again.
 */
@ApplicationScoped
class ClassProjector {

    private final RosterRecordRepository records;
    private final RosterEvents events;
    private final EnrollmentProjector enrollments;

    ClassProjector(RosterRecordRepository records, RosterEvents events, EnrollmentProjector enrollments) {
        this.records = records;
        this.events = events;
        this.enrollments = enrollments;
    }

    void project(List<Stored> records, ProjectionContext context) {
        Map<String, ClassSection> existing = BySourcedId.load(ClassSection.class, context.district(),
                records.stream().map(Stored::sourcedId).toList(), c -> c.sourcedId);
        SchoolResolver schools = new SchoolResolver(this.records, context.district(),
                records.stream().map(r -> r.field("schoolSourcedId")).collect(Collectors.toSet()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<ClassSection> created = new ArrayList<>();
        for (Stored r : records) {
            ClassSection c = existing.get(r.sourcedId());
            School school = schools.school(r.field("schoolSourcedId"));
            if (c == null && !r.active()) {
                continue; // first seen as tobedeleted: a roster record only
            }
            if (school == null && c != null) {
                school = School.findById(c.schoolId); // keep it where it is
            }
            if (school == null) {
                context.warn(r.sourcedId(), "class not projected: its school " + r.field("schoolSourcedId")
                        + " is not (and does not belong to) a known school");
                continue;
            }
            String code = CourseProjector.blankToNull(r.field("classCode"));
            String type = CourseProjector.blankToNull(r.field("classType"));
            String location = CourseProjector.blankToNull(r.field("location"));
            String course = CourseProjector.blankToNull(r.field("courseSourcedId"));
            if (c == null) {
                c = new ClassSection();
                c.id = UUID.randomUUID();
                c.sourcedId = r.sourcedId();
                c.rosterDistrict = context.district();
                c.createdAt = now;
                created.add(c);
            } else if (c.title.equals(r.field("title")) && Objects.equals(c.classCode, code)
                    && Objects.equals(c.classType, type) && Objects.equals(c.location, location)
                    && c.schoolId.equals(school.id) && Objects.equals(c.courseSourcedId, course)
                    && c.termSourcedIds.equals(r.values("termSourcedIds")) && c.grades.equals(r.values("grades"))
                    && c.subjects.equals(r.values("subjects")) && c.periods.equals(r.values("periods"))
                    && c.status.equals(r.status())) {
                continue;
            }
            c.title = r.field("title");
            c.classCode = code;
            c.classType = type;
            c.location = location;
            c.schoolId = school.id;
            c.courseSourcedId = course;
            c.termSourcedIds = new ArrayList<>(r.values("termSourcedIds"));
            c.grades = new ArrayList<>(r.values("grades"));
            c.subjects = new ArrayList<>(r.values("subjects"));
            c.periods = new ArrayList<>(r.values("periods"));
            c.status = r.status();
            c.updatedAt = now;
            c.persist();
            events.classUpserted(c);
        }
        enrollments.linkClasses(context.district(), created);
    }
}
