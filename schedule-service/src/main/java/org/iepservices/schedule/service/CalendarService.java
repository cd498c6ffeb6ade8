package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.SchoolClosed;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.api.ScheduleDtos.CalendarDay;
import org.iepservices.schedule.api.ScheduleDtos.CalendarRequest;
import org.iepservices.schedule.domain.DayKind;
import org.iepservices.schedule.domain.NonInstructionalDay;
import org.iepservices.schedule.domain.SchoolCalendar;
import org.iepservices.schedule.domain.SchoolYear;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** School calendars, and closures that cancel a day after the fact. */
@ApplicationScoped
public class CalendarService {

    private final Outbox outbox;
    private final SchoolYears years;
    private final OccurrenceGeneration series;
    private final OccurrenceService occurrences;
    private final CalendarAnnouncer announcer;

    CalendarService(Outbox outbox, SchoolYears years, OccurrenceGeneration series, OccurrenceService occurrences,
                    CalendarAnnouncer announcer) {
        this.announcer = announcer;
        this.outbox = outbox;
        this.years = years;
        this.series = series;
        this.occurrences = occurrences;
    }

    /**
     * Creates or replaces the calendar of a school year; returns whether it was created. The
     * school's series are regenerated over the year (new holidays drop occurrences, removed
     * ones add them back) and their students get SessionSeriesChanged when anything moved; the
     * year is published as CalendarChanged.
     */
    @Transactional
    public boolean put(UUID schoolId, String schoolYear, CalendarRequest request) {
        if (!SchoolYear.isValidName(schoolYear)) {
            throw ProblemException.invalid("schoolYear", "must look like 2026-2027");
        }
        List<NonInstructionalDay> days = request.nonInstructionalDays().stream().map(CalendarDay::toDomain)
                .toList();
        List<Violation> violations = new SchoolYear(request.firstDay(), request.lastDay(), days).check();
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The calendar is inconsistent", violations);
        }
        Optional<SchoolCalendar> existing = find(schoolId, schoolYear);
        SchoolCalendar calendar = existing.orElseGet(SchoolCalendar::new);
        if (existing.isEmpty()) {
            calendar.id = UUID.randomUUID();
            calendar.schoolId = schoolId;
            calendar.schoolYear = schoolYear;
        }
        calendar.firstDay = request.firstDay();
        calendar.lastDay = request.lastDay();
        calendar.nonInstructionalDays.clear();
        calendar.nonInstructionalDays.addAll(days);
        calendar.persist();
        calendar.flush();
        series.calendarChanged(schoolId, calendar.firstDay, calendar.lastDay);
        announcer.announce(calendar);
        return existing.isEmpty();
    }

    public SchoolCalendar get(UUID schoolId, String schoolYear) {
        return find(schoolId, schoolYear).orElseThrow(() -> ProblemException.notFound("Calendar of school " + schoolId
                + " for", schoolYear));
    }

    public Optional<SchoolCalendar> covering(UUID schoolId, LocalDate date) {
        return years.covering(schoolId, date);
    }

    /**
     * Records an unplanned closure and announces it (SchoolClosed); the occurrences scheduled at
     * the school that day are cancelled with reason SCHOOL_CLOSED (OccurrenceCancelled per student).
     * The year goes out again too (CalendarChanged, the day as CLOSURE) for consumers that keep calendars.
     */
    @Transactional
    public SchoolCalendar close(UUID schoolId, LocalDate date, String reason) {
        SchoolCalendar calendar = covering(schoolId, date).orElseThrow(() -> ProblemException.unprocessable(
                "No calendar of school " + schoolId + " covers " + date,
                new Violation("date", "outside every school year of this school")));
        Optional<NonInstructionalDay> already = calendar.year().exception(date);
        if (already.isPresent()) {
            throw ProblemException.conflict(date + " is already a non-instructional day ("
                    + already.get().kind() + ")");
        }
        calendar.nonInstructionalDays.add(new NonInstructionalDay(date, DayKind.CLOSURE, reason));
        outbox.publish(SchoolClosed.TYPE, schoolId, new SchoolClosed(schoolId, date, reason));
        announcer.announce(calendar);
        occurrences.cancelForClosure(schoolId, date, reason);
        return calendar;
    }

    private Optional<SchoolCalendar> find(UUID schoolId, String schoolYear) {
        return SchoolCalendar.find("schoolId = ?1 and schoolYear = ?2", schoolId, schoolYear).firstResultOptional();
    }
}
