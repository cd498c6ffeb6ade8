package org.iepservices.reporting.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentDeactivated;
import org.iepservices.events.StudentUpserted;
import org.iepservices.events.Topics;
import org.iepservices.reporting.service.ScheduleResolver;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * roster.events: schools (district, for rollups), students (school: closures and rollups; names
 * and grade for every view; leaving the roster ends what is owed) and staff (provider and teacher
 * names). A newer state of a record (by event time) replaces an older one, never the other way
 * round. Classes and enrollments are the progress roster consumer's.
 */
@ApplicationScoped
public class RosterEventsConsumer extends ComplianceConsumer {

    @Inject
    ScheduleResolver resolver;

    public RosterEventsConsumer() {
        super("compliance.roster", Topics.ROSTER);
    }

    @Incoming("compliance-roster-events")
    @Blocking // ordered: batches of one partition are applied in order
    public void onBatch(ConsumerRecords<String, String> records) {
        consumeBatch(records);
    }

    @Override
    protected void apply(EventEnvelope event) {
        switch (event.type()) {
            case "SchoolUpserted" -> school(event, event.dataAs(SchoolUpserted.TYPE, mapper));
            case "StudentUpserted" -> student(event, event.dataAs(StudentUpserted.TYPE, mapper));
            case "StudentDeactivated" -> deactivated(event, event.dataAs(StudentDeactivated.TYPE, mapper));
            case "StaffUpserted" -> staff(event, event.dataAs(StaffUpserted.TYPE, mapper));
            default -> {
                // classes and enrollments do not change compliance
            }
        }
    }

    private void school(EventEnvelope event, SchoolUpserted s) {
        sql.update("""
                insert into school (school_id, district_id, name, time_zone, status, event_time)
                values (?, ?, ?, ?, ?, ?)
                on conflict (school_id) do update set district_id = excluded.district_id, name = excluded.name,
                    time_zone = excluded.time_zone, status = excluded.status, event_time = excluded.event_time
                where school.event_time <= excluded.event_time""",
                s.schoolId(), s.districtId(), s.name(), s.timeZone(), s.status(), EventTimes.of(event));
        // Ed-Fi's educationOrganizationId (V36), kept only when this event's state is the one in force.
        sql.update("update school set sourced_id = ? where school_id = ? and event_time = ?", s.sourcedId(),
                s.schoolId(), EventTimes.of(event));
    }

    private record Standing(UUID schoolId, LocalDate deactivatedOn) {
    }

    private Standing standing(UUID studentId) {
        var row = projector.studentRowOf(studentId);
        return row == null ? new Standing(null, null) : new Standing(row.schoolId(), row.deactivatedOn());
    }

    private void student(EventEnvelope event, StudentUpserted s) {
        projector.lockSchool(s.schoolId()); // before reading: the school's calendar and closures are in this student's weeks
        Standing before = standing(s.studentId());
        sql.update("""
                insert into student (student_id, given_name, family_name, grade, school_id, status, upserted_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (student_id) do update set given_name = excluded.given_name,
                    family_name = excluded.family_name, grade = excluded.grade, school_id = excluded.school_id,
                    status = excluded.status, upserted_at = excluded.upserted_at
                where student.upserted_at is null or student.upserted_at <= excluded.upserted_at""",
                s.studentId(), s.givenName(), s.familyName(), s.grade(), s.schoolId(), s.status(),
                EventTimes.of(event));
        // Ed-Fi's studentUniqueId (V36), kept only when this event's state is the one in force.
        sql.update("update student set sourced_id = ? where student_id = ? and upserted_at = ?", s.sourcedId(),
                s.studentId(), EventTimes.of(event));
        standingChanged(s.studentId(), before);
    }

    private void deactivated(EventEnvelope event, StudentDeactivated s) {
        projector.lockSchool(s.schoolId());
        Standing before = standing(s.studentId());
        sql.update("""
                insert into student (student_id, school_id, deactivated_on, deactivated_at) values (?, ?, ?, ?)
                on conflict (student_id) do update set deactivated_on = excluded.deactivated_on,
                    deactivated_at = excluded.deactivated_at
                where student.deactivated_at is null or student.deactivated_at <= excluded.deactivated_at""",
                s.studentId(), s.schoolId(), s.effectiveOn(), EventTimes.of(event));
        standingChanged(s.studentId(), before);
    }

    /** A new school brings other closures; leaving (or coming back) changes what is owed. */
    private void standingChanged(UUID studentId, Standing before) {
        Standing after = standing(studentId);
        if (Objects.equals(before, after)) {
            return;
        }
        if (!Objects.equals(before.schoolId(), after.schoolId())) {
            projector.markAllSeries(studentId);
        }
        projector.markStudent(studentId);
    }

    private void staff(EventEnvelope event, StaffUpserted s) {
        sql.update("""
                insert into staff (staff_id, given_name, family_name, discipline, credentials, status, event_time)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (staff_id) do update set given_name = excluded.given_name,
                    family_name = excluded.family_name, discipline = excluded.discipline,
                    credentials = excluded.credentials, status = excluded.status, event_time = excluded.event_time
                where staff.event_time <= excluded.event_time""",
                s.staffId(), s.givenName(), s.familyName(), s.discipline(), s.credentials(), s.status(),
                EventTimes.of(event));
        // Ed-Fi's staffUniqueId (V36), kept only when this event's state is the one in force.
        sql.update("update staff set sourced_id = ? where staff_id = ? and event_time = ?", s.sourcedId(),
                s.staffId(), EventTimes.of(event));
    }
}
