package org.iepservices.student.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.ClassUpserted;
import org.iepservices.events.EnrollmentChanged;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentDeactivated;
import org.iepservices.events.StudentUpserted;
import org.iepservices.student.domain.ClassSection;
import org.iepservices.student.domain.Enrollment;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.Staff;
import org.iepservices.student.domain.Student;

import java.time.LocalDate;
import java.util.List;

/**
 * The roster.events this service publishes, all through the outbox in the caller's transaction.
 * Callers publish only when something changed. Subjects (Kafka keys): the student for student
 * events, the school / staff member / class for theirs, the person for an enrollment.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RosterEvents {

    private final Outbox outbox;

    RosterEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void schoolUpserted(School s) {
        outbox.publish(SchoolUpserted.TYPE, s.id, new SchoolUpserted(s.id, s.sourcedId, s.name, s.districtId,
                s.timeZone, s.status));
    }

    public void studentUpserted(Student s) {
        outbox.publish(StudentUpserted.TYPE, s.id, new StudentUpserted(s.id, s.sourcedId, s.givenName, s.familyName,
                s.grade, s.schoolId, s.status));
    }

    public void studentDeactivated(Student s, LocalDate effectiveOn, String reason) {
        outbox.publish(StudentDeactivated.TYPE, s.id, new StudentDeactivated(s.id, s.sourcedId, s.schoolId,
                effectiveOn, reason));
    }

    public void staffUpserted(Staff s) {
        outbox.publish(StaffUpserted.TYPE, s.id, new StaffUpserted(s.id, s.sourcedId, s.givenName, s.familyName,
                s.email, s.discipline.name(), s.credentials, List.copyOf(s.schoolIds), s.status));
    }

    public void classUpserted(ClassSection c) {
        outbox.publish(ClassUpserted.TYPE, c.id, new ClassUpserted(c.id, c.sourcedId, c.title, c.classType,
                c.schoolId, c.grades, c.subjects, c.periods, c.status));
    }

    /** Only for an enrollment whose class and person are known (the event names both). */
    public void enrollmentChanged(Enrollment e) {
        outbox.publish(EnrollmentChanged.TYPE, e.userId(), new EnrollmentChanged(e.id, e.sourcedId, e.classId,
                e.schoolId, e.userId(), e.role, e.primary, e.beginDate, e.endDate, e.status));
    }
}
