package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.events.ServiceSetting;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.access.AccessDenied;
import org.iepservices.schedule.api.SeriesDtos.ConflictDto;
import org.iepservices.schedule.api.SeriesDtos.SeriesRequest;
import org.iepservices.schedule.api.SeriesDtos.StudentRef;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.solver.ScheduleResult;
import org.iepservices.schedule.solver.ScheduleResult.Participant;
import org.iepservices.schedule.solver.ScheduleResult.PlannedSession;
import org.iepservices.schedule.solver.SchedulerJobs;
import org.iepservices.schedule.solver.SchedulerJobs.State;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the sessions a scheduler job proposed into recurring series, each through
 * {@link SeriesService#create} like {@code POST /api/v1/session-series}: validated, conflict-checked
 * against today's data (a hard conflict refuses that one series, the others still go through),
 * occurrences generated, SessionSeriesScheduled published per student. A group session becomes one
 * series with all its students.
 *
 * <p>Dates: from {@code effectiveFrom} (default: the first day of the job's week), moved to the
 * latest start of the students' mandates and onto the first day a school calendar covers; to the
 * earliest end of the students' mandates, at most the last day of that school year. Pull-outs go to
 * the request's {@code room}, else the first student's mandate pull-out location, else
 * {@value #DEFAULT_ROOM}.
 *
 * <p>A job's sessions are accepted once: accepting one again is refused with 409 and creates nothing,
 * and each create carries the Idempotency-Key {@code scheduler-job:<jobId>:<sessionId>}, so even a
 * retry racing a restart cannot make a second series.
 */
@ApplicationScoped
public class ScheduleAcceptance {

    static final String DEFAULT_ROOM = "Pull-out room (to be assigned)";

    private final SchedulerJobs jobs;
    private final SeriesService series;
    private final SchoolYears calendars;

    ScheduleAcceptance(SchedulerJobs jobs, SeriesService series, SchoolYears calendars) {
        this.jobs = jobs;
        this.series = series;
        this.calendars = calendars;
    }

    /**
     * @param sessionIds    the proposed sessions to accept (their {@code sessionId} in the job's result);
     *                      empty or null: every proposed session not accepted yet
     * @param effectiveFrom first date of the series; default the first day of the job's week
     * @param room          where the pull-outs go; default the mandate's pull-out location
     */
    public record Request(List<UUID> sessionIds, LocalDate effectiveFrom, String room) {
    }

    public record CreatedSeries(UUID sessionId, UUID seriesId, ServiceSetting setting, DayOfWeek dayOfWeek,
                                LocalTime startTime, int durationMinutes, LocalDate effectiveFrom,
                                LocalDate effectiveTo, List<Participant> students) {
    }

    /** A proposed session that did not become a series: the status a direct create would have had, and why. */
    public record NotCreated(UUID sessionId, int status, String reason, List<ConflictDto> conflicts,
                             List<Violation> violations) {
    }

    public record Outcome(UUID jobId, List<CreatedSeries> created, List<NotCreated> notCreated) {
    }

    public Outcome accept(UUID jobId, Request request) {
        Request r = request == null ? new Request(null, null, null) : request;
        synchronized (jobs.acceptanceLock(jobId)) {
            State state = jobs.status(jobId).state();
            if (state != State.DONE && state != State.CANCELLED) {
                throw ProblemException.conflict("Scheduler job " + jobId + " is " + state
                        + (state == State.FAILED ? ": it has no week to accept"
                        : ": wait until it is DONE, or cancel it to accept the best week so far"));
            }
            ScheduleResult result = jobs.result(jobId);
            Map<UUID, PlannedSession> sessions = result.sessions().stream()
                    .collect(Collectors.toMap(PlannedSession::sessionId, Function.identity(), (a, b) -> a,
                            LinkedHashMap::new));
            Map<UUID, UUID> accepted = jobs.accepted(jobId);
            List<PlannedSession> chosen = choose(jobId, r, sessions, accepted);
            LocalDate from = r.effectiveFrom() != null ? r.effectiveFrom() : jobs.origin(jobId).weekOf();
            if (from == null) {
                throw ProblemException.unprocessable("effectiveFrom is required: job " + jobId + " was submitted "
                        + "with the facts in the body, so it has no week", new Violation("effectiveFrom",
                        "is required for a job without weekOf"));
            }
            UUID providerId = jobs.problem(jobId).providerId();
            List<CreatedSeries> created = new ArrayList<>();
            List<NotCreated> notCreated = new ArrayList<>();
            for (PlannedSession session : chosen) {
                SeriesRequest seriesRequest = seriesRequest(providerId, session, from, r.room());
                try {
                    SeriesService.Result made = series.create(seriesRequest,
                            "scheduler-job:" + jobId + ":" + session.sessionId());
                    jobs.recordAccepted(jobId, session.sessionId(), made.series().id);
                    created.add(new CreatedSeries(session.sessionId(), made.series().id, session.setting(),
                            session.day(), session.start(), session.minutes(), made.series().effectiveFrom,
                            made.series().effectiveTo, session.students()));
                } catch (ScheduleConflictException e) {
                    notCreated.add(new NotCreated(session.sessionId(), 409, e.getMessage(),
                            e.conflicts().stream().map(c -> ConflictDto.of(c, null, null, false)).toList(),
                            List.of()));
                } catch (ProblemException e) {
                    notCreated.add(new NotCreated(session.sessionId(), e.type().status(), e.getMessage(), List.of(),
                            e.violations()));
                } catch (AccessDenied e) {
                    // e.g. a student the caller may not schedule (no longer on their caseload)
                    notCreated.add(new NotCreated(session.sessionId(), 403, e.getMessage(), List.of(),
                            e.violations()));
                }
            }
            return new Outcome(jobId, created, notCreated);
        }
    }

    /** The sessions asked for: all not accepted yet, or the listed ones (422 unknown or fixed, 409 accepted). */
    private static List<PlannedSession> choose(UUID jobId, Request r, Map<UUID, PlannedSession> sessions,
                                               Map<UUID, UUID> accepted) {
        if (r.sessionIds() == null || r.sessionIds().isEmpty()) {
            List<PlannedSession> open = sessions.values().stream()
                    .filter(s -> !s.fixed() && !accepted.containsKey(s.sessionId())).toList();
            if (open.isEmpty()) {
                if (!accepted.isEmpty()) {
                    throw ProblemException.conflict("Every session job " + jobId + " proposed is accepted already ("
                            + accepted.size() + " series); nothing was created");
                }
                throw ProblemException.unprocessable("Job " + jobId + " proposed no new session to accept",
                        new Violation("sessionIds", "the result has no session that is not fixed"));
            }
            return open;
        }
        List<Violation> bad = new ArrayList<>();
        List<Violation> again = new ArrayList<>();
        List<PlannedSession> chosen = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        for (int i = 0; i < r.sessionIds().size(); i++) {
            UUID id = r.sessionIds().get(i);
            String field = "sessionIds[" + i + "]";
            PlannedSession s = id == null ? null : sessions.get(id);
            if (s == null) {
                bad.add(new Violation(field, "not a session of job " + jobId + "'s result"));
            } else if (s.fixed()) {
                bad.add(new Violation(field, "exists already as a series (a fixed session)"));
            } else if (accepted.containsKey(id)) {
                again.add(new Violation(field, "accepted already as series " + accepted.get(id)));
            } else if (seen.add(id)) {
                chosen.add(s);
            }
        }
        if (!bad.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, bad.size() == 1 ? bad.get(0).field() + ": "
                    + bad.get(0).message() : bad.size() + " session ids cannot be accepted", bad);
        }
        if (!again.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, again.size() + " of the sessions are accepted already; "
                    + "nothing was created", again);
        }
        return chosen;
    }

    private SeriesRequest seriesRequest(UUID providerId, PlannedSession s, LocalDate requestedFrom, String room) {
        List<UUID> mandateIds = s.students().stream().map(Participant::mandateId).toList();
        Map<UUID, Mandate> byId = Mandate.<Mandate>list("id in ?1", mandateIds).stream()
                .collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<Mandate> mandates = mandateIds.stream().map(byId::get).filter(Objects::nonNull).toList();
        LocalDate from = requestedFrom;
        for (Mandate m : mandates) {
            if (m.startDate != null && m.startDate.isAfter(from)) {
                from = m.startDate;
            }
        }
        from = calendars.firstCoveredOnOrAfter(s.schoolId(), from).orElse(from);
        Optional<LocalDate> yearEnd = calendars.covering(s.schoolId(), from).map(c -> c.lastDay);
        LocalDate to = mandates.stream().map(m -> m.effectiveEnd).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        if (to == null || (yearEnd.isPresent() && yearEnd.get().isBefore(to))) {
            to = yearEnd.orElse(to);
        }
        boolean pushIn = s.setting() == ServiceSetting.PUSH_IN;
        String pullOutRoom = pushIn ? null : room != null && !room.isBlank() ? room.trim()
                : mandates.stream().map(m -> m.pullOutLocation).filter(l -> l != null && !l.isBlank()).findFirst()
                .orElse(DEFAULT_ROOM);
        return new SeriesRequest(providerId, s.schoolId(), s.serviceType(), s.setting(),
                pushIn ? s.classId() : null, pushIn ? s.activityBlockId() : null, pullOutRoom, s.day(), s.start(),
                s.minutes(), from, to,
                s.students().stream().map(p -> new StudentRef(p.studentId(), p.mandateId())).toList(), null, null);
    }
}
