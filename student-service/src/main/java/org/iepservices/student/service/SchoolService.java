package org.iepservices.student.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.ProblemException;
import org.iepservices.student.service.command.SchoolRequest;
import org.iepservices.student.domain.RosterStatus;
import org.iepservices.student.domain.School;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.iepservices.student.domain.roster.RosterDistrict;

/** Schools created and changed through our API; each change publishes SchoolUpserted. */
@ApplicationScoped
public class SchoolService {

    private final RosterEvents events;

    SchoolService(RosterEvents events) {
        this.events = events;
    }

    @Transactional
    public School create(SchoolRequest request) {
        School school = new School();
        school.id = UUID.randomUUID();
        school.status = RosterStatus.ACTIVE;
        school.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        // sourcedIds are unique per district: a school created here is keyed by the district it is given.
        school.rosterDistrict = RosterDistrict.of(request.districtId());
        apply(school, request);
        school.persist();
        events.schoolUpserted(school);
        return school;
    }

    /** Changes name, district, sourcedId or time zone; publishes only when something changed. */
    @Transactional
    public School update(UUID id, SchoolRequest request, Long expectedVersion) {
        School school = get(id);
        IfMatch.check("School", id, expectedVersion, school.version);
        if (apply(school, request)) {
            school.flush(); // the version moves now, so the response's ETag is the new one
            events.schoolUpserted(school);
        }
        return school;
    }

    public School get(UUID id) {
        return School.<School>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("School", id));
    }

    private boolean apply(School school, SchoolRequest request) {
        if (request.timeZone() != null) {
            try {
                ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                throw ProblemException.invalid("timeZone", "not an IANA time zone such as America/New_York");
            }
        }
        if (request.sourcedId() != null
                && School.count("sourcedId = ?1 and id <> ?2 and rosterDistrict = ?3", request.sourcedId(), school.id,
                school.rosterDistrict) > 0) {
            throw ProblemException.conflict("A school with sourcedId " + request.sourcedId() + " exists");
        }
        boolean changed = !Objects.equals(school.name, request.name())
                || !Objects.equals(school.districtId, request.districtId())
                || !Objects.equals(school.sourcedId, request.sourcedId())
                || !Objects.equals(school.timeZone, request.timeZone());
        school.name = request.name();
        school.districtId = request.districtId();
        school.sourcedId = request.sourcedId();
        school.timeZone = request.timeZone();
        if (changed) {
            school.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return changed;
    }
}
