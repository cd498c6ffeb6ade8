package org.iepservices.schedule.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.access.AccessAudit;
import org.iepservices.events.ServiceSetting;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.access.StudentScopeQuery.Condition;
import org.iepservices.schedule.access.WriteAccess;
import org.iepservices.schedule.api.SeriesDtos.CancelSeriesRequest;
import org.iepservices.schedule.api.SeriesDtos.SeriesRequest;
import org.iepservices.schedule.api.SeriesDtos.StudentRef;
import org.iepservices.schedule.config.DistrictClock;
import org.iepservices.schedule.domain.SchoolCalendar;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.domain.conflict.Conflict;
import org.iepservices.schedule.domain.conflict.ConflictRules;
import org.iepservices.schedule.domain.conflict.ProposedSession;
import org.iepservices.schedule.domain.conflict.ProposedSession.Participant;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.roster.SchoolClass;
import org.iepservices.schedule.domain.scheduling.TimeSpan;
import org.iepservices.schedule.domain.series.OccurrencePlan;
import org.iepservices.schedule.domain.series.OccurrenceStatus;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;
import org.iepservices.schedule.service.SchedulingFactsLoader.Exclusion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Recurring session series: validation, conflict check (refused on hard conflicts unless
 * overridden), occurrences generated over the school calendar, and the events announcing them.
 */
@ApplicationScoped
public class SeriesService {

    private final SchedulingFactsLoader facts;
    private final SchoolYears calendars;
    private final SeriesEvents events;
    private final DistrictClock clock;
    private final ObjectMapper mapper;
    private final ScheduleLocks locks;
    // request-scoped: only the HTTP paths (create, check, update, cancel, visible, list) use them
    private final AccessScope scope;
    private final WriteAccess writes;
    private final AccessAudit audit;

    SeriesService(SchedulingFactsLoader facts, SchoolYears calendars, SeriesEvents events, DistrictClock clock,
                  ObjectMapper mapper, ScheduleLocks locks, AccessScope scope, WriteAccess writes,
                  AccessAudit audit) {
        this.locks = locks;
        this.scope = scope;
        this.writes = writes;
        this.audit = audit;
        this.facts = facts;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** The outcome of a create or update: the series, the conflicts found, and whether it was a replay. */
    public record Result(SessionSeries series, List<Conflict> conflicts, boolean replayed) {
    }

    /** A request that passed validation, with its dates resolved. */
    private record Validated(SeriesRequest request, LocalDate effectiveTo, ProposedSession proposed) {
    }

    /** The occurrences of a series after regeneration, and whether anything changed. */
    public record Regeneration(boolean changed, List<SessionOccurrence> occurrences) {
    }

    /**
     * Creates a series for the caller of the request: a provider their own, an admin at their
     * school(s), every student one the caller may see (403 otherwise, before anything is read or
     * written); audited as a write in the same transaction.
     */
    @Transactional
    public Result create(SeriesRequest request, String idempotencyKey) {
        writes.series(request, null);
        String hash = hash(request);
        if (idempotencyKey != null) {
            Optional<SessionSeries> earlier = SessionSeries.find("idempotencyKey", idempotencyKey).firstResultOptional();
            if (earlier.isPresent()) {
                if (!hash.equals(earlier.get().requestHash)) {
                    throw new ProblemException(ProblemType.UNPROCESSABLE, "Idempotency-Key " + idempotencyKey
                            + " was already used for a different session series request");
                }
                audit.read("session-series", earlier.get().id, studentsOf(earlier.get()));
                return new Result(earlier.get(), currentConflicts(earlier.get()), true);
            }
        }
        Validated v = validate(request, null, request.effectiveFrom());
        List<Conflict> conflicts = conflictsOrRefuse(v, Exclusion.series(null));
        SessionSeries series = new SessionSeries();
        series.id = UUID.randomUUID();
        series.createdAt = now();
        series.idempotencyKey = idempotencyKey;
        series.requestHash = hash;
        apply(series, v, conflicts);
        for (StudentRef s : request.students()) {
            series.members.add(new SeriesMember(s.studentId(), s.mandateId(), series.effectiveFrom, null));
        }
        series.persist();
        Regeneration occurrences = regenerate(series, series.effectiveFrom);
        for (SeriesMember m : series.members) {
            events.scheduled(series, m, occurrences.occurrences(), false);
        }
        audit.write("session-series", series.id, studentsOf(series));
        return new Result(series, conflicts, false);
    }

    /** The conflicts a create (or, with {@code seriesId}, an update) would meet; writes nothing. */
    public List<Conflict> check(SeriesRequest request, UUID seriesId) {
        LocalDate from = request.effectiveFrom();
        SessionSeries existing = seriesId == null ? null : visible(seriesId);
        writes.series(request, existing);
        if (existing != null) {
            from = changeFrom(request, existing);
        }
        Validated v = validate(request, seriesId, from);
        List<Conflict> conflicts = ConflictRules.check(v.proposed(), facts.load(v.proposed(),
                Exclusion.series(seriesId)));
        audit.read("series-check", seriesId, request.students().stream().map(StudentRef::studentId).toList());
        return conflicts;
    }

    /**
     * Replaces the series' definition from {@code changeFrom} on: occurrences dated before it stay
     * as they were; later ones are regenerated (keeping the ids, cancellations and moves of dates
     * the new pattern still has). Students who leave the group get SessionSeriesCancelled, new ones
     * SessionSeriesScheduled, the others SessionSeriesChanged.
     */
    @Transactional
    public Result update(UUID id, SeriesRequest request, Long expectedVersion) {
        SessionSeries series = visible(id);
        writes.series(request, series);
        Set<UUID> before = studentsOf(series);
        IfMatch.check("Session series", id, expectedVersion, series.version);
        if (series.cancelledEntirely()) {
            throw ProblemException.conflict("Session series " + id + " was cancelled; create a new one");
        }
        LocalDate changeFrom = changeFrom(request, series);
        Validated v = validate(request, id, changeFrom);
        List<Conflict> conflicts = conflictsOrRefuse(v, Exclusion.series(id));
        apply(series, v, conflicts);

        Set<UUID> requested = request.students().stream().map(StudentRef::studentId).collect(Collectors.toSet());
        LocalDate joinFrom = changeFrom.isAfter(series.effectiveFrom) ? changeFrom : series.effectiveFrom;
        List<SeriesMember> next = new ArrayList<>();
        List<SeriesMember> leaving = new ArrayList<>();
        Set<UUID> joined = new HashSet<>();
        Map<UUID, SeriesMember> current = new HashMap<>();
        series.members.forEach(m -> current.put(m.studentId(), m));
        for (SeriesMember m : series.members) {
            if (!requested.contains(m.studentId())) {
                if (m.active()) {
                    SeriesMember left = m.leaving(changeFrom);
                    leaving.add(left);
                    next.add(left);
                } else {
                    next.add(m);
                }
            }
        }
        for (StudentRef s : request.students()) {
            SeriesMember existing = current.get(s.studentId());
            if (existing == null || !existing.active()) {
                next.add(new SeriesMember(s.studentId(), s.mandateId(), joinFrom, null));
                joined.add(s.studentId());
            } else {
                next.add(new SeriesMember(s.studentId(), s.mandateId(), existing.joinedFrom(), null));
            }
        }
        series.members.clear();
        series.members.addAll(next);
        series.updatedAt = now();
        Regeneration occurrences = regenerate(series, changeFrom);
        series.flush(); // the new version goes out in the ETag
        for (SeriesMember m : series.activeMembers()) {
            events.scheduled(series, m, occurrences.occurrences(), !joined.contains(m.studentId()));
        }
        for (SeriesMember m : leaving) {
            events.cancelled(series, m, changeFrom, "REMOVED_FROM_GROUP");
        }
        Set<UUID> touched = new java.util.LinkedHashSet<>(before);
        touched.addAll(studentsOf(series));
        audit.write("session-series", series.id, touched);
        return new Result(series, conflicts, false);
    }

    /** Ends the series from a date: later occurrences are dropped, each student gets SessionSeriesCancelled. */
    @Transactional
    public SessionSeries cancel(UUID id, CancelSeriesRequest request, Long expectedVersion) {
        SessionSeries series = visible(id);
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
        audit.write("session-series", series.id, studentsOf(series));
        return series;
    }

    public SessionSeries get(UUID id) {
        return SessionSeries.<SessionSeries>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Session series", id));
    }

    /**
     * A series the caller of the request may see: one of its students (now or earlier) is in their
     * scope. Any other is answered like an unknown one (404), found by one query with the scope in it.
     */
    public SessionSeries visible(UUID id) {
        Condition c = scope.contains("vm.studentId");
        return SessionSeries.<SessionSeries>find("select s from SessionSeries s where s.id = :id and s.id in"
                        + " (select v.id from SessionSeries v join v.members vm where " + c.jpql() + ")",
                        AccessScope.params(c, "id", id)).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Session series", id));
    }

    /** Every student of the series, past members included. */
    public static Set<UUID> studentsOf(SessionSeries series) {
        Set<UUID> ids = new java.util.LinkedHashSet<>();
        series.members.forEach(m -> ids.add(m.studentId()));
        return ids;
    }

    /**
     * A page of series by provider, school, student and class, optionally only those running on a
     * date; only series with a student in the caller's scope (the count too).
     */
    public List<SessionSeries> list(UUID providerId, UUID schoolId, UUID studentId, UUID classId, LocalDate activeOn,
                                    int limit, int offset) {
        Query q = query(providerId, schoolId, studentId, classId, activeOn);
        return SessionSeries.<SessionSeries>find("select s from SessionSeries s where " + q.where()
                        + " order by s.dayOfWeek, s.startTime, s.id", q.params())
                .range(offset, offset + limit - 1).list();
    }

    public long count(UUID providerId, UUID schoolId, UUID studentId, UUID classId, LocalDate activeOn) {
        Query q = query(providerId, schoolId, studentId, classId, activeOn);
        return SessionSeries.count("select count(s) from SessionSeries s where " + q.where(), q.params());
    }

    private record Query(String where, Parameters params) {
    }

    private Query query(UUID providerId, UUID schoolId, UUID studentId, UUID classId, LocalDate activeOn) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        Condition visible = scope.contains("vm.studentId");
        clauses.add(visible == Condition.ALWAYS ? "1 = 1"
                : "s.id in (select v.id from SessionSeries v join v.members vm where " + visible.jpql() + ")");
        visible.params().forEach(params::and);
        if (providerId != null) {
            clauses.add("s.providerId = :provider");
            params.and("provider", providerId);
        }
        if (schoolId != null) {
            clauses.add("s.schoolId = :school");
            params.and("school", schoolId);
        }
        if (classId != null) {
            clauses.add("s.classId = :class");
            params.and("class", classId);
        }
        if (studentId != null) {
            clauses.add("exists (select 1 from SessionSeries t join t.members m where t.id = s.id"
                    + " and m.studentId = :student)");
            params.and("student", studentId);
        }
        if (activeOn != null) {
            clauses.add("s.effectiveFrom <= :day and s.effectiveTo >= :day"
                    + " and (s.cancelledFrom is null or s.cancelledFrom > :day)");
            params.and("day", activeOn);
        }
        return new Query(String.join(" and ", clauses), params);
    }

    public List<SessionOccurrence> occurrences(UUID seriesId, LocalDate from, LocalDate to) {
        return SessionOccurrence.list("seriesId = ?1 and date >= ?2 and date <= ?3 order by date, startTime",
                seriesId, from, to);
    }

    /** Scheduled occurrences per series, in one query. */
    public Map<UUID, Integer> scheduledCounts(Collection<UUID> seriesIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (seriesIds.isEmpty()) {
            return counts;
        }
        SessionOccurrence.getEntityManager().createQuery("select o.seriesId, count(o) from SessionOccurrence o"
                        + " where o.seriesId in :ids and o.status = :status group by o.seriesId", Object[].class)
                .setParameter("ids", seriesIds)
                .setParameter("status", OccurrenceStatus.SCHEDULED)
                .getResultList().forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    public int scheduledCount(UUID seriesId) {
        return (int) SessionOccurrence.count("seriesId = ?1 and status = ?2", seriesId,
                OccurrenceStatus.SCHEDULED);
    }

    /** The conflicts a stored series has now (others may have changed around it since it was made). */
    public List<Conflict> currentConflicts(SessionSeries series) {
        if (series.cancelledEntirely() || series.lastDay().isBefore(series.effectiveFrom)
                || series.activeMembers().isEmpty()) {
            return List.of();
        }
        ProposedSession proposed = proposedOf(series);
        return ConflictRules.check(proposed, facts.load(proposed, Exclusion.series(series.id)));
    }

    ProposedSession proposedOf(SessionSeries s) {
        return new ProposedSession(ProposedSession.Scope.SERIES, s.id, null, s.providerId, s.schoolId,
                s.serviceType, s.setting, s.classId, s.activityBlockId, s.dayOfWeek, s.time(), s.effectiveFrom,
                s.lastDay(), s.activeMembers().stream().map(m -> new Participant(m.studentId(), m.mandateId()))
                .toList());
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
        regenerate(series, from);
        // A moved occurrence can land after the end although its pattern date is before it.
        SessionOccurrence.delete("seriesId = ?1 and date >= ?2", series.id, from);
    }

    private LocalDate changeFrom(SeriesRequest request, SessionSeries series) {
        if (request.changeFrom() != null) {
            return request.changeFrom();
        }
        LocalDate today = clock.today();
        return today.isAfter(series.effectiveFrom) ? today : series.effectiveFrom;
    }

    private List<Conflict> conflictsOrRefuse(Validated v, Exclusion exclusion) {
        List<UUID> people = new ArrayList<>(v.request().students().stream().map(StudentRef::studentId).toList());
        people.add(v.request().providerId());
        locks.lock(people);
        List<Conflict> conflicts = ConflictRules.check(v.proposed(), facts.load(v.proposed(), exclusion));
        long hard = conflicts.stream().filter(Conflict::hard).count();
        if (hard > 0 && v.request().override() == null) {
            throw new ScheduleConflictException(hard + " hard conflict(s); fix them, or send override.reason "
                    + "to accept them on purpose", conflicts);
        }
        return conflicts;
    }

    private void apply(SessionSeries series, Validated v, List<Conflict> conflicts) {
        SeriesRequest r = v.request();
        series.providerId = r.providerId();
        series.schoolId = r.schoolId();
        series.serviceType = r.serviceType().trim();
        series.setting = r.setting();
        series.classId = r.setting() == ServiceSetting.PUSH_IN ? r.classId() : null;
        series.activityBlockId = r.setting() == ServiceSetting.PUSH_IN ? r.activityBlockId() : null;
        series.room = r.setting() == ServiceSetting.PULL_OUT ? r.room().trim() : null;
        series.dayOfWeek = r.dayOfWeek();
        series.startTime = r.startTime();
        series.durationMinutes = r.durationMinutes();
        series.effectiveFrom = r.effectiveFrom();
        series.effectiveTo = v.effectiveTo();
        series.updatedAt = now();
        List<String> hardKinds = conflicts.stream().filter(Conflict::hard).map(c -> c.kind().name()).distinct()
                .toList();
        if (!hardKinds.isEmpty()) {
            series.overrideReason = r.override().reason().trim();
            series.overriddenConflicts = String.join(",", hardKinds);
        } else {
            series.overrideReason = null;
            series.overriddenConflicts = null;
        }
    }

    /**
     * Checks what bean validation cannot: fields required by the setting (400), then the domain
     * (422): a school day and a time within it, dates, a school calendar, the class and block
     * pushed into, and each student's mandate (known, theirs, same service, in force).
     */
    private Validated validate(SeriesRequest r, UUID seriesId, LocalDate checkFrom) {
        List<Violation> missing = new ArrayList<>();
        if (r.setting() == ServiceSetting.PUSH_IN) {
            if (r.classId() == null) {
                missing.add(new Violation("classId", "is required for a PUSH_IN series (the class it joins)"));
            }
            if (r.activityBlockId() == null) {
                missing.add(new Violation("activityBlockId", "is required for a PUSH_IN series (the activity it joins)"));
            }
        } else if (r.room() == null || r.room().isBlank()) {
            missing.add(new Violation("room", "is required for a PULL_OUT series"));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < r.students().size(); i++) {
            if (!seen.add(r.students().get(i).studentId())) {
                missing.add(new Violation("students[" + i + "].studentId", "is listed twice"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, missing.size() == 1 ? missing.get(0).field() + ": "
                    + missing.get(0).message() : missing.size() + " fields are invalid", missing);
        }

        List<Violation> violations = new ArrayList<>();
        if (r.dayOfWeek() == DayOfWeek.SATURDAY || r.dayOfWeek() == DayOfWeek.SUNDAY) {
            violations.add(new Violation("dayOfWeek", "must be a school day, MONDAY to FRIDAY"));
        }
        boolean timeFits = TimeSpan.fitsInDay(r.startTime(), r.durationMinutes());
        if (!timeFits) {
            violations.add(new Violation("durationMinutes", "runs past midnight from " + r.startTime()));
        }
        LocalDate effectiveTo = r.effectiveTo();
        if (effectiveTo != null && effectiveTo.isBefore(r.effectiveFrom())) {
            violations.add(new Violation("effectiveTo", "must not be before effectiveFrom"));
        }
        Optional<SchoolCalendar> calendar = calendars.covering(r.schoolId(), r.effectiveFrom());
        if (calendar.isEmpty()) {
            violations.add(new Violation("effectiveFrom", "no school calendar of school " + r.schoolId()
                    + " covers " + r.effectiveFrom()));
        } else if (effectiveTo == null) {
            effectiveTo = calendar.get().lastDay;
        }
        TimeSpan time = timeFits ? TimeSpan.of(r.startTime(), r.durationMinutes()) : null;
        if (r.setting() == ServiceSetting.PUSH_IN) {
            checkPushIn(r, time, violations);
        }
        LocalDate to = effectiveTo != null ? effectiveTo : r.effectiveFrom();
        Map<UUID, Mandate> mandates = new HashMap<>();
        Mandate.<Mandate>list("id in ?1", r.students().stream().map(StudentRef::mandateId).toList())
                .forEach(m -> mandates.put(m.id, m));
        for (int i = 0; i < r.students().size(); i++) {
            StudentRef s = r.students().get(i);
            Mandate m = mandates.get(s.mandateId());
            String field = "students[" + i + "].mandateId";
            if (m == null) {
                violations.add(new Violation(field, "unknown mandate (not received from iep.events yet)"));
            } else if (!m.studentId.equals(s.studentId())) {
                violations.add(new Violation(field, "is a mandate of another student"));
            } else if (!m.serviceType.equalsIgnoreCase(r.serviceType().trim())) {
                violations.add(new Violation(field, "is a " + m.serviceType + " mandate, not " + r.serviceType()));
            } else if (!m.inForceDuring(r.effectiveFrom(), to)) {
                violations.add(new Violation(field, "is in force " + m.startDate + " to " + m.effectiveEnd
                        + ", not during " + r.effectiveFrom() + " to " + to));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, violations.size() == 1 ? violations.get(0).field()
                    + ": " + violations.get(0).message() : "The series breaks " + violations.size() + " rules",
                    violations);
        }
        LocalDate from = checkFrom.isAfter(r.effectiveFrom()) ? checkFrom : r.effectiveFrom();
        ProposedSession proposed = new ProposedSession(ProposedSession.Scope.SERIES, seriesId, null, r.providerId(),
                r.schoolId(), r.serviceType().trim().toUpperCase(Locale.ROOT), r.setting(),
                r.setting() == ServiceSetting.PUSH_IN ? r.classId() : null,
                r.setting() == ServiceSetting.PUSH_IN ? r.activityBlockId() : null, r.dayOfWeek(), time,
                from.isAfter(effectiveTo) ? effectiveTo : from, effectiveTo,
                r.students().stream().map(s -> new Participant(s.studentId(), s.mandateId())).toList());
        return new Validated(r, effectiveTo, proposed);
    }

    /** A push-in joins a known class of the school, during one of that class's blocks on that weekday. */
    private static void checkPushIn(SeriesRequest r, TimeSpan time, List<Violation> violations) {
        Optional<SchoolClass> schoolClass = SchoolClass.findByIdOptional(r.classId());
        if (schoolClass.isEmpty()) {
            violations.add(new Violation("classId", "unknown class (not received from roster.events yet)"));
        } else if (schoolClass.get().schoolId != null && !schoolClass.get().schoolId.equals(r.schoolId())) {
            violations.add(new Violation("classId", "is a class of another school"));
        }
        Optional<ActivityBlock> block = ActivityBlock.findByIdOptional(r.activityBlockId());
        if (block.isEmpty()) {
            violations.add(new Violation("activityBlockId", "unknown activity block"));
            return;
        }
        ActivityBlock b = block.get();
        if (!b.classId.equals(r.classId())) {
            violations.add(new Violation("activityBlockId", "is a block of another class"));
        } else if (b.dayOfWeek != r.dayOfWeek()) {
            violations.add(new Violation("activityBlockId", "is on " + b.dayOfWeek + ", not " + r.dayOfWeek()));
        } else if (time != null && !b.toClassBlock().time().contains(time)) {
            violations.add(new Violation("startTime", "the session " + time + " must lie within the block "
                    + b.startTime + "-" + b.endTime + " (" + b.subject + ")"));
        }
    }

    private String hash(SeriesRequest request) {
        try {
            byte[] json = mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
