package org.iepservices.reporting.progress.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.ClassUpserted;
import org.iepservices.events.EnrollmentChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;
import org.iepservices.reporting.progress.projection.ProgressClass;
import org.iepservices.reporting.progress.projection.ProgressEnrollment;
import org.iepservices.reporting.progress.projection.ProgressProjection;
import org.iepservices.reporting.progress.projection.ProgressStaff;
import org.iepservices.reporting.progress.projection.ProgressStudent;

import java.time.OffsetDateTime;

/** Names of students, staff and classes, and who teaches which class, from roster.events. */
@ApplicationScoped
public class ProgressRosterConsumer extends IdempotentConsumer {

    @Incoming("progress-roster-events")
    @Blocking
    public void onEvent(String record) {
        consume(record);
    }

    @Override
    protected String consumerName() {
        return ProgressProjection.ROSTER.consumerName();
    }

    @Override
    protected void apply(EventEnvelope event) {
        OffsetDateTime time = EventTime.of(event);
        if (StudentUpserted.TYPE.name().equals(event.type())) {
            student(event.dataAs(StudentUpserted.TYPE, mapper), time);
        } else if (StaffUpserted.TYPE.name().equals(event.type())) {
            staff(event.dataAs(StaffUpserted.TYPE, mapper), time);
        } else if (ClassUpserted.TYPE.name().equals(event.type())) {
            schoolClass(event.dataAs(ClassUpserted.TYPE, mapper), time);
        } else if (EnrollmentChanged.TYPE.name().equals(event.type())) {
            enrollment(event.dataAs(EnrollmentChanged.TYPE, mapper), time);
        }
    }

    private void student(StudentUpserted data, OffsetDateTime time) {
        ProgressStudent row = ProgressStudent.<ProgressStudent>findByIdOptional(data.studentId())
                .orElseGet(ProgressStudent::new);
        if (EventTime.isStale(time, row.eventTime)) {
            return;
        }
        row.studentId = data.studentId();
        row.givenName = data.givenName();
        row.familyName = data.familyName();
        row.grade = data.grade();
        row.schoolId = data.schoolId();
        row.status = data.status();
        row.eventTime = time;
        row.persist();
    }

    private void staff(StaffUpserted data, OffsetDateTime time) {
        ProgressStaff row = ProgressStaff.<ProgressStaff>findByIdOptional(data.staffId()).orElseGet(ProgressStaff::new);
        if (EventTime.isStale(time, row.eventTime)) {
            return;
        }
        row.staffId = data.staffId();
        row.givenName = data.givenName();
        row.familyName = data.familyName();
        row.discipline = data.discipline();
        row.credentials = data.credentials();
        row.status = data.status();
        row.eventTime = time;
        row.persist();
    }

    private void schoolClass(ClassUpserted data, OffsetDateTime time) {
        ProgressClass row = ProgressClass.<ProgressClass>findByIdOptional(data.classId()).orElseGet(ProgressClass::new);
        if (EventTime.isStale(time, row.eventTime)) {
            return;
        }
        row.classId = data.classId();
        row.title = data.title();
        row.schoolId = data.schoolId();
        row.status = data.status();
        row.eventTime = time;
        row.persist();
    }

    private void enrollment(EnrollmentChanged data, OffsetDateTime time) {
        ProgressEnrollment row = ProgressEnrollment.<ProgressEnrollment>findByIdOptional(data.enrollmentId())
                .orElseGet(ProgressEnrollment::new);
        if (EventTime.isStale(time, row.eventTime)) {
            return;
        }
        row.enrollmentId = data.enrollmentId();
        row.classId = data.classId();
        row.userId = data.userId();
        row.role = data.role();
        row.status = data.status();
        row.beginDate = data.beginDate();
        row.endDate = data.endDate();
        row.eventTime = time;
        row.persist();
    }
}
