package org.iepservices.student.service.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.student.domain.Course;
import org.iepservices.student.repository.RosterRecordRepository.Stored;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** courses become courses (what classes are sections of). */
@ApplicationScoped
class CourseProjector {

    void project(List<Stored> records, ProjectionContext context) {
        Map<String, Course> existing = BySourcedId.load(Course.class, context.district(),
                records.stream().map(Stored::sourcedId).toList(), x -> x.sourcedId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Stored r : records) {
            Course c = existing.get(r.sourcedId());
            String code = blankToNull(r.field("courseCode"));
            String year = blankToNull(r.field("schoolYearSourcedId"));
            String org = blankToNull(r.field("orgSourcedId"));
            List<String> grades = r.values("grades");
            List<String> subjects = r.values("subjects");
            if (c == null && !r.active()) {
                continue; // first seen as tobedeleted: a roster record only
            }
            if (c == null) {
                c = new Course();
                c.id = UUID.randomUUID();
                c.sourcedId = r.sourcedId();
                c.rosterDistrict = context.district();
                c.createdAt = now;
            } else if (c.title.equals(r.field("title")) && Objects.equals(c.courseCode, code)
                    && Objects.equals(c.schoolYearSourcedId, year) && Objects.equals(c.orgSourcedId, org)
                    && c.grades.equals(grades) && c.subjects.equals(subjects) && c.status.equals(r.status())) {
                continue;
            }
            c.title = r.field("title");
            c.courseCode = code;
            c.schoolYearSourcedId = year;
            c.orgSourcedId = org;
            c.grades = new ArrayList<>(grades);
            c.subjects = new ArrayList<>(subjects);
            c.status = r.status();
            c.updatedAt = now;
            c.persist();
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
