package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.CalendarChanged;
import org.iepservices.schedule.domain.EarlyRelease;
import org.iepservices.schedule.domain.SchoolCalendar;
import org.iepservices.schedule.domain.SchoolYear;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Publishes a school's whole year (CalendarChanged, through the outbox in the caller's transaction)
 * whenever something that decides which days are school days changed: the calendar itself, a
 * closure, a date's bell schedule. Reporting counts mandated minutes on instructional days only,
 * so a holiday week must reach it as such.
 */
@ApplicationScoped
public class CalendarAnnouncer {

    private final Outbox outbox;
    private final BellScheduleDays days;

    CalendarAnnouncer(Outbox outbox, BellScheduleDays days) {
        this.outbox = outbox;
        this.days = days;
    }

    public void announce(SchoolCalendar calendar) {
        SchoolYear year = calendar.year();
        List<EarlyRelease> early = EarlyRelease.of(year, days.defaultOf(calendar.schoolId),
                days.overrides(calendar.schoolId, calendar.firstDay, calendar.lastDay));
        outbox.publish(CalendarChanged.TYPE, calendar.schoolId, of(calendar.schoolId, calendar.schoolYear, year, early));
    }

    /** A date's bell schedule changed: the year covering it, if any, is announced again. */
    public void dateChanged(UUID schoolId, LocalDate date) {
        SchoolCalendar.<SchoolCalendar>find("schoolId = ?1 and firstDay <= ?2 and lastDay >= ?2", schoolId, date)
                .firstResultOptional().ifPresent(this::announce);
    }

    /**
     * A bell schedule of the school was added, changed or removed: its years are announced again
     * (which days are early release, and how many minutes they have, may have changed). A school
     * has a year or two of calendars, so this stays cheap; consumers keep the latest state.
     */
    public void bellSchedulesChanged(UUID schoolId) {
        SchoolCalendar.<SchoolCalendar>list("schoolId", schoolId).forEach(this::announce);
    }

    /** The event for a year: instructional days, weekdays off with their kind, early-release days. */
    static CalendarChanged of(UUID schoolId, String schoolYear, SchoolYear year, List<EarlyRelease> early) {
        return new CalendarChanged(schoolId, schoolYear, year.firstDay(), year.lastDay(),
                year.instructionalDays(year.firstDay(), year.lastDay()),
                year.weekdaysOff().stream().map(d -> new CalendarChanged.DayOff(d.date(), d.kind().name(),
                        d.description())).toList(),
                early.stream().map(e -> new CalendarChanged.ShortDay(e.date(), e.bellScheduleId(),
                        e.instructionalMinutes())).toList());
    }
}
