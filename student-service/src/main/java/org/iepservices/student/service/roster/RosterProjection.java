package org.iepservices.student.service.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.roster.RosterGrades;
import org.iepservices.student.domain.roster.RosterRecord;
import org.iepservices.student.repository.RosterRecordRepository;
import org.iepservices.student.repository.RosterRecordRepository.Stored;
import org.iepservices.student.service.SchoolService;
import org.iepservices.student.service.StudentService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns roster records into what the rest of the product works with: orgs of type school become
 * schools, users who are students become students (with their school, grade and birth date), and
 * every student change is published as StudentUpserted. Runs in the import's transaction.
 */
@ApplicationScoped
class RosterProjection {

    private final RosterRecordRepository records;
    private final StudentService students;
    private final SchoolService schools;

    RosterProjection(RosterRecordRepository records, StudentService students, SchoolService schools) {
        this.records = records;
        this.schools = schools;
        this.students = students;
    }

    void school(RosterRecord org) {
        if ("school".equals(org.field("type")) && RosterRecord.ACTIVE.equals(org.status())) {
            schools.upsertFromRoster(org.sourcedId(), org.field("name"));
        }
    }

    /**
     * Re-derives the student for a user after a change to the user, one of their roles or their
     * demographics. Returns why the user could not be placed as a student, if so.
     */
    Optional<String> student(String userSourcedId) {
        Optional<Stored> found = records.find("users", userSourcedId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Stored user = found.get();
        List<String> orgs = studentOrgs(user);
        if (orgs == null) {
            return Optional.empty(); // not a student
        }
        if (!RosterRecord.ACTIVE.equals(user.status())) {
            students.deactivateFromRoster(userSourcedId);
            return Optional.empty();
        }
        School school = null;
        for (String org : orgs) {
            school = School.<School>find("sourcedId", org).firstResult();
            if (school != null) {
                break;
            }
        }
        if (school == null) {
            return Optional.of("student " + userSourcedId + " not placed: none of its orgs " + orgs + " is a known school");
        }
        LocalDate birthDate = records.find("demographics", userSourcedId)
                .filter(d -> RosterRecord.ACTIVE.equals(d.status()) && !d.field("birthDate").isEmpty())
                .map(d -> LocalDate.parse(d.field("birthDate")))
                .orElse(null);
        students.upsertFromRoster(userSourcedId, user.field("givenName"), user.field("familyName"),
                RosterGrades.toStudentGrade(RosterRecord.splitValues(user.field("grades"))), school.id, birthDate, RosterRecord.ACTIVE);
        return Optional.empty();
    }

    /** The orgs a student belongs to, primary first; null when the user is not a student. */
    private List<String> studentOrgs(Stored user) {
        if (!user.field("role").isEmpty()) { // 1.1: the role is on the user
            return "student".equals(user.field("role")) ? RosterRecord.splitValues(user.field("orgSourcedIds")) : null;
        }
        List<String> orgs = new ArrayList<>(); // 1.2: roles.csv, primary role first
        if (!user.field("primaryOrgSourcedId").isEmpty()) {
            orgs.add(user.field("primaryOrgSourcedId"));
        }
        boolean student = false;
        for (Stored role : records.rolesOf(user.sourcedId())) {
            if (RosterRecord.ACTIVE.equals(role.status()) && "student".equals(role.field("role"))) {
                student = true;
                if ("primary".equals(role.field("roleType"))) {
                    orgs.add(0, role.field("orgSourcedId"));
                } else {
                    orgs.add(role.field("orgSourcedId"));
                }
            }
        }
        return student ? orgs : null;
    }
}
