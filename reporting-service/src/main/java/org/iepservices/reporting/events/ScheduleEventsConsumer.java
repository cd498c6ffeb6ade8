package org.iepservices.reporting.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.iepservices.events.BellScheduleChanged;
import org.iepservices.events.CalendarChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.OccurrenceCancelled;
import org.iepservices.events.OccurrenceRescheduled;
import org.iepservices.events.SchoolClosed;
import org.iepservices.events.SessionSeriesCancelled;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.events.Topics;
import org.iepservices.reporting.service.ScheduleResolver;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * schedule.events: the series each student is scheduled in (with the teachers whose classes host
 * it) and what happens to their occurrences (cancellations, moves, closures), resolved into
 * effective occurrences that give the scheduled minutes, the forecast, what pull-out costs and the
 * teacher view's upcoming push-in sessions; bell schedules give the length of the school day.
 */
@ApplicationScoped
public class ScheduleEventsConsumer extends ComplianceConsumer {

    @Inject
    ScheduleResolver resolver;

    public ScheduleEventsConsumer() {
        super("compliance.schedule", Topics.SCHEDULE);
    }

    @Incoming("compliance-schedule-events")
    @Blocking // ordered: batches of one partition are applied in order
    public void onBatch(ConsumerRecords<String, String> records) {
        consumeBatch(records);
    }

    @Override
    protected void apply(EventEnvelope event) {
        switch (event.type()) {
            case "SessionSeriesScheduled" -> series(event, event.dataAs(SessionSeriesScheduled.TYPE, mapper));
            case "SessionSeriesChanged" -> series(event, event.dataAs(SessionSeriesScheduled.CHANGED, mapper));
            case "SessionSeriesCancelled" -> seriesCancelled(event, event.dataAs(SessionSeriesCancelled.TYPE, mapper));
            case "OccurrenceCancelled" -> occurrenceCancelled(event, event.dataAs(OccurrenceCancelled.TYPE, mapper));
            case "OccurrenceRescheduled" -> rescheduled(event, event.dataAs(OccurrenceRescheduled.TYPE, mapper));
            case "SchoolClosed" -> closed(event, event.dataAs(SchoolClosed.TYPE, mapper));
            case "BellScheduleChanged" -> bellSchedule(event, event.dataAs(BellScheduleChanged.TYPE, mapper));
            case "CalendarChanged" -> calendar(event, event.dataAs(CalendarChanged.TYPE, mapper));
            default -> {
                // other schedule events do not change compliance
            }
        }
    }

    /** A full state of the student's part in a series replaces an older one, and only an older one. */
    private void series(EventEnvelope event, SessionSeriesScheduled s) {
        OffsetDateTime time = EventTimes.of(event);
        int changed = sql.update("""
                insert into session_series (series_id, student_id, mandate_id, provider_id, service_type, setting,
                    school_id, class_id, activity_subject, room, day_of_week, start_time, duration_minutes,
                    effective_from, effective_to, group_size, state_time)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (series_id, student_id) do update set mandate_id = excluded.mandate_id,
                    provider_id = excluded.provider_id, service_type = excluded.service_type,
                    setting = excluded.setting, school_id = excluded.school_id, class_id = excluded.class_id,
                    activity_subject = excluded.activity_subject, room = excluded.room,
                    day_of_week = excluded.day_of_week, start_time = excluded.start_time,
                    duration_minutes = excluded.duration_minutes, effective_from = excluded.effective_from,
                    effective_to = excluded.effective_to, group_size = excluded.group_size,
                    state_time = excluded.state_time
                where session_series.state_time <= excluded.state_time""",
                s.seriesId(), s.studentId(), s.mandateId(), s.providerId(), s.serviceType(), s.setting(),
                s.schoolId(), s.classId(), s.activitySubject(), s.room(),
                s.dayOfWeek() == null ? null : s.dayOfWeek().name(), s.startTime(), s.durationMinutes(),
                s.effectiveFrom(), s.effectiveTo(), s.groupSize(), time);
        if (changed == 0) {
            return; // an older state than the one we have
        }
        // The teachers whose classes host the series (the teacher view) are part of the same state.
        sql.update("delete from series_teacher where series_id = ? and student_id = ?", s.seriesId(), s.studentId());
        sql.batch("""
                insert into series_teacher (series_id, student_id, teacher_id) values (?, ?, ?)
                on conflict do nothing""", s.teacherIds().stream().distinct()
                .map(teacher -> new Object[]{s.seriesId(), s.studentId(), teacher}).toList());
        sql.update("delete from series_occurrence where series_id = ? and student_id = ?", s.seriesId(),
                s.studentId());
        List<Object[]> rows = new ArrayList<>();
        Map<UUID, SessionSeriesScheduled.Occurrence> unique = new TreeMap<>();
        s.occurrences().forEach(o -> unique.put(o.occurrenceId(), o));
        for (SessionSeriesScheduled.Occurrence o : unique.values()) {
            rows.add(new Object[]{o.occurrenceId(), s.studentId(), s.seriesId(), o.date(), o.startTime(),
                    o.minutes(), resolver.json(o.coreOverlap())});
        }
        sql.batch("""
                insert into series_occurrence (occurrence_id, student_id, series_id, occurs_on, start_time, minutes,
                    core_overlap) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (occurrence_id, student_id) do update set series_id = excluded.series_id,
                    occurs_on = excluded.occurs_on, start_time = excluded.start_time, minutes = excluded.minutes,
                    core_overlap = excluded.core_overlap""", rows);
        projector.markSeries(s.studentId(), s.seriesId());
    }

    private void seriesCancelled(EventEnvelope event, SessionSeriesCancelled c) {
        sql.update("""
                insert into series_cancellation (series_id, student_id, mandate_id, effective_from, reason, event_time)
                values (?, ?, ?, ?, ?, ?)
                on conflict (series_id, student_id) do update set mandate_id = excluded.mandate_id,
                    effective_from = excluded.effective_from, reason = excluded.reason,
                    event_time = excluded.event_time
                where series_cancellation.event_time <= excluded.event_time""",
                c.seriesId(), c.studentId(), c.mandateId(), c.effectiveFrom(), c.reason(), EventTimes.of(event));
        projector.markSeries(c.studentId(), c.seriesId());
        if (c.mandateId() != null) {
            projector.markServices(c.studentId(), List.of(c.mandateId()));
        }
    }

    private void occurrenceCancelled(EventEnvelope event, OccurrenceCancelled c) {
        sql.update("""
                insert into occurrence_cancellation (occurrence_id, student_id, series_id, cancelled_on, reason,
                    event_time) values (?, ?, ?, ?, ?, ?)
                on conflict (occurrence_id, student_id) do update set series_id = excluded.series_id,
                    cancelled_on = excluded.cancelled_on, reason = excluded.reason, event_time = excluded.event_time
                where occurrence_cancellation.event_time <= excluded.event_time""",
                c.occurrenceId(), c.studentId(), c.seriesId(), c.date(), c.reason(), EventTimes.of(event));
        projector.markSeries(c.studentId(), c.seriesId());
    }

    private void rescheduled(EventEnvelope event, OccurrenceRescheduled r) {
        sql.update("""
                insert into occurrence_move (occurrence_id, student_id, series_id, original_date, moved_to,
                    start_time, minutes, core_overlap, event_time) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (occurrence_id, student_id) do update set series_id = excluded.series_id,
                    original_date = excluded.original_date, moved_to = excluded.moved_to,
                    start_time = excluded.start_time, minutes = excluded.minutes,
                    core_overlap = excluded.core_overlap, event_time = excluded.event_time
                where occurrence_move.event_time <= excluded.event_time""",
                r.occurrenceId(), r.studentId(), r.seriesId(), r.originalDate(), r.date(), r.startTime(),
                r.minutes(), resolver.json(r.coreOverlap()), EventTimes.of(event));
        projector.markSeries(r.studentId(), r.seriesId());
    }

    /**
     * A closure cancels the occurrences held at the school that day and leaves the day out of
     * proration, for every student of the school (or scheduled there).
     */
    private void closed(EventEnvelope event, SchoolClosed c) {
        projector.lockSchool(c.schoolId());
        int inserted = sql.update("""
                insert into school_closure (school_id, closed_on, reason, event_time) values (?, ?, ?, ?)
                on conflict (school_id, closed_on) do update set reason = excluded.reason,
                    event_time = excluded.event_time
                where school_closure.event_time <= excluded.event_time""",
                c.schoolId(), c.date(), c.reason(), EventTimes.of(event));
        if (inserted == 0) {
            return;
        }
        List<UUID> students = sql.list("""
                select student_id from student where school_id = ?
                union select s.student_id from session_series s left join student st on st.student_id = s.student_id
                where coalesce(s.school_id, st.school_id) = ?""", rs -> rs.uuid("student_id"), c.schoolId(),
                c.schoolId());
        if (students.isEmpty()) {
            return;
        }
        sql.list("""
                select s.student_id, s.series_id from session_series s
                left join student st on st.student_id = s.student_id
                where s.student_id = any(?) and coalesce(s.school_id, st.school_id) = ?""", rs -> {
            projector.markSeries(rs.uuid("student_id"), rs.uuid("series_id"));
            return 1;
        }, students, c.schoolId());
        // The day also leaves proration: the period containing it, for every service of these students.
        sql.list("select student_id, mandate_id from mandate where student_id = any(?)", rs -> {
            projector.markDates(rs.uuid("student_id"), List.of(rs.uuid("mandate_id")), List.of(c.date()));
            return 1;
        }, students);
    }

    /**
     * A school's whole calendar for one school year replaces the one we have for that school and
     * year, and only an older one. Every student of the school (or scheduled there) is recomputed:
     * the days that carry the mandate, the holiday excuses and the occurrences on days off change.
     */
    private void calendar(EventEnvelope event, CalendarChanged c) {
        if (c.schoolId() == null || c.schoolYear() == null || c.firstDay() == null || c.lastDay() == null
                || c.lastDay().isBefore(c.firstDay())) {
            throw new IllegalArgumentException("CalendarChanged " + event.id() + " lacks a school, a school year or "
                    + "its first and last day");
        }
        projector.lockSchool(c.schoolId());
        int changed = sql.update("""
                insert into school_calendar (school_id, school_year, first_day, last_day, event_time)
                values (?, ?, ?, ?, ?)
                on conflict (school_id, school_year) do update set first_day = excluded.first_day,
                    last_day = excluded.last_day, event_time = excluded.event_time
                where school_calendar.event_time <= excluded.event_time""",
                c.schoolId(), c.schoolYear(), c.firstDay(), c.lastDay(), EventTimes.of(event));
        if (changed == 0) {
            return; // an older calendar than the one we have
        }
        sql.update("delete from school_calendar_day where school_id = ? and school_year = ?", c.schoolId(),
                c.schoolYear());
        Map<java.time.LocalDate, String> days = new TreeMap<>();
        c.instructionalDays().forEach(d -> days.put(d, "INSTRUCTIONAL"));
        c.earlyReleaseDays().forEach(d -> days.put(d.date(), "EARLY_RELEASE"));
        // A day off wins over an instructional listing of the same date (a closure announced later).
        c.nonInstructionalDays().forEach(d -> days.put(d.date(), d.kind() == null ? "HOLIDAY" : d.kind()));
        sql.batch("""
                insert into school_calendar_day (school_id, school_year, day, kind) values (?, ?, ?, ?)
                on conflict do nothing""", days.entrySet().stream().filter(e -> e.getKey() != null)
                .map(e -> new Object[]{c.schoolId(), c.schoolYear(), e.getKey(), e.getValue()}).toList());
        for (UUID student : studentsOf(c.schoolId())) {
            projector.markAllSeries(student);
            projector.markStudent(student);
        }
    }

    private List<UUID> studentsOf(UUID school) {
        return sql.list("""
                select student_id from student where school_id = ?
                union select s.student_id from session_series s left join student st on st.student_id = s.student_id
                where coalesce(s.school_id, st.school_id) = ?""", rs -> rs.uuid("student_id"), school, school);
    }

    private void bellSchedule(EventEnvelope event, BellScheduleChanged b) {
        sql.update("""
                insert into bell_schedule (bell_schedule_id, school_id, name, is_default, instructional_minutes,
                    removed, event_time) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (bell_schedule_id) do update set school_id = excluded.school_id, name = excluded.name,
                    is_default = excluded.is_default, instructional_minutes = excluded.instructional_minutes,
                    removed = excluded.removed, event_time = excluded.event_time
                where bell_schedule.event_time <= excluded.event_time""",
                b.bellScheduleId(), b.schoolId(), b.name(), b.isDefault(), b.instructionalMinutes(), b.removed(),
                EventTimes.of(event));
    }
}
