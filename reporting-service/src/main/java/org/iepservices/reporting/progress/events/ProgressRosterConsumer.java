package org.iepservices.reporting.progress.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.events.CaseloadAssignmentChanged;
import org.iepservices.events.ClassUpserted;
import org.iepservices.events.EnrollmentChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.Topics;
import org.iepservices.reporting.events.EventTimes;
import org.iepservices.reporting.progress.projection.ProgressProjection;
import org.iepservices.reporting.projection.BatchingConsumer;

/**
 * Classes and who teaches them (roster.events), for the teacher view and a teacher's student
 * scope; caseload assignments, for a provider's student scope. Students and staff are the
 * compliance roster consumer's (tables student and staff). A newer state of a class or an
 * enrollment (by event time) replaces an older one, never the other way round.
 */
@ApplicationScoped
public class ProgressRosterConsumer extends BatchingConsumer {

    public ProgressRosterConsumer() {
        super("reporting.progress.roster", ProgressProjection.NAME, Topics.ROSTER);
    }

    @Incoming("progress-roster-events")
    @Blocking // ordered: batches of one partition are applied in order
    public void onBatch(ConsumerRecords<String, String> records) {
        consumeBatch(records);
    }

    @Override
    protected void apply(EventEnvelope event) {
        switch (event.type()) {
            case "ClassUpserted" -> schoolClass(event, event.dataAs(ClassUpserted.TYPE, mapper));
            case "EnrollmentChanged" -> enrollment(event, event.dataAs(EnrollmentChanged.TYPE, mapper));
            case "CaseloadAssignmentChanged" ->
                    assignment(event, event.dataAs(CaseloadAssignmentChanged.TYPE, mapper));
            default -> {
                // students, staff and schools: the compliance roster consumer keeps them
            }
        }
    }

    private void schoolClass(EventEnvelope event, ClassUpserted c) {
        sql.update("""
                insert into progress_class (class_id, title, school_id, status, event_time) values (?, ?, ?, ?, ?)
                on conflict (class_id) do update set title = excluded.title, school_id = excluded.school_id,
                    status = excluded.status, event_time = excluded.event_time
                where progress_class.event_time <= excluded.event_time""",
                c.classId(), c.title(), c.schoolId(), c.status(), EventTimes.of(event));
    }

    /** A provider's caseload (their student scope, with the series they run); the newest state wins. */
    private void assignment(EventEnvelope event, CaseloadAssignmentChanged a) {
        sql.update("""
                insert into caseload_assignment (assignment_id, student_id, provider_id, service_type, mandate_id,
                    start_date, end_date, active, event_time) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (assignment_id) do update set student_id = excluded.student_id,
                    provider_id = excluded.provider_id, service_type = excluded.service_type,
                    mandate_id = excluded.mandate_id, start_date = excluded.start_date, end_date = excluded.end_date,
                    active = excluded.active, event_time = excluded.event_time
                where caseload_assignment.event_time <= excluded.event_time""",
                a.assignmentId(), a.studentId(), a.providerId(), a.serviceType(), a.mandateId(), a.startDate(),
                a.endDate(), a.active(), EventTimes.of(event));
    }

    private void enrollment(EventEnvelope event, EnrollmentChanged e) {
        sql.update("""
                insert into progress_enrollment (enrollment_id, class_id, user_id, role, status, begin_date, end_date,
                    event_time) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (enrollment_id) do update set class_id = excluded.class_id, user_id = excluded.user_id,
                    role = excluded.role, status = excluded.status, begin_date = excluded.begin_date,
                    end_date = excluded.end_date, event_time = excluded.event_time
                where progress_enrollment.event_time <= excluded.event_time""",
                e.enrollmentId(), e.classId(), e.userId(), e.role(), e.status(), e.beginDate(), e.endDate(),
                EventTimes.of(event));
    }
}
