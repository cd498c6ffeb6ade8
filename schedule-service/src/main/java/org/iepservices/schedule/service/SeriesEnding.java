package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.access.AccessAudit;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.schedule.access.WriteAccess;
import org.iepservices.schedule.api.SeriesDtos.CancelSeriesRequest;
import org.iepservices.schedule.config.DistrictClock;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Ending series and memberships: a person cancels a series from a date, a student leaves the roster,
 * an IEP ends early. Later occurrences are dropped and each student gets SessionSeriesCancelled.
 */
@ApplicationScoped
public class SeriesEnding {

    private final SeriesQuery query;
    private final OccurrenceGeneration generation;
    private final SeriesEvents events;
    private final DistrictClock clock;
    // request-scoped: only the HTTP path (cancel) uses them
    private final WriteAccess writes;
    private final AccessAudit audit;

    SeriesEnding(SeriesQuery query, OccurrenceGeneration generation, SeriesEvents events, DistrictClock clock,
                 WriteAccess writes, AccessAudit audit) {
        this.query = query;
        this.generation = generation;
        this.events = events;
        this.clock = clock;
        this.writes = writes;
        this.audit = audit;
    }

    /** Ends the series from a date: later occurrences are dropped, each student gets SessionSeriesCancelled. */
    @Transactional
    public SessionSeries cancel(UUID id, CancelSeriesRequest request, Long expectedVersion) {
        SessionSeries series = query.visible(id);
        writes.series(series);
        IfMatch.check("Session series", id, expectedVersion, series.version);
        if (series.cancelledFrom != null) {
            throw ProblemException.conflict("Session series " + id + " is already cancelled from "
                    + series.cancelledFrom);
        }
        LocalDate from = request.effectiveFrom() != null ? request.effectiveFrom() : clock.today();
        if (from.isBefore(series.effectiveFrom)) {
            from = series.effectiveFrom;
        }
        if (from.isAfter(series.effectiveTo)) {
            throw ProblemException.unprocessable("The series ends on " + series.effectiveTo + " anyway",
                    new Violation("effectiveFrom", "after the series' last day " + series.effectiveTo));
        }
        endFrom(series, from, request.reason());
        series.updatedAt = now();
        series.flush();
        for (SeriesMember m : series.activeMembers()) {
            events.cancelled(series, m, from, request.reason());
        }
        audit.write("session-series", series.id, SeriesQuery.studentsOf(series));
        return series;
    }

    /** A student left the roster: out of every group from that date (SessionSeriesCancelled for them). */
    public void endMembershipsOfStudent(UUID studentId, LocalDate from, String reason) {
        endMemberships(SessionSeries.list("select distinct s from SessionSeries s join s.members m"
                + " where m.studentId = ?1", studentId), m -> m.studentId().equals(studentId), from, reason);
    }

    /** Mandates ended (IEP ended early): their students leave the series serving them from that date. */
    public void endMembershipsOfMandates(Set<UUID> mandateIds, LocalDate from, String reason) {
        endMemberships(SessionSeries.list("select distinct s from SessionSeries s join s.members m"
                + " where m.mandateId in ?1", mandateIds), m -> mandateIds.contains(m.mandateId()), from, reason);
    }

    private void endMemberships(List<SessionSeries> seriesList, Predicate<SeriesMember> who,
                                LocalDate from, String reason) {
        for (SessionSeries s : seriesList) {
            if (s.lastDay().isBefore(from) || s.cancelledEntirely()) {
                continue;
            }
            List<SeriesMember> leaving = s.activeMembers().stream().filter(who).toList();
            if (leaving.isEmpty()) {
                continue;
            }
            List<SeriesMember> next = new ArrayList<>();
            for (SeriesMember m : s.members) {
                next.add(leaving.contains(m) ? m.leaving(from) : m);
            }
            s.members.clear();
            s.members.addAll(next);
            s.updatedAt = now();
            for (SeriesMember m : leaving) {
                events.cancelled(s, m, from, reason);
            }
            if (s.activeMembers().isEmpty()) {
                // Nobody left to serve: the provider's time is free again.
                endFrom(s, from, "No students left (" + reason + ")");
            } else {
                List<SessionOccurrence> occurrences = SessionOccurrence.list("seriesId", s.id);
                for (SeriesMember m : s.activeMembers()) {
                    events.scheduled(s, m, occurrences, true); // the group got smaller
                }
            }
        }
    }

    private void endFrom(SessionSeries series, LocalDate from, String reason) {
        series.cancelledFrom = from;
        series.cancelReason = reason;
        generation.regenerate(series, from);
        // A moved occurrence can land after the end although its pattern date is before it.
        SessionOccurrence.delete("seriesId = ?1 and date >= ?2", series.id, from);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
