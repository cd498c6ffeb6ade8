package org.iepservices.student.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.StudentUpserted;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.ProblemException;
import org.iepservices.student.api.StudentResource.StudentRequest;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.IepStatus;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.Student;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/** Students; every change is announced as StudentUpserted so the other services keep their copies. */
@ApplicationScoped
public class StudentService {

    private final Outbox outbox;

    StudentService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Student create(StudentRequest request) {
        Student student = new Student();
        student.id = UUID.randomUUID();
        student.status = Student.ACTIVE;
        student.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(student, request);
        student.persist();
        publish(student);
        return student;
    }

    @Transactional
    public Student update(UUID id, StudentRequest request, Long expectedVersion) {
        Student student = get(id);
        IfMatch.check("Student", id, expectedVersion, student.version);
        apply(student, request);
        student.flush(); // the version moves now, so the response's ETag is the new one
        publish(student);
        return student;
    }

    /**
     * The roster's view of a student, keyed by sourcedId: creates or updates it, and publishes
     * StudentUpserted only when something changed (re-importing the same file publishes nothing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsertFromRoster(String sourcedId, String givenName, String familyName, String grade,
                                    UUID schoolId, LocalDate dateOfBirth, String status) {
        Student student = Student.<Student>find("sourcedId", sourcedId).firstResult();
        if (student == null) {
            student = new Student();
            student.id = UUID.randomUUID();
            student.sourcedId = sourcedId;
            student.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        } else if (Objects.equals(student.givenName, givenName) && Objects.equals(student.familyName, familyName)
                && Objects.equals(student.grade, grade) && Objects.equals(student.schoolId, schoolId)
                && Objects.equals(student.dateOfBirth, dateOfBirth) && Objects.equals(student.status, status)) {
            return false;
        }
        student.givenName = givenName;
        student.familyName = familyName;
        student.grade = grade;
        student.schoolId = schoolId;
        student.dateOfBirth = dateOfBirth;
        student.status = status;
        student.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        student.persist();
        publish(student);
        return true;
    }

    /** The roster deactivated the person (bulk file without them, or tobedeleted): history stays. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deactivateFromRoster(String sourcedId) {
        Student student = Student.<Student>find("sourcedId", sourcedId).firstResult();
        if (student == null || Student.TO_BE_DELETED.equals(student.status)) {
            return false;
        }
        student.status = Student.TO_BE_DELETED;
        student.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        publish(student);
        return true;
    }

    public Student get(UUID id) {
        return Student.<Student>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Student", id));
    }

    public Iep activeIep(UUID studentId) {
        return Iep.<Iep>find("studentId = ?1 and status = ?2", studentId, IepStatus.ACTIVE).firstResult();
    }

    private void apply(Student student, StudentRequest request) {
        if (School.findById(request.schoolId()) == null) {
            throw ProblemException.unprocessable("Unknown school",
                    new org.iepservices.problem.Problem.Violation("schoolId", "no school " + request.schoolId()));
        }
        if (request.sourcedId() != null
                && Student.count("sourcedId = ?1 and id <> ?2", request.sourcedId(), student.id) > 0) {
            throw ProblemException.conflict("A student with sourcedId " + request.sourcedId() + " exists");
        }
        student.givenName = request.givenName();
        student.familyName = request.familyName();
        student.grade = request.grade();
        student.schoolId = request.schoolId();
        student.dateOfBirth = request.dateOfBirth();
        student.sourcedId = request.sourcedId();
        student.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private void publish(Student s) {
        outbox.publish(StudentUpserted.TYPE, s.id, new StudentUpserted(s.id, s.sourcedId, s.givenName, s.familyName,
                s.grade, s.schoolId, s.status));
    }
}
