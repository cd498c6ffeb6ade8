package org.iepservices.student.service.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.student.domain.Discipline;
import org.iepservices.student.domain.DisciplineSource;
import org.iepservices.student.domain.RosterStatus;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.Staff;
import org.iepservices.student.domain.Student;
import org.iepservices.student.domain.roster.PersonRoles;
import org.iepservices.student.domain.roster.RosterGrades;
import org.iepservices.student.repository.RosterRecordRepository;
import org.iepservices.student.repository.RosterRecordRepository.Stored;
import org.iepservices.student.service.RosterEvents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * users (with their 1.2 roles and their demographics) become students or staff. Re-derived from
 * the stored records whenever the user, one of their roles or their demographics changes, and
 * published (StudentUpserted / StudentDeactivated / StaffUpserted) only when the result differs.
 */
@ApplicationScoped
class PersonProjector {

    private final RosterRecordRepository records;
    private final RosterEvents events;
    private final EnrollmentProjector enrollments;

    PersonProjector(RosterRecordRepository records, RosterEvents events, EnrollmentProjector enrollments) {
        this.records = records;
        this.events = events;
        this.enrollments = enrollments;
    }

    /** What one chunk needs, loaded with a few queries. */
    private final class Chunk {
        final Map<String, Stored> users;
        final Map<String, List<Stored>> roles;
        final Map<String, Stored> demographics;
        final Map<String, Student> students;
        final Map<String, Staff> staff;
        final Map<String, PersonRoles> people = new HashMap<>();
        final SchoolResolver schools;
        final Map<String, UUID> newStudents = new HashMap<>();
        final Map<String, UUID> newStaff = new HashMap<>();
        final Map<String, Staff> staffByEmail = new HashMap<>();
        final Set<String> emailsClaimed = new HashSet<>();
        final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        Chunk(UUID district, Collection<String> ids) {
            users = records.findAll(district, "users", ids);
            roles = records.rolesOf(district, users.keySet());
            demographics = records.findAll(district, "demographics", users.keySet());
            students = BySourcedId.load(Student.class, district, users.keySet(), s -> s.sourcedId);
            staff = BySourcedId.load(Staff.class, district, users.keySet(), s -> s.sourcedId);
            Set<String> orgs = new HashSet<>();
            Set<String> emails = new HashSet<>();
            for (Stored user : users.values()) {
                List<PersonRoles.RoleEntry> active = roles.getOrDefault(user.sourcedId(), List.of()).stream()
                        .filter(Stored::active)
                        .map(r -> new PersonRoles.RoleEntry(r.field("role"), r.field("roleType"), r.field("orgSourcedId")))
                        .toList();
                PersonRoles person = PersonRoles.of(user.fields(), active);
                people.put(user.sourcedId(), person);
                orgs.addAll(person.orgSourcedIds());
                if (person.kind() == PersonRoles.Kind.STAFF && email(user) != null) {
                    emails.add(email(user));
                }
            }
            schools = new SchoolResolver(records, district, orgs);
            if (!emails.isEmpty()) {
                // staff.email is unique across the deployment: matched in every district
                BySourcedId.where(Staff.class, null, "email", "", emails).forEach(s -> staffByEmail.put(s.email, s));
            }
        }

        /** The school of the first of the person's orgs that has one, preferring active schools. */
        School school(PersonRoles person) {
            return schools.first(person.orgSourcedIds());
        }
    }

    void project(Collection<String> userSourcedIds, ProjectionContext context) {
        if (userSourcedIds.isEmpty()) {
            return;
        }
        Chunk chunk = new Chunk(context.district(), userSourcedIds);
        for (Stored user : chunk.users.values()) {
            PersonRoles person = chunk.people.get(user.sourcedId());
            Student student = chunk.students.get(user.sourcedId());
            Staff staff = chunk.staff.get(user.sourcedId());
            switch (person.kind()) {
                case STUDENT -> {
                    student(user, person, student, chunk, context);
                    retire(staff, chunk);
                }
                case STAFF -> {
                    staff(user, person, staff, chunk, context);
                    deactivate(student, user, "no longer a student in the roster", chunk, context);
                }
                case NONE -> {
                    deactivate(student, user, "no longer a student in the roster", chunk, context);
                    retire(staff, chunk);
                }
            }
        }
        enrollments.linkPeople(context.district(), chunk.newStudents, chunk.newStaff);
    }

    private void student(Stored user, PersonRoles person, Student student, Chunk chunk, ProjectionContext context) {
        if (student == null && !user.active()) {
            return; // first seen as tobedeleted: a roster record only
        }
        School school = chunk.school(person);
        UUID schoolId;
        if (school != null) {
            schoolId = school.id;
        } else if (student != null) {
            schoolId = student.schoolId;
            context.warn(user.sourcedId(), "none of the student's orgs " + person.orgSourcedIds()
                    + " is (or belongs to) a known school; the student stays at their current school");
        } else {
            context.warn(user.sourcedId(), "student not placed: none of its orgs " + person.orgSourcedIds()
                    + " is (or belongs to) a known school");
            return;
        }
        String grade = RosterGrades.toStudentGrade(user.values("grades"));
        Stored demographics = chunk.demographics.get(user.sourcedId());
        LocalDate birthDate = demographics != null && demographics.active() && !demographics.field("birthDate").isEmpty()
                ? LocalDate.parse(demographics.field("birthDate")) : null;
        String status = user.status();
        boolean deactivating = false;
        if (student == null) {
            student = new Student();
            student.id = UUID.randomUUID();
            student.sourcedId = user.sourcedId();
            student.rosterDistrict = context.district();
            student.createdAt = chunk.now;
            chunk.newStudents.put(user.sourcedId(), student.id);
        } else if (Objects.equals(student.givenName, user.field("givenName"))
                && Objects.equals(student.familyName, user.field("familyName")) && Objects.equals(student.grade, grade)
                && Objects.equals(student.schoolId, schoolId) && Objects.equals(student.dateOfBirth, birthDate)
                && Objects.equals(student.status, status)) {
            return;
        } else {
            deactivating = Student.ACTIVE.equals(student.status) && Student.TO_BE_DELETED.equals(status);
        }
        student.givenName = user.field("givenName");
        student.familyName = user.field("familyName");
        student.grade = grade;
        student.schoolId = schoolId;
        student.dateOfBirth = birthDate;
        student.status = status;
        student.updatedAt = chunk.now;
        student.persist();
        events.studentUpserted(student);
        if (deactivating) {
            events.studentDeactivated(student, context.effectiveOn(user), context.deactivationReason());
        }
    }

    private void deactivate(Student student, Stored user, String reason, Chunk chunk, ProjectionContext context) {
        if (student == null || Student.TO_BE_DELETED.equals(student.status)) {
            return;
        }
        student.status = Student.TO_BE_DELETED;
        student.updatedAt = chunk.now;
        events.studentUpserted(student);
        events.studentDeactivated(student, context.effectiveOn(user), reason);
    }

    private void staff(Stored user, PersonRoles person, Staff staff, Chunk chunk, ProjectionContext context) {
        String email = email(user);
        if (staff == null && email != null) {
            // Someone added through our API before the SIS sent them: the same person, link them.
            Staff sameEmail = chunk.staffByEmail.get(email);
            if (sameEmail != null && sameEmail.sourcedId == null && !chunk.emailsClaimed.contains(email)) {
                staff = sameEmail;
                staff.sourcedId = user.sourcedId();
                staff.rosterDistrict = context.district();
                chunk.staff.put(user.sourcedId(), staff);
            }
        }
        if (staff == null && !user.active()) {
            return;
        }
        if (email == null && staff != null) {
            email = staff.email; // an email the SIS does not send (set through our API) is kept
        }
        if (email != null) {
            Staff holder = chunk.staffByEmail.get(email);
            if ((holder != null && holder != staff) || (chunk.emailsClaimed.contains(email)
                    && (staff == null || !email.equals(staff.email)))) {
                context.warn(user.sourcedId(), "email " + email + " belongs to another staff member; not set");
                email = staff == null ? null : staff.email;
            }
        }
        if (email != null) {
            chunk.emailsClaimed.add(email);
        }

        boolean created = staff == null;
        if (created) {
            staff = new Staff();
            staff.id = UUID.randomUUID();
            staff.sourcedId = user.sourcedId();
            staff.rosterDistrict = context.district();
            staff.disciplineSource = DisciplineSource.ROSTER;
            staff.createdAt = chunk.now;
            chunk.newStaff.put(user.sourcedId(), staff.id);
        }
        Discipline discipline = staff.discipline;
        if (staff.disciplineSource == DisciplineSource.ROSTER) {
            Optional<Optional<Discipline>> column = PersonRoles.disciplineColumn(user.extensions());
            if (column.isPresent() && column.get().isEmpty()) {
                context.warn(user.sourcedId(), "discipline '" + PersonRoles.extension(user.extensions(), "discipline")
                        .orElse("") + "' is not SLP, OT, PT, COUNSELOR or TEACHER; "
                        + (discipline == null ? person.defaultDiscipline() : discipline) + " kept");
                discipline = discipline == null ? person.defaultDiscipline() : discipline;
            } else {
                discipline = column.flatMap(d -> d).orElse(person.defaultDiscipline());
            }
        }
        Set<UUID> schoolIds = new LinkedHashSet<>();
        for (String org : person.orgSourcedIds()) {
            School school = chunk.schools.school(org);
            if (school != null) {
                schoolIds.add(school.id);
            }
        }
        if (schoolIds.isEmpty()) {
            schoolIds.addAll(staff.schoolIds); // district-level staff keep the schools our API gave them
        }
        String credentials = PersonRoles.extension(user.extensions(), "credentials").orElse(staff.credentials);
        String status = user.status();
        if (!created && Objects.equals(staff.givenName, user.field("givenName"))
                && Objects.equals(staff.familyName, user.field("familyName")) && Objects.equals(staff.email, email)
                && staff.discipline == discipline && Objects.equals(staff.credentials, credentials)
                && staff.schoolIds.equals(schoolIds) && Objects.equals(staff.rosterRole, person.role())
                && Objects.equals(staff.status, status)) {
            return; // (a staff member just linked by email has no roster role yet, so is never "unchanged")
        }
        staff.givenName = user.field("givenName");
        staff.familyName = user.field("familyName");
        staff.email = email;
        staff.discipline = discipline;
        staff.credentials = credentials;
        staff.schoolIds.clear();
        staff.schoolIds.addAll(schoolIds);
        staff.rosterRole = person.role();
        staff.status = status;
        staff.updatedAt = chunk.now;
        staff.persist();
        events.staffUpserted(staff);
    }

    private void retire(Staff staff, Chunk chunk) {
        if (staff == null || RosterStatus.TO_BE_DELETED.equals(staff.status)) {
            return;
        }
        staff.status = RosterStatus.TO_BE_DELETED;
        staff.updatedAt = chunk.now;
        events.staffUpserted(staff);
    }

    private static String email(Stored user) {
        String email = user.field("email").trim().toLowerCase(Locale.ROOT);
        return email.isEmpty() ? null : email;
    }
}
