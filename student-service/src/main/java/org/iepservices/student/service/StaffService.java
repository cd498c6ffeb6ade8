package org.iepservices.student.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.service.command.StaffRequest;
import org.iepservices.student.domain.DisciplineSource;
import org.iepservices.student.domain.RosterStatus;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.Staff;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Staff created and changed through our API; each change publishes StaffUpserted. A discipline
 * set here (on create, or changed by an update) is marked as ours: the roster never overwrites it.
 */
@ApplicationScoped
public class StaffService {

    private final RosterEvents events;

    StaffService(RosterEvents events) {
        this.events = events;
    }

    @Transactional
    public Staff create(StaffRequest request) {
        Staff staff = new Staff();
        staff.id = UUID.randomUUID();
        staff.status = RosterStatus.ACTIVE;
        staff.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        staff.disciplineSource = DisciplineSource.API;
        apply(staff, request);
        staff.persist();
        events.staffUpserted(staff);
        return staff;
    }

    @Transactional
    public Staff update(UUID id, StaffRequest request, Long expectedVersion) {
        Staff staff = get(id);
        IfMatch.check("Staff member", id, expectedVersion, staff.version);
        if (apply(staff, request)) {
            staff.flush(); // the version moves now, so the response's ETag is the new one
            events.staffUpserted(staff);
        }
        return staff;
    }

    public Staff get(UUID id) {
        return Staff.<Staff>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Staff member", id));
    }

    private boolean apply(Staff staff, StaffRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < request.schoolIds().size(); i++) {
            if (School.findById(request.schoolIds().get(i)) == null) {
                violations.add(new Violation("schoolIds[" + i + "]", "no school " + request.schoolIds().get(i)));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Unknown schools", violations);
        }
        String email = request.email().trim().toLowerCase();
        if (Staff.count("email = ?1 and id <> ?2", email, staff.id) > 0) {
            throw ProblemException.conflict("A staff member with email " + email + " exists");
        }
        Set<UUID> schools = new LinkedHashSet<>(request.schoolIds());
        boolean changed = !Objects.equals(staff.givenName, request.givenName())
                || !Objects.equals(staff.familyName, request.familyName()) || !Objects.equals(staff.email, email)
                || staff.discipline != request.discipline() || !Objects.equals(staff.credentials, request.credentials())
                || !staff.schoolIds.equals(schools);
        if (staff.discipline != request.discipline()) {
            staff.disciplineSource = DisciplineSource.API;
        }
        staff.givenName = request.givenName();
        staff.familyName = request.familyName();
        staff.email = email;
        staff.discipline = request.discipline();
        staff.credentials = request.credentials();
        if (!staff.schoolIds.equals(schools)) {
            staff.schoolIds.clear();
            staff.schoolIds.addAll(schools);
        }
        if (changed) {
            staff.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return changed;
    }
}
