package org.iepservices.student.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.api.StaffResource.StaffRequest;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.Staff;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StaffService {

    @Transactional
    public Staff create(StaffRequest request) {
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
        if (Staff.count("email", email) > 0) {
            throw ProblemException.conflict("A staff member with email " + email + " exists");
        }
        Staff staff = new Staff();
        staff.id = UUID.randomUUID();
        staff.givenName = request.givenName();
        staff.familyName = request.familyName();
        staff.email = email;
        staff.discipline = request.discipline();
        staff.credentials = request.credentials();
        staff.schoolIds.addAll(request.schoolIds());
        staff.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        staff.persist();
        return staff;
    }

    public Staff get(UUID id) {
        return Staff.<Staff>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Staff member", id));
    }
}
