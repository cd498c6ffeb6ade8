package org.iepservices.schedule.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.CaseloadAssignmentChanged;
import org.iepservices.events.ClassUpserted;
import org.iepservices.events.EnrollmentChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentDeactivated;
import org.iepservices.events.StudentUpserted;
import org.iepservices.schedule.domain.roster.CaseloadAssignment;
import org.iepservices.schedule.domain.roster.Enrollment;
import org.iepservices.schedule.domain.roster.School;
import org.iepservices.schedule.domain.roster.SchoolClass;
import org.iepservices.schedule.domain.roster.Staff;
import org.iepservices.schedule.domain.roster.Student;
import org.iepservices.schedule.service.SeriesEnding;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * Keeps schedule-service's copy of the roster (schools, students, staff, classes, enrollments,
 * caseload assignments) from roster.events, each event exactly once. Records only refer to each other by id, so any
 * order of arrival is fine: an enrollment for a class not seen yet is kept and joins up later.
 */
@ApplicationScoped
public class RosterEventsConsumer extends IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(RosterEventsConsumer.class);

    @Inject
    SeriesEnding series;

    @Incoming("roster-events")
    @Blocking // ordered: one key's events are applied in partition order
    public void onEvent(ConsumerRecord<String, String> record) {
        consume(record); // with its headers: continues the producer's trace
    }

    @Override
    protected String consumerName() {
        return "schedule.roster";
    }

    @Override
    protected void apply(EventEnvelope event) {
        String type = event.type();
        if (SchoolUpserted.TYPE.name().equals(type)) {
            school(event.dataAs(SchoolUpserted.TYPE, mapper));
        } else if (StudentUpserted.TYPE.name().equals(type)) {
            student(event.dataAs(StudentUpserted.TYPE, mapper));
        } else if (StudentDeactivated.TYPE.name().equals(type)) {
            deactivated(event.dataAs(StudentDeactivated.TYPE, mapper));
        } else if (StaffUpserted.TYPE.name().equals(type)) {
            staff(event.dataAs(StaffUpserted.TYPE, mapper));
        } else if (ClassUpserted.TYPE.name().equals(type)) {
            schoolClass(event.dataAs(ClassUpserted.TYPE, mapper));
        } else if (EnrollmentChanged.TYPE.name().equals(type)) {
            enrollment(event.dataAs(EnrollmentChanged.TYPE, mapper));
        } else if (CaseloadAssignmentChanged.TYPE.name().equals(type)) {
            caseloadAssignment(event.dataAs(CaseloadAssignmentChanged.TYPE, mapper), event.time());
        } else {
            LOG.debugf("Event type %s is not part of the roster copy; recorded and skipped", type);
        }
    }

    private void school(SchoolUpserted e) {
        School row = School.<School>findByIdOptional(required(e.schoolId(), "schoolId")).orElseGet(School::new);
        row.id = e.schoolId();
        row.sourcedId = e.sourcedId();
        row.name = e.name();
        row.districtId = e.districtId();
        row.timeZone = e.timeZone();
        row.status = e.status();
        row.updatedAt = now();
        row.persist();
    }

    private void student(StudentUpserted e) {
        Student row = Student.<Student>findByIdOptional(required(e.studentId(), "studentId")).orElseGet(Student::new);
        row.id = e.studentId();
        row.sourcedId = e.sourcedId();
        row.givenName = e.givenName();
        row.familyName = e.familyName();
        row.grade = e.grade();
        row.schoolId = e.schoolId();
        row.status = e.status();
        if (!Student.INACTIVE.equalsIgnoreCase(e.status())) {
            row.deactivatedOn = null;
        }
        row.updatedAt = now();
        row.persist();
    }

    /** The student leaves the roster: kept as history, and taken out of every series from that date. */
    private void deactivated(StudentDeactivated e) {
        Student row = Student.<Student>findByIdOptional(required(e.studentId(), "studentId")).orElseGet(() -> {
            Student created = new Student();
            created.id = e.studentId();
            created.schoolId = e.schoolId();
            created.sourcedId = e.sourcedId();
            return created;
        });
        row.status = Student.INACTIVE;
        row.deactivatedOn = e.effectiveOn();
        row.updatedAt = now();
        row.persist();
        if (e.effectiveOn() != null) {
            series.endMembershipsOfStudent(e.studentId(), e.effectiveOn(), "STUDENT_DEACTIVATED");
        }
    }

    private void staff(StaffUpserted e) {
        Staff row = Staff.<Staff>findByIdOptional(required(e.staffId(), "staffId")).orElseGet(Staff::new);
        row.id = e.staffId();
        row.sourcedId = e.sourcedId();
        row.givenName = e.givenName();
        row.familyName = e.familyName();
        row.email = e.email();
        row.discipline = e.discipline();
        row.credentials = e.credentials();
        row.status = e.status();
        row.schoolIds.clear();
        row.schoolIds.addAll(e.schoolIds());
        row.updatedAt = now();
        row.persist();
    }

    private void schoolClass(ClassUpserted e) {
        SchoolClass row = SchoolClass.<SchoolClass>findByIdOptional(required(e.classId(), "classId"))
                .orElseGet(SchoolClass::new);
        row.id = e.classId();
        row.sourcedId = e.sourcedId();
        row.title = e.title();
        row.classType = e.classType();
        row.schoolId = e.schoolId();
        row.status = e.status();
        row.updatedAt = now();
        row.persist();
    }

    private void enrollment(EnrollmentChanged e) {
        Enrollment row = Enrollment.<Enrollment>findByIdOptional(required(e.enrollmentId(), "enrollmentId"))
                .orElseGet(Enrollment::new);
        row.id = e.enrollmentId();
        row.sourcedId = e.sourcedId();
        row.classId = required(e.classId(), "classId");
        row.schoolId = e.schoolId();
        row.userId = required(e.userId(), "userId");
        row.role = e.role() == null ? "student" : e.role().toLowerCase(Locale.ROOT);
        row.primary = e.primary();
        row.beginDate = e.beginDate();
        row.endDate = e.endDate();
        row.status = e.status();
        row.updatedAt = now();
        row.persist();
    }

    /**
     * The assignment's latest state. Assignments are keyed by student, so one assignment's events
     * come in order; should an older one still arrive later (a replay, a second producer), the time
     * of the event that wrote the row keeps it from undoing a newer state.
     */
    private void caseloadAssignment(CaseloadAssignmentChanged e, OffsetDateTime happened) {
        UUID id = required(e.assignmentId(), "assignmentId");
        CaseloadAssignment row = CaseloadAssignment.<CaseloadAssignment>findByIdOptional(id)
                .orElseGet(CaseloadAssignment::new);
        if (row.eventTime != null && happened != null && happened.isBefore(row.eventTime)) {
            LOG.debugf("CaseloadAssignmentChanged for %s from %s is older than the state kept (%s); skipped", id,
                    happened, row.eventTime);
            return;
        }
        row.id = id;
        row.studentId = required(e.studentId(), "studentId");
        row.providerId = required(e.providerId(), "providerId");
        row.serviceType = e.serviceType();
        row.mandateId = e.mandateId();
        row.startDate = e.startDate();
        row.endDate = e.endDate();
        row.active = e.active();
        row.eventTime = happened;
        row.updatedAt = now();
        row.persist();
    }

    /** An event without its key ids cannot be applied: it goes to the dead-letter topic. */
    static UUID required(UUID id, String field) {
        if (id == null) {
            throw new IllegalArgumentException("event data lacks " + field);
        }
        return id;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
