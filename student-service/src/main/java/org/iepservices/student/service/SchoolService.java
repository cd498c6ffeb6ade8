package org.iepservices.student.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.ProblemException;
import org.iepservices.student.api.SchoolResource.SchoolRequest;
import org.iepservices.student.domain.School;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
public class SchoolService {

    @Transactional
    public School create(SchoolRequest request) {
        if (request.timeZone() != null) {
            try {
                ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                throw ProblemException.invalid("timeZone", "not an IANA time zone such as America/New_York");
            }
        }
        if (request.sourcedId() != null && School.count("sourcedId", request.sourcedId()) > 0) {
            throw ProblemException.conflict("A school with sourcedId " + request.sourcedId() + " exists");
        }
        School school = new School();
        school.id = UUID.randomUUID();
        school.name = request.name();
        school.districtId = request.districtId();
        school.sourcedId = request.sourcedId();
        school.timeZone = request.timeZone();
        school.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        school.persist();
        return school;
    }

    /** The roster's view of a school (an org of type school), keyed by sourcedId. */
    @Transactional(Transactional.TxType.MANDATORY)
    public School upsertFromRoster(String sourcedId, String name) {
        School school = School.<School>find("sourcedId", sourcedId).firstResult();
        if (school == null) {
            school = new School();
            school.id = UUID.randomUUID();
            school.sourcedId = sourcedId;
            school.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        school.name = name;
        school.persist();
        return school;
    }

    public School get(UUID id) {
        return School.<School>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("School", id));
    }
}
