package org.iepservices.session.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.CaseloadAssignmentChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentDeactivated;
import org.iepservices.events.StudentUpserted;
import org.iepservices.session.domain.copy.CaseloadAssignment;
import org.iepservices.session.domain.copy.KnownSchool;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.copy.KnownStudent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps schools (district for the makeup policy and the district scope), students (school, status,
 * name for claims), staff (discipline, credentials) and caseload assignments (the provider scope)
 * from roster.events, each event exactly once. Other roster events (classes, enrollments) are
 * recorded and skipped: nothing in this service is shown to teachers by class.
 */
@ApplicationScoped
public class RosterEventsConsumer extends IdempotentConsumer {

    @Incoming("roster-events")
    @Blocking // ordered: one record's events are applied in partition order
    public void onEvent(ConsumerRecord<String, String> record) {
        consume(record); // with its headers: continues the producer's trace
    }

    @Override
    protected String consumerName() {
        return "session.roster";
    }

    @Override
    protected void apply(EventEnvelope event) {
        if (SchoolUpserted.TYPE.name().equals(event.type())) {
            school(event.dataAs(SchoolUpserted.TYPE, mapper));
        } else if (StudentUpserted.TYPE.name().equals(event.type())) {
            student(event.dataAs(StudentUpserted.TYPE, mapper));
        } else if (StudentDeactivated.TYPE.name().equals(event.type())) {
            deactivated(event.dataAs(StudentDeactivated.TYPE, mapper));
        } else if (StaffUpserted.TYPE.name().equals(event.type())) {
            staff(event.dataAs(StaffUpserted.TYPE, mapper));
        } else if (CaseloadAssignmentChanged.TYPE.name().equals(event.type())) {
            OffsetDateTime at = event.time() != null ? event.time() : now();
            assignment(event.dataAs(CaseloadAssignmentChanged.TYPE, mapper), at);
        }
    }

    /**
     * Each event carries the assignment's full state, so the newest one wins; an older one arriving
     * late (another partition, a replay) is skipped rather than reopening an ended assignment.
     */
    private void assignment(CaseloadAssignmentChanged data, OffsetDateTime at) {
        Copies.require(data.assignmentId(), "assignmentId");
        Copies.require(data.studentId(), "studentId");
        Copies.require(data.providerId(), "providerId");
        CaseloadAssignment row = CaseloadAssignment.<CaseloadAssignment>findByIdOptional(data.assignmentId())
                .orElseGet(() -> {
                    CaseloadAssignment created = new CaseloadAssignment();
                    created.assignmentId = data.assignmentId();
                    return created;
                });
        if (row.eventTime != null && row.eventTime.isAfter(at)) {
            return;
        }
        row.studentId = data.studentId();
        row.providerId = data.providerId();
        row.serviceType = data.serviceType();
        row.mandateId = data.mandateId();
        row.startDate = data.startDate();
        row.endDate = data.endDate();
        row.active = data.active();
        row.eventTime = at;
        row.updatedAt = now();
        row.persist();
    }

    private void school(SchoolUpserted data) {
        Copies.require(data.schoolId(), "schoolId");
        KnownSchool school = KnownSchool.<KnownSchool>findByIdOptional(data.schoolId()).orElseGet(() -> {
            KnownSchool created = new KnownSchool();
            created.schoolId = data.schoolId();
            return created;
        });
        school.name = data.name();
        school.districtId = data.districtId();
        school.timeZone = data.timeZone();
        school.status = data.status();
        school.updatedAt = now();
        school.persist();
    }

    private void student(StudentUpserted data) {
        Copies.require(data.studentId(), "studentId");
        KnownStudent student = findOrCreate(data.studentId());
        student.givenName = data.givenName();
        student.familyName = data.familyName();
        student.grade = data.grade();
        if (data.schoolId() != null) {
            student.schoolId = data.schoolId();
        }
        student.status = data.status();
        if (data.status() != null && !KnownStudent.INACTIVE.equalsIgnoreCase(data.status())) {
            student.deactivatedOn = null; // back on the roster
        }
        student.updatedAt = now();
        student.persist();
    }

    /** May arrive before the student's first StudentUpserted: the row is created with what is known. */
    private void deactivated(StudentDeactivated data) {
        Copies.require(data.studentId(), "studentId");
        KnownStudent student = findOrCreate(data.studentId());
        if (student.schoolId == null) {
            student.schoolId = data.schoolId();
        }
        student.status = KnownStudent.INACTIVE;
        student.deactivatedOn = data.effectiveOn();
        student.updatedAt = now();
        student.persist();
    }

    private void staff(StaffUpserted data) {
        Copies.require(data.staffId(), "staffId");
        KnownStaff staff = KnownStaff.<KnownStaff>findByIdOptional(data.staffId()).orElseGet(() -> {
            KnownStaff created = new KnownStaff();
            created.staffId = data.staffId();
            return created;
        });
        staff.givenName = data.givenName();
        staff.familyName = data.familyName();
        staff.discipline = data.discipline();
        staff.credentials = data.credentials();
        staff.status = data.status();
        staff.updatedAt = now();
        staff.persist();
    }

    private static KnownStudent findOrCreate(java.util.UUID id) {
        return KnownStudent.<KnownStudent>findByIdOptional(id).orElseGet(() -> {
            KnownStudent created = new KnownStudent();
            created.studentId = id;
            return created;
        });
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
