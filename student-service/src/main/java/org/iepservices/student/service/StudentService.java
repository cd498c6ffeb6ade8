package org.iepservices.student.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.ProblemException;
import org.iepservices.student.service.command.StudentRequest;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.Student;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Students created and changed through our API (the roster's come through the projection);
 * every change is announced as StudentUpserted so the other services keep their copies, and a
 * request that changes nothing publishes nothing.
 */
@ApplicationScoped
public class StudentService {

    private final RosterEvents events;

    StudentService(RosterEvents events) {
        this.events = events;
    }

    @Transactional
    public Student create(StudentRequest request) {
        Student student = new Student();
        student.id = UUID.randomUUID();
        student.status = Student.ACTIVE;
        student.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        School school = School.findById(request.schoolId());
        if (school != null) {
            student.rosterDistrict = school.rosterDistrict; // sourcedIds are unique per district: its school's
        }
        apply(student, request);
        student.persist();
        events.studentUpserted(student);
        return student;
    }

    @Transactional
    public Student update(UUID id, StudentRequest request, Long expectedVersion) {
        Student student = get(id);
        IfMatch.check("Student", id, expectedVersion, student.version);
        if (!apply(student, request)) {
            return student;
        }
        student.flush(); // the version moves now, so the response's ETag is the new one
        events.studentUpserted(student);
        return student;
    }

    public Student get(UUID id) {
        return Student.<Student>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Student", id));
    }

    /** Applies the request; true when anything changed. */
    private boolean apply(Student student, StudentRequest request) {
        if (School.findById(request.schoolId()) == null) {
            throw ProblemException.unprocessable("Unknown school",
                    new org.iepservices.problem.Problem.Violation("schoolId", "no school " + request.schoolId()));
        }
        if (request.sourcedId() != null
                && Student.count("sourcedId = ?1 and id <> ?2 and rosterDistrict = ?3", request.sourcedId(), student.id,
                student.rosterDistrict) > 0) {
            throw ProblemException.conflict("A student with sourcedId " + request.sourcedId() + " exists");
        }
        boolean changed = !Objects.equals(student.givenName, request.givenName())
                || !Objects.equals(student.familyName, request.familyName())
                || !Objects.equals(student.grade, request.grade())
                || !Objects.equals(student.schoolId, request.schoolId())
                || !Objects.equals(student.dateOfBirth, request.dateOfBirth())
                || !Objects.equals(student.sourcedId, request.sourcedId());
        student.givenName = request.givenName();
        student.familyName = request.familyName();
        student.grade = request.grade();
        student.schoolId = request.schoolId();
        student.dateOfBirth = request.dateOfBirth();
        student.sourcedId = request.sourcedId();
        if (changed) {
            student.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return changed;
    }
}
