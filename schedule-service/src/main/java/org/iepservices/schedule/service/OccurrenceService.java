package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.access.AccessAudit;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.access.StudentScopeQuery.Condition;
import org.iepservices.schedule.access.WriteAccess;
import org.iepservices.schedule.api.SeriesDtos.CancelOccurrenceRequest;
import org.iepservices.schedule.api.SeriesDtos.MoveOccurrenceRequest;
import org.iepservices.schedule.domain.conflict.Conflict;
import org.iepservices.schedule.domain.conflict.ConflictRules;
import org.iepservices.schedule.domain.conflict.ProposedSession;
import org.iepservices.schedule.domain.conflict.ProposedSession.Participant;
import org.iepservices.schedule.domain.scheduling.TimeSpan;
import org.iepservices.schedule.domain.series.CancellationReason;
import org.iepservices.schedule.domain.series.OccurrenceStatus;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;
import org.iepservices.schedule.service.SchedulingFactsLoader.Exclusion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Single occurrences: cancel one, move one (conflict-checked), and cancel a closed school's day. */
@ApplicationScoped
public class OccurrenceService {

    private final SchedulingFactsLoader facts;
    private final SchoolYears calendars;
    private final SeriesEvents events;
    private final ScheduleLocks locks;
    // request-scoped: only the HTTP paths (visible, cancel, move) use them
    private final AccessScope scope;
    private final WriteAccess writes;
    private final AccessAudit audit;

    OccurrenceService(SchedulingFactsLoader facts, SchoolYears calendars, SeriesEvents events, ScheduleLocks locks,
                      AccessScope scope, WriteAccess writes, AccessAudit audit) {
        this.locks = locks;
        this.scope = scope;
        this.writes = writes;
        this.audit = audit;
        this.facts = facts;
        this.calendars = calendars;
        this.events = events;
    }

    /** A moved occurrence and the conflicts it was moved with. */
    public record Moved(SessionOccurrence occurrence, List<Conflict> conflicts) {
    }

    /**
     * An occurrence of a series the caller may see (one of its students is in their scope); any other
     * is answered like an unknown one (404).
     */
    public SessionOccurrence visible(UUID id) {
        Condition c = scope.contains("vm.studentId");
        return SessionOccurrence.<SessionOccurrence>find("select o from SessionOccurrence o where o.id = :id and"
                        + " o.seriesId in (select v.id from SessionSeries v join v.members vm where " + c.jpql() + ")",
                        AccessScope.params(c, "id", id)).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Occurrence", id));
    }

    /** The students of the occurrence (the series' members on its original date). */
    public static List<UUID> studentsOf(SessionSeries series, SessionOccurrence o) {
        return series.members.stream().filter(m -> m.memberOn(o.originalDate)).map(SeriesMember::studentId).toList();
    }

    /** Cancels one occurrence; every student of it gets OccurrenceCancelled. */
    @Transactional
    public SessionOccurrence cancel(UUID id, CancelOccurrenceRequest request, Long expectedVersion) {
        SessionOccurrence o = visible(id);
        SessionSeries series = SessionSeries.findById(o.seriesId);
        writes.series(series);
        IfMatch.check("Occurrence", id, expectedVersion, o.version);
        if (!o.scheduled()) {
            throw ProblemException.conflict("Occurrence " + id + " is already cancelled (" + o.cancelReason + ")");
        }
        cancel(series, o, request.reason(), request.note());
        o.flush();
        audit.write("occurrence", o.id, studentsOf(series, o));
        return o;
    }

    /**
     * Moves one occurrence to another school day and time, checked like a series (on that date
     * only); hard conflicts refuse it unless overridden. Students get OccurrenceRescheduled.
     */
    @Transactional
    public Moved move(UUID id, MoveOccurrenceRequest request, Long expectedVersion) {
        SessionOccurrence o = visible(id);
        SessionSeries series = SessionSeries.findById(o.seriesId);
        writes.series(series);
        IfMatch.check("Occurrence", id, expectedVersion, o.version);
        if (!o.scheduled()) {
            throw ProblemException.conflict("Occurrence " + id + " is cancelled (" + o.cancelReason
                    + "); it cannot be moved");
        }
        if (!TimeSpan.fitsInDay(request.startTime(), o.minutes)) {
            throw ProblemException.unprocessable("The session would run past midnight",
                    new Violation("startTime", o.minutes + " minutes from " + request.startTime()
                            + " run past midnight"));
        }
        if (!calendars.isInstructional(series.schoolId, request.date())) {
            throw ProblemException.unprocessable(request.date() + " is not a school day at this school",
                    new Violation("date", "not an instructional day of the school's calendar"));
        }
        List<SeriesMember> members = series.members.stream().filter(m -> m.memberOn(o.originalDate)).toList();
        ProposedSession proposed = new ProposedSession(ProposedSession.Scope.OCCURRENCE, series.id, o.id,
                series.providerId, series.schoolId, series.serviceType, series.setting, series.classId,
                series.activityBlockId, request.date().getDayOfWeek(), TimeSpan.of(request.startTime(), o.minutes),
                request.date(), request.date(),
                members.stream().map(m -> new Participant(m.studentId(), m.mandateOn(o.originalDate))).toList());
        List<UUID> people = new ArrayList<>(members.stream().map(SeriesMember::studentId).toList());
        people.add(series.providerId);
        locks.lock(people);
        List<Conflict> conflicts = ConflictRules.check(proposed, facts.load(proposed, Exclusion.occurrence(o)));
        boolean hard = ConflictRules.anyHard(conflicts);
        if (hard && request.override() == null) {
            throw new ScheduleConflictException(conflicts.stream().filter(Conflict::hard).count()
                    + " hard conflict(s) on " + request.date() + "; pick another time, or send override.reason",
                    conflicts);
        }
        o.date = request.date();
        o.startTime = request.startTime();
        o.moved = !(o.date.equals(o.originalDate) && o.startTime.equals(series.startTime));
        o.overrideReason = hard ? request.override().reason().trim() : null;
        o.flush();
        for (SeriesMember m : members) {
            events.occurrenceRescheduled(series, m, o);
        }
        audit.write("occurrence", o.id, members.stream().map(SeriesMember::studentId).toList());
        return new Moved(o, conflicts);
    }

    /**
     * A school closed on a date: every occurrence there that day is cancelled with reason
     * SCHOOL_CLOSED, and each of its students gets OccurrenceCancelled.
     */
    public int cancelForClosure(UUID schoolId, LocalDate date, String reason) {
        List<SessionOccurrence> affected = SessionOccurrence.list("date = ?1 and status = ?2 and seriesId in"
                + " (select s.id from SessionSeries s where s.schoolId = ?3)", date, OccurrenceStatus.SCHEDULED, schoolId);
        for (SessionOccurrence o : affected) {
            cancel(SessionSeries.findById(o.seriesId), o, CancellationReason.SCHOOL_CLOSED, reason);
        }
        return affected.size();
    }

    private void cancel(SessionSeries series, SessionOccurrence o, CancellationReason reason, String note) {
        o.status = OccurrenceStatus.CANCELLED;
        o.cancelReason = reason;
        o.cancelNote = note;
        for (SeriesMember m : series.members) {
            if (m.memberOn(o.originalDate)) {
                events.occurrenceCancelled(series, m, o);
            }
        }
    }
}
