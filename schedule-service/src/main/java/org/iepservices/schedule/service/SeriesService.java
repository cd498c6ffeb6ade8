package org.iepservices.schedule.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.access.AccessAudit;
import org.iepservices.events.ServiceSetting;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.access.WriteAccess;
import org.iepservices.schedule.api.SeriesDtos.SeriesRequest;
import org.iepservices.schedule.api.SeriesDtos.StudentRef;
import org.iepservices.schedule.config.DistrictClock;
import org.iepservices.schedule.domain.SchoolCalendar;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.domain.conflict.Conflict;
import org.iepservices.schedule.domain.conflict.ConflictRules;
import org.iepservices.schedule.domain.conflict.ProposedSession.Participant;
import org.iepservices.schedule.domain.conflict.ProposedSession;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.roster.SchoolClass;
import org.iepservices.schedule.domain.scheduling.TimeSpan;
import org.iepservices.schedule.domain.series.SeriesMember;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Making and changing recurring session series: validation, conflict check (refused on hard
 * conflicts unless overridden), occurrences generated over the school calendar, and the events
 * announcing them. Reading is {@link SeriesQuery}, ending {@link SeriesEnding}.
 */
@ApplicationScoped
public class SeriesService {

    private final SchedulingFactsLoader facts;
    private final SchoolYears calendars;
    private final SeriesEvents events;
    private final DistrictClock clock;
    private final ObjectMapper mapper;
    private final ScheduleLocks locks;
    private final SeriesQuery query;
    private final CurrentConflicts seriesConflicts;
    private final OccurrenceGeneration generation;
    // request-scoped: only the HTTP paths (create, check, update) use them
    private final WriteAccess writes;
    private final AccessAudit audit;

    SeriesService(SchedulingFactsLoader facts, SchoolYears calendars, SeriesEvents events, DistrictClock clock,
                  ObjectMapper mapper, ScheduleLocks locks, SeriesQuery query, CurrentConflicts seriesConflicts,
                  OccurrenceGeneration generation, WriteAccess writes, AccessAudit audit) {
        this.facts = facts;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
        this.mapper = mapper;
        this.locks = locks;
        this.query = query;
        this.seriesConflicts = seriesConflicts;
        this.generation = generation;
        this.writes = writes;
        this.audit = audit;
    }

    /** The outcome of a create or update: the series, the conflicts found, and whether it was a replay. */
    public record Result(SessionSeries series, List<Conflict> conflicts, boolean replayed) {
    }

    /** A request that passed validation, with its dates resolved. */
    private record Validated(SeriesRequest request, LocalDate effectiveTo, ProposedSession proposed) {
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
                audit.read("session-series", earlier.get().id, SeriesQuery.studentsOf(earlier.get()));
                return new Result(earlier.get(), seriesConflicts.currentConflicts(earlier.get()), true);
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
        OccurrenceGeneration.Regeneration occurrences = generation.regenerate(series, series.effectiveFrom);
        for (SeriesMember m : series.members) {
            events.scheduled(series, m, occurrences.occurrences(), false);
        }
        audit.write("session-series", series.id, SeriesQuery.studentsOf(series));
        return new Result(series, conflicts, false);
    }

    /** The conflicts a create (or, with {@code seriesId}, an update) would meet; writes nothing. */
    public List<Conflict> check(SeriesRequest request, UUID seriesId) {
        LocalDate from = request.effectiveFrom();
        SessionSeries existing = seriesId == null ? null : query.visible(seriesId);
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
        SessionSeries series = query.visible(id);
        writes.series(request, series);
        Set<UUID> before = SeriesQuery.studentsOf(series);
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
            } else if (existing.mandateId().equals(s.mandateId())) {
                next.add(existing);
            } else {
                // Another mandate from changeFrom on; the earlier occurrences keep the one they served.
                next.add(existing.servedUnder(s.mandateId(), changeFrom));
            }
        }
        series.members.clear();
        series.members.addAll(next);
        series.updatedAt = now();
        OccurrenceGeneration.Regeneration occurrences = generation.regenerate(series, changeFrom);
        series.flush(); // the new version goes out in the ETag
        for (SeriesMember m : series.activeMembers()) {
            events.scheduled(series, m, occurrences.occurrences(), !joined.contains(m.studentId()));
        }
        for (SeriesMember m : leaving) {
            events.cancelled(series, m, changeFrom, "REMOVED_FROM_GROUP");
        }
        Set<UUID> touched = new java.util.LinkedHashSet<>(before);
        touched.addAll(SeriesQuery.studentsOf(series));
        audit.write("session-series", series.id, touched);
        return new Result(series, conflicts, false);
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
        // A person re-planned the series: an IEP-change flag is answered (the checks above see the new mandate).
        series.rescheduleReason = null;
        series.rescheduleFrom = null;
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
