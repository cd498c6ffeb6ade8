package org.iepservices.reporting.progress.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.OccurrenceCancelled;
import org.iepservices.events.OccurrenceRescheduled;
import org.iepservices.events.SessionSeriesCancelled;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.reporting.progress.projection.ProgressOccurrence;
import org.iepservices.reporting.progress.projection.ProgressProjection;
import org.iepservices.reporting.progress.projection.ProgressSeries;
import org.iepservices.reporting.progress.projection.ProgressSeriesTeacher;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Series and their dated occurrences from schedule.events. Each occurrence keeps the state of the
 * newest event about it (a snapshot listing it, a cancellation or a move), so a late cancellation
 * is never undone by an older snapshot and vice versa.
 */
@ApplicationScoped
public class ProgressScheduleConsumer extends IdempotentConsumer {

    @Incoming("progress-schedule-events")
    @Blocking
    public void onEvent(String record) {
        consume(record);
    }

    @Override
    protected String consumerName() {
        return ProgressProjection.SCHEDULE.consumerName();
    }

    @Override
    protected void apply(EventEnvelope event) {
        OffsetDateTime time = EventTime.of(event);
        String type = event.type();
        if (SessionSeriesScheduled.TYPE.name().equals(type)) {
            snapshot(event.dataAs(SessionSeriesScheduled.TYPE, mapper), time);
        } else if (SessionSeriesScheduled.CHANGED.name().equals(type)) {
            snapshot(event.dataAs(SessionSeriesScheduled.CHANGED, mapper), time);
        } else if (OccurrenceCancelled.TYPE.name().equals(type)) {
            cancelled(event.dataAs(OccurrenceCancelled.TYPE, mapper), time);
        } else if (OccurrenceRescheduled.TYPE.name().equals(type)) {
            rescheduled(event.dataAs(OccurrenceRescheduled.TYPE, mapper), time);
        } else if (SessionSeriesCancelled.TYPE.name().equals(type)) {
            seriesEnded(event.dataAs(SessionSeriesCancelled.TYPE, mapper), time);
        }
    }

    private void snapshot(SessionSeriesScheduled data, OffsetDateTime time) {
        ProgressSeries.Key key = new ProgressSeries.Key(data.seriesId(), data.studentId());
        ProgressSeries series = ProgressSeries.<ProgressSeries>findByIdOptional(key).orElseGet(() -> {
            ProgressSeries created = new ProgressSeries();
            created.key = key;
            return created;
        });
        if (EventTime.isStale(time, series.stateTime)) {
            return;
        }
        series.mandateId = data.mandateId();
        series.providerId = data.providerId();
        series.serviceType = data.serviceType();
        series.setting = data.setting();
        series.schoolId = data.schoolId();
        series.classId = data.classId();
        series.activitySubject = data.activitySubject();
        series.room = data.room();
        series.groupSize = data.groupSize();
        series.stateTime = time;
        series.persist();

        ProgressSeriesTeacher.delete("key.seriesId = ?1 and key.studentId = ?2", data.seriesId(), data.studentId());
        for (UUID teacher : data.teacherIds().stream().distinct().toList()) {
            ProgressSeriesTeacher row = new ProgressSeriesTeacher();
            row.key = new ProgressSeriesTeacher.Key(data.seriesId(), data.studentId(), teacher);
            row.persist();
        }

        Map<UUID, ProgressOccurrence> known = new HashMap<>();
        List<ProgressOccurrence> existing = ProgressOccurrence.list("seriesId = ?1 and key.studentId = ?2",
                data.seriesId(), data.studentId());
        existing.forEach(o -> known.put(o.key.occurrenceId(), o));
        for (SessionSeriesScheduled.Occurrence o : data.occurrences()) {
            ProgressOccurrence row = known.remove(o.occurrenceId());
            if (row == null) {
                row = new ProgressOccurrence();
                row.key = new ProgressOccurrence.Key(o.occurrenceId(), data.studentId());
            } else if (EventTime.isStale(time, row.stateTime)) {
                continue; // cancelled or moved after this snapshot was taken
            }
            row.seriesId = data.seriesId();
            row.date = o.date();
            row.startTime = o.startTime();
            row.minutes = o.minutes();
            row.cancelled = false;
            row.stateTime = time;
            row.persist();
        }
        // Occurrences this snapshot no longer lists are gone, unless something newer said otherwise.
        known.values().stream().filter(o -> !EventTime.isStale(time, o.stateTime)).forEach(ProgressOccurrence::delete);
    }

    private void cancelled(OccurrenceCancelled data, OffsetDateTime time) {
        ProgressOccurrence row = occurrence(data.occurrenceId(), data.studentId());
        if (EventTime.isStale(time, row.stateTime)) {
            return;
        }
        if (row.seriesId == null) { // the series snapshot has not been seen yet
            row.seriesId = data.seriesId();
            row.date = data.date();
            row.minutes = data.minutes();
        }
        row.cancelled = true;
        row.stateTime = time;
        row.persist();
    }

    private void rescheduled(OccurrenceRescheduled data, OffsetDateTime time) {
        ProgressOccurrence row = occurrence(data.occurrenceId(), data.studentId());
        if (EventTime.isStale(time, row.stateTime)) {
            return;
        }
        row.seriesId = data.seriesId();
        row.date = data.date();
        row.startTime = data.startTime();
        row.minutes = data.minutes();
        row.cancelled = false;
        row.stateTime = time;
        row.persist();
    }

    private void seriesEnded(SessionSeriesCancelled data, OffsetDateTime time) {
        ProgressSeries.Key key = new ProgressSeries.Key(data.seriesId(), data.studentId());
        ProgressSeries series = ProgressSeries.<ProgressSeries>findByIdOptional(key).orElseGet(() -> {
            ProgressSeries created = new ProgressSeries();
            created.key = key;
            created.mandateId = data.mandateId();
            return created;
        });
        if (EventTime.isStale(time, series.endedTime)) {
            return;
        }
        series.endedFrom = data.effectiveFrom();
        series.endedTime = time;
        series.persist();
    }

    private static ProgressOccurrence occurrence(UUID occurrenceId, UUID studentId) {
        ProgressOccurrence.Key key = new ProgressOccurrence.Key(occurrenceId, studentId);
        return ProgressOccurrence.<ProgressOccurrence>findByIdOptional(key).orElseGet(() -> {
            ProgressOccurrence created = new ProgressOccurrence();
            created.key = key;
            return created;
        });
    }
}
