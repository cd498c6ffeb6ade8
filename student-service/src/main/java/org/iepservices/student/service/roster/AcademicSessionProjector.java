package org.iepservices.student.service.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.student.domain.AcademicSession;
import org.iepservices.student.repository.RosterRecordRepository.Stored;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** academicSessions become academic sessions (school years, terms, grading periods). */
@ApplicationScoped
class AcademicSessionProjector {

    void project(List<Stored> records, ProjectionContext context) {
        Map<String, AcademicSession> existing = BySourcedId.load(AcademicSession.class, context.district(),
                records.stream().map(Stored::sourcedId).toList(), x -> x.sourcedId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Stored r : records) {
            AcademicSession s = existing.get(r.sourcedId());
            LocalDate start = LocalDate.parse(r.field("startDate"));
            LocalDate end = LocalDate.parse(r.field("endDate"));
            String parent = r.field("parentSourcedId").isEmpty() ? null : r.field("parentSourcedId");
            String year = r.field("schoolYear").isEmpty() ? null : r.field("schoolYear");
            if (s == null && !r.active()) {
                continue; // first seen as tobedeleted: a roster record only
            }
            if (s == null) {
                s = new AcademicSession();
                s.id = UUID.randomUUID();
                s.sourcedId = r.sourcedId();
                s.rosterDistrict = context.district();
                s.createdAt = now;
            } else if (s.title.equals(r.field("title")) && s.type.equals(r.field("type")) && s.startDate.equals(start)
                    && s.endDate.equals(end) && Objects.equals(s.parentSourcedId, parent)
                    && Objects.equals(s.schoolYear, year) && s.status.equals(r.status())) {
                continue;
            }
            s.title = r.field("title");
            s.type = r.field("type");
            s.startDate = start;
            s.endDate = end;
            s.parentSourcedId = parent;
            s.schoolYear = year;
            s.status = r.status();
            s.updatedAt = now;
            s.persist();
        }
    }
}
