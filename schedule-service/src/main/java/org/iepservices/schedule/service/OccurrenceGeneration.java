package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.domain.series.OccurrencePlan;
import org.iepservices.schedule.domain.series.OccurrenceStatus;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A series' dated occurrences over the school calendar: generated when it is made or changed, and
 * again when the school's calendar changes (new holidays drop occurrences, removed ones add them back).
 */
@ApplicationScoped
public class OccurrenceGeneration {

    private final SchoolYears calendars;
    private final SeriesEvents events;

    OccurrenceGeneration(SchoolYears calendars, SeriesEvents events) {
        this.calendars = calendars;
        this.events = events;
    }

    /** The occurrences of a series after regeneration, and whether anything changed. */
    public record Regeneration(boolean changed, List<SessionOccurrence> occurrences) {
    }

    /**
     * Brings a series' occurrences from {@code from} on in line with its pattern and the school
     * calendar: dates no longer generated are dropped, new ones added, the rest keep their id,
     * status and moves (minutes and, unless moved, start time follow the series).
     */
    public Regeneration regenerate(SessionSeries series, LocalDate from) {
        LocalDate start = from.isAfter(series.effectiveFrom) ? from : series.effectiveFrom;
        LocalDate end = series.lastDay();
        List<LocalDate> target = end.isBefore(start) ? List.of()
                : OccurrencePlan.dates(series.dayOfWeek, start, end, calendars.between(series.schoolId, start, end));
        Set<LocalDate> wanted = new HashSet<>(target);
        Set<LocalDate> present = new HashSet<>();
        List<SessionOccurrence> kept = new ArrayList<>();
        boolean changed = false;
        for (SessionOccurrence o : SessionOccurrence.<SessionOccurrence>list("seriesId", series.id)) {
            if (o.originalDate.isBefore(from)) {
                kept.add(o);
                continue;
            }
            if (!wanted.contains(o.originalDate)) {
                o.delete();
                changed = true;
                continue;
            }
            present.add(o.originalDate);
            if (o.minutes != series.durationMinutes) {
                o.minutes = series.durationMinutes;
                changed = true;
            }
            if (!o.moved && !o.startTime.equals(series.startTime)) {
                o.startTime = series.startTime;
                o.date = o.originalDate;
                changed = true;
            }
            kept.add(o);
        }
        for (LocalDate date : target) {
            if (!present.contains(date)) {
                SessionOccurrence o = new SessionOccurrence();
                o.id = UUID.randomUUID();
                o.seriesId = series.id;
                o.originalDate = date;
                o.date = date;
                o.startTime = series.startTime;
                o.minutes = series.durationMinutes;
                o.status = OccurrenceStatus.SCHEDULED;
                o.persist();
                kept.add(o);
                changed = true;
            }
        }
        kept.sort(Comparator.comparing((SessionOccurrence o) -> o.date).thenComparing(o -> o.startTime));
        return new Regeneration(changed, kept);
    }

    /**
     * The school calendar changed: every series of the school is regenerated and its students get
     * SessionSeriesChanged when its occurrences changed.
     */
    public void calendarChanged(UUID schoolId, LocalDate from, LocalDate to) {
        for (SessionSeries s : SessionSeries.<SessionSeries>list("schoolId = ?1 and effectiveFrom <= ?2"
                + " and effectiveTo >= ?3", schoolId, to, from)) {
            if (s.cancelledEntirely()) {
                continue;
            }
            Regeneration r = regenerate(s, from);
            if (r.changed()) {
                for (SeriesMember m : s.activeMembers()) {
                    events.scheduled(s, m, r.occurrences(), true);
                }
            }
        }
    }
}
