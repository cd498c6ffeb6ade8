package org.iepservices.session.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import jakarta.inject.Inject;
import org.iepservices.events.CalendarChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.SchoolClosed;
import org.iepservices.session.domain.CancellationMiss;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.service.SchoolCalendars;
import org.iepservices.session.service.SystemMisses;
import org.iepservices.events.OccurrenceCancelled;
import org.iepservices.events.OccurrenceRescheduled;
import org.iepservices.events.SessionSeriesCancelled;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.session.domain.copy.ScheduledOccurrence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps each student's scheduled occurrences from schedule.events, each event exactly once, so a
 * provider can document "the 10:00 push-in in Room 12" by its occurrence id. A series event carries
 * the full state and replaces the scheduled occurrences of that series and student; cancelled ones
 * stay as CANCELLED. An occurrence event about an occurrence not seen yet creates the row with what
 * it says, so nothing is lost whatever the order. Closures (SchoolClosed) and cancelled occurrences
 * become misses of the students concerned (origin SYSTEM); school calendars (CalendarChanged) and
 * closures are kept to count school days.
 */
@ApplicationScoped
public class ScheduleEventsConsumer extends IdempotentConsumer {

    @Inject
    SystemMisses misses;

    @Inject
    SchoolCalendars calendars;

    @Incoming("schedule-events")
    @Blocking // ordered: one student's schedule events are applied in partition order
    public void onEvent(ConsumerRecord<String, String> record) {
        consume(record); // with its headers: continues the producer's trace
    }

    @Override
    protected String consumerName() {
        return "session.schedule";
    }

    @Override
    protected void apply(EventEnvelope event) {
        // Rows remember the time of the event that last changed them, so an older event arriving late
        // (a series state from before a cancellation) does not undo a newer one.
        OffsetDateTime at = event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
        if (SessionSeriesScheduled.TYPE.name().equals(event.type())) {
            series(event.dataAs(SessionSeriesScheduled.TYPE, mapper), at);
        } else if (SessionSeriesScheduled.CHANGED.name().equals(event.type())) {
            series(event.dataAs(SessionSeriesScheduled.CHANGED, mapper), at);
        } else if (SessionSeriesCancelled.TYPE.name().equals(event.type())) {
            seriesCancelled(event.dataAs(SessionSeriesCancelled.TYPE, mapper), at);
        } else if (OccurrenceCancelled.TYPE.name().equals(event.type())) {
            cancelled(event.dataAs(OccurrenceCancelled.TYPE, mapper), at);
        } else if (OccurrenceRescheduled.TYPE.name().equals(event.type())) {
            rescheduled(event.dataAs(OccurrenceRescheduled.TYPE, mapper), at);
        } else if (SchoolClosed.TYPE.name().equals(event.type())) {
            closed(event.dataAs(SchoolClosed.TYPE, mapper), at);
        } else if (CalendarChanged.TYPE.name().equals(event.type())) {
            CalendarChanged calendar = event.dataAs(CalendarChanged.TYPE, mapper);
            Copies.require(calendar.schoolId(), "schoolId");
            Copies.require(calendar.schoolYear(), "schoolYear");
            Copies.require(calendar.firstDay(), "firstDay");
            Copies.require(calendar.lastDay(), "lastDay");
            calendars.calendarChanged(calendar, at);
        }
    }

    private static boolean newer(ScheduledOccurrence row, OffsetDateTime at) {
        return row.updatedAt != null && row.updatedAt.isAfter(at);
    }

    private void series(SessionSeriesScheduled s, OffsetDateTime at) {
        Copies.require(s.seriesId(), "seriesId");
        Copies.require(s.studentId(), "studentId");
        Set<UUID> listed = new HashSet<>();
        for (SessionSeriesScheduled.Occurrence o : s.occurrences()) {
            Copies.require(o.occurrenceId(), "occurrences[].occurrenceId");
            Copies.require(o.date(), "occurrences[].date");
            listed.add(o.occurrenceId());
            ScheduledOccurrence row = findOrCreate(o.occurrenceId(), s.studentId());
            if (newer(row, at)) {
                continue; // cancelled or moved after this state was published
            }
            row.seriesId = s.seriesId();
            row.mandateId = s.mandateId();
            row.providerId = s.providerId();
            row.serviceType = s.serviceType();
            row.setting = s.setting();
            row.schoolId = s.schoolId();
            row.classId = s.classId();
            row.teacherIds = new java.util.ArrayList<>(s.teacherIds().stream().map(UUID::toString).toList());
            row.activitySubject = s.activitySubject();
            row.room = s.room();
            row.date = o.date();
            row.startTime = o.startTime() != null ? o.startTime() : s.startTime();
            row.minutes = o.minutes() > 0 ? o.minutes() : s.durationMinutes();
            row.groupSize = Math.max(1, s.groupSize());
            row.status = ScheduledOccurrence.SCHEDULED;
            row.cancelReason = null;
            row.cancelNote = null;
            row.updatedAt = at;
            row.persist();
            if (calendars.isClosed(row.schoolId, row.date)) {
                closedDay(row, at); // the closure arrived before this occurrence
            }
        }
        // The full state replaces what was known: scheduled occurrences no longer listed are gone.
        List<ScheduledOccurrence> known = ScheduledOccurrence.list("seriesId = ?1 and key.studentId = ?2 and status = ?3",
                s.seriesId(), s.studentId(), ScheduledOccurrence.SCHEDULED);
        for (ScheduledOccurrence row : known) {
            if (!listed.contains(row.key.occurrenceId()) && !newer(row, at)) {
                row.delete();
            }
        }
    }

    private void seriesCancelled(SessionSeriesCancelled c, OffsetDateTime at) {
        Copies.require(c.seriesId(), "seriesId");
        Copies.require(c.studentId(), "studentId");
        List<ScheduledOccurrence> rows = ScheduledOccurrence.list(
                "seriesId = ?1 and key.studentId = ?2 and status = ?3" + (c.effectiveFrom() == null ? "" : " and date >= ?4"),
                c.effectiveFrom() == null
                        ? new Object[]{c.seriesId(), c.studentId(), ScheduledOccurrence.SCHEDULED}
                        : new Object[]{c.seriesId(), c.studentId(), ScheduledOccurrence.SCHEDULED, c.effectiveFrom()});
        for (ScheduledOccurrence row : rows) {
            if (newer(row, at)) {
                continue;
            }
            row.status = ScheduledOccurrence.CANCELLED;
            row.cancelReason = "SERIES_CANCELLED";
            row.cancelNote = c.reason();
            row.updatedAt = at;
        }
    }

    private void cancelled(OccurrenceCancelled c, OffsetDateTime at) {
        Copies.require(c.occurrenceId(), "occurrenceId");
        Copies.require(c.studentId(), "studentId");
        Copies.require(c.date(), "date");
        ScheduledOccurrence row = findOrCreate(c.occurrenceId(), c.studentId());
        if (newer(row, at)) {
            return; // scheduled again after this cancellation
        }
        if (row.seriesId == null) {
            row.seriesId = c.seriesId();
            row.mandateId = c.mandateId();
            row.providerId = c.providerId();
            row.setting = c.setting();
            row.date = c.date();
            row.minutes = c.minutes();
            row.groupSize = 1;
        }
        row.status = ScheduledOccurrence.CANCELLED;
        row.cancelReason = c.reason();
        row.cancelNote = c.note();
        row.updatedAt = at;
        row.persist();
        CancellationMiss.reasonOf(c.reason()).ifPresent(reason ->
                misses.occurrenceMissed(row, reason, CancellationMiss.note(c.reason(), c.note())));
    }

    /**
     * A closure: every occurrence of that school on that day is cancelled for each of its students and
     * becomes a SCHOOL_CLOSED miss. The closure is kept, so occurrences arriving later for that day are
     * treated the same way.
     */
    private void closed(SchoolClosed c, OffsetDateTime at) {
        Copies.require(c.schoolId(), "schoolId");
        Copies.require(c.date(), "date");
        calendars.closed(c.schoolId(), c.date(), c.reason());
        List<ScheduledOccurrence> rows = ScheduledOccurrence.list(
                "schoolId = ?1 and date = ?2 and (status = ?3 or cancelReason = ?4)", c.schoolId(), c.date(),
                ScheduledOccurrence.SCHEDULED, CancellationMiss.SCHOOL_CLOSED);
        for (ScheduledOccurrence row : rows) {
            closedDay(row, at);
        }
    }

    private void closedDay(ScheduledOccurrence row, OffsetDateTime at) {
        if (!row.cancelled()) {
            row.status = ScheduledOccurrence.CANCELLED;
            row.cancelReason = CancellationMiss.SCHOOL_CLOSED;
            row.updatedAt = row.updatedAt == null || row.updatedAt.isBefore(at) ? at : row.updatedAt;
        }
        misses.occurrenceMissed(row, MissReason.SCHOOL_CLOSED, "school closed on " + row.date);
    }

    private void rescheduled(OccurrenceRescheduled r, OffsetDateTime at) {
        Copies.require(r.occurrenceId(), "occurrenceId");
        Copies.require(r.studentId(), "studentId");
        Copies.require(r.date(), "date");
        ScheduledOccurrence row = findOrCreate(r.occurrenceId(), r.studentId());
        if (newer(row, at)) {
            return;
        }
        if (row.seriesId == null) {
            row.seriesId = r.seriesId();
            row.mandateId = r.mandateId();
            row.setting = r.setting();
            row.groupSize = 1;
            row.status = ScheduledOccurrence.SCHEDULED;
        }
        row.date = r.date();
        row.startTime = r.startTime();
        if (r.minutes() > 0) {
            row.minutes = r.minutes();
        }
        row.updatedAt = at;
        row.persist();
    }

    private static ScheduledOccurrence findOrCreate(UUID occurrenceId, UUID studentId) {
        ScheduledOccurrence.Key key = new ScheduledOccurrence.Key(occurrenceId, studentId);
        return ScheduledOccurrence.<ScheduledOccurrence>findByIdOptional(key).orElseGet(() -> {
            ScheduledOccurrence created = new ScheduledOccurrence();
            created.key = key;
            return created;
        });
    }
}
