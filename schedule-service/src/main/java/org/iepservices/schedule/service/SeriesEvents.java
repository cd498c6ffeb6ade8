package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.EventType;
import org.iepservices.events.OccurrenceCancelled;
import org.iepservices.events.OccurrenceRescheduled;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionSeriesCancelled;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.events.SessionSeriesScheduled.SubjectMinutes;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.domain.scheduling.ClassBlock;
import org.iepservices.schedule.domain.scheduling.CoreOverlap;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Announces series and occurrence changes on schedule.events through the outbox, one event per
 * student (the subject and Kafka key), in the caller's transaction.
 */
@ApplicationScoped
public class SeriesEvents {

    private final Outbox outbox;
    private final RosterQuery roster;

    SeriesEvents(Outbox outbox, RosterQuery roster) {
        this.outbox = outbox;
        this.roster = roster;
    }

    /** SessionSeriesScheduled (new student) or SessionSeriesChanged (full state replacing the previous one). */
    public void scheduled(SessionSeries series, SeriesMember member, List<SessionOccurrence> occurrences,
                          boolean changed) {
        EventType<SessionSeriesScheduled> type = changed ? SessionSeriesScheduled.CHANGED : SessionSeriesScheduled.TYPE;
        outbox.publish(type, member.studentId(), state(series, member, occurrences));
    }

    public void cancelled(SessionSeries series, SeriesMember member, LocalDate from, String reason) {
        outbox.publish(SessionSeriesCancelled.TYPE, member.studentId(), new SessionSeriesCancelled(series.id,
                member.studentId(), member.mandateId(), from, reason));
    }

    public void occurrenceCancelled(SessionSeries series, SeriesMember member, SessionOccurrence o) {
        outbox.publish(OccurrenceCancelled.TYPE, member.studentId(), new OccurrenceCancelled(o.id, series.id,
                member.studentId(), member.mandateOn(o.originalDate), series.providerId, series.setting, o.date, o.minutes,
                o.cancelReason.name(), o.cancelNote));
    }

    public void occurrenceRescheduled(SessionSeries series, SeriesMember member, SessionOccurrence o) {
        List<ClassBlock> blocks = studentBlocks(series, member, o.date, o.date);
        outbox.publish(OccurrenceRescheduled.TYPE, member.studentId(), new OccurrenceRescheduled(o.id, series.id,
                member.studentId(), member.mandateOn(o.originalDate), series.setting, o.originalDate, o.date, o.startTime,
                o.minutes, coreOverlap(series, blocks, o)));
    }

    /**
     * One student's part of a series: their dates in the group, scheduled occurrences only, moves
     * applied, each with the mandate it serves (the superseded one before an IEP amendment took effect).
     */
    SessionSeriesScheduled state(SessionSeries series, SeriesMember member, List<SessionOccurrence> occurrences) {
        LocalDate from = member.joinedFrom().isAfter(series.effectiveFrom) ? member.joinedFrom() : series.effectiveFrom;
        LocalDate to = series.lastDay();
        if (member.leftFrom() != null && !member.leftFrom().isAfter(to)) {
            to = member.leftFrom().minusDays(1);
        }
        List<ClassBlock> blocks = studentBlocks(series, member, from, to);
        List<SessionSeriesScheduled.Occurrence> theirs = occurrences.stream()
                .filter(o -> o.scheduled() && member.memberOn(o.originalDate))
                .sorted(Comparator.comparing((SessionOccurrence o) -> o.date).thenComparing(o -> o.startTime))
                .map(o -> new SessionSeriesScheduled.Occurrence(o.id, o.date, o.startTime, o.minutes,
                        coreOverlap(series, blocks, o), member.mandateOn(o.originalDate)))
                .toList();
        List<UUID> teachers = series.classId == null ? List.of() : roster.teachersOf(series.classId);
        String subject = series.activityBlockId == null ? null : ActivityBlock.<ActivityBlock>findByIdOptional(
                series.activityBlockId).map(b -> b.subject.name()).orElse(null);
        return new SessionSeriesScheduled(series.id, member.studentId(), member.mandateId(), series.providerId,
                series.serviceType, series.setting, series.schoolId, series.classId, teachers,
                series.activityBlockId, subject, series.room, series.dayOfWeek, series.startTime,
                series.durationMinutes, from, to, series.activeMembers().size(), theirs);
    }

    private List<ClassBlock> studentBlocks(SessionSeries series, SeriesMember member, LocalDate from, LocalDate to) {
        if (series.setting != ServiceSetting.PULL_OUT) {
            return List.of();
        }
        return roster.blocksOfStudent(member.studentId(), from, to.isBefore(from) ? from : to);
    }

    private static List<SubjectMinutes> coreOverlap(SessionSeries series, List<ClassBlock> blocks,
                                                    SessionOccurrence o) {
        if (series.setting != ServiceSetting.PULL_OUT) {
            return List.of();
        }
        return CoreOverlap.of(blocks, o.date.getDayOfWeek(), o.time());
    }
}
