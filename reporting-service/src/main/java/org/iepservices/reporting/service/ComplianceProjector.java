package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.events.ServiceSetting;
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.domain.compliance.CompliancePeriods;
import org.iepservices.reporting.domain.compliance.ComplianceWindow;
import org.iepservices.reporting.domain.compliance.HolidayExcuse;
import org.iepservices.reporting.domain.compliance.HolidayPolicy;
import org.iepservices.reporting.domain.compliance.MandateTerms;
import org.iepservices.reporting.domain.compliance.MandateChains;
import org.iepservices.reporting.domain.compliance.PeriodFacts;
import org.iepservices.reporting.domain.compliance.PeriodLedger;
import org.iepservices.reporting.domain.compliance.SchoolCalendar;
import org.iepservices.reporting.projection.ProjectionRebuilder;
import org.iepservices.reporting.projection.Sql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes the compliance projection (table compliance_period) from the facts tables. Every
 * recompute reads all facts of the periods it touches, so the result depends on the facts only,
 * never on the order in which their events arrived; a duplicate event rewrites the same values.
 * Runs inside the consumer's transaction, after the caller took the student's lock
 * ({@link #lockStudents}), so two topics' consumers never interleave on one student.
 */
@ApplicationScoped
public class ComplianceProjector {

    /** Namespace of the per-student advisory locks (the second key is the student's hash). */
    static final int LOCK_NAMESPACE = 7_001;
    /** The rebuild's own namespace: it writes other tables and must never wait on a live consumer. */
    static final int REBUILD_LOCK_NAMESPACE = 7_002;

    private final Sql sql;
    private final ReportingClock clock;
    private final PendingRecomputes pending;
    private final jakarta.enterprise.inject.Instance<ScheduleResolver> resolver;
    private final CompliancePolicies policies;
    private final RollupAggregates rollups;
    /** Announces status changes (webhooks' ComplianceStatusChanged) before the periods are written. */
    @jakarta.inject.Inject
    org.iepservices.reporting.webhooks.ComplianceStatusAnnouncer announcer;

    ComplianceProjector(Sql sql, ReportingClock clock, PendingRecomputes pending,
                        jakarta.enterprise.inject.Instance<ScheduleResolver> resolver, CompliancePolicies policies,
                        RollupAggregates rollups) {
        this.sql = sql;
        this.rollups = rollups;
        this.policies = policies;
        this.clock = clock;
        this.pending = pending;
        this.resolver = resolver;
    }

    // --- what consumers ask for (done by flush, before the transaction commits) ------------------

    /** The student's services, mandate ends and every period: after IEP or roster facts changed. */
    public void markStudent(UUID student) {
        pending.of(student).everything = true;
    }

    /** Every period of the services these mandates belong to. */
    public void markServices(UUID student, Collection<UUID> mandates) {
        mandates.stream().filter(Objects::nonNull).forEach(pending.of(student).services::add);
    }

    /** The periods containing these dates, of the services these mandates belong to. */
    public void markDates(UUID student, Collection<UUID> mandates, Collection<LocalDate> dates) {
        PendingRecomputes.Work work = pending.of(student);
        mandates.stream().filter(Objects::nonNull).forEach(work.mandates::add);
        dates.stream().filter(Objects::nonNull).forEach(work.dates::add);
    }

    /** A series of the student must be resolved again, then the periods of its services recomputed. */
    public void markSeries(UUID student, UUID series) {
        pending.of(student).series.add(series);
    }

    /** Every series of the student (a new school brings other closures). */
    public void markAllSeries(UUID student) {
        pending.of(student).allSeries = true;
    }

    /**
     * Does the pending work: per student in id order, under the student's lock, resolves the
     * series marked and recomputes the periods marked. Holding the lock until commit, the last
     * transaction to recompute a student sees every fact committed before it.
     */
    public void flush() {
        Map<UUID, PendingRecomputes.Work> work = pending.drain();
        lockStudents(work.keySet());
        RollupAggregates.Change rollup = rollups.before(work.keySet());
        ScheduleResolver schedules = resolver.get();
        for (Map.Entry<UUID, PendingRecomputes.Work> e : work.entrySet()) {
            UUID student = e.getKey();
            PendingRecomputes.Work w = e.getValue();
            Set<UUID> services = new HashSet<>(w.services);
            if (w.allSeries) {
                services.addAll(schedules.resolveStudent(student).mandates());
            }
            for (UUID series : w.series) {
                services.addAll(schedules.resolve(series, student).mandates());
            }
            if (w.everything) {
                recomputeStudent(student);
                continue;
            }
            StudentServices loaded = load(student);
            Set<UUID> whole = new HashSet<>();
            for (MandateChains.Chain chain : loaded.chainsOf(services)) {
                whole.add(chain.chainId());
                List<CompliancePeriods.ServicePeriod> periods = CompliancePeriods.of(chain, chain.start(), chain.end(),
                        clock.weekStart(), loaded.calendar, loaded.policy);
                write(loaded, chain, periods);
                // A chain recomputed whole keeps only the periods it has now: a school calendar that arrives after
                // the IEP and starts the year later, say, leaves no period behind for the weeks before it, as a
                // rebuild (which may see the calendar first) would not have them either.
                Set<String> keep = new HashSet<>();
                periods.forEach(period -> keep.add(chain.chainId() + "/" + period.period().start()));
                deletePeriodsNotKept(student, chain.chainId(), keep);
            }
            if (!w.dates.isEmpty()) {
                for (MandateChains.Chain chain : loaded.chainsOf(w.mandates)) {
                    if (!whole.contains(chain.chainId())) {
                        writeDates(loaded, chain, w.dates);
                    }
                }
            }
        }
        rollup.apply();
    }

    /** Namespace of the per-school advisory locks (see {@link #lockSchool}). */
    static final int SCHOOL_LOCK_NAMESPACE = 7_003;
    static final int REBUILD_SCHOOL_LOCK_NAMESPACE = 7_004;

    /**
     * Serialises a school's calendar and closures with students joining that school. Without it two consumers race:
     * the calendar's transaction does not see the student (not committed yet), so it recomputes nobody, and the
     * student's transaction does not see the calendar (not committed yet), so it computes weeks the calendar has no
     * school in, and nothing recomputes them later. Taken before either reads; a deadlock between batches that take
     * two schools in opposite orders is retried like any transient failure.
     */
    public void lockSchool(UUID school) {
        if (school == null) {
            return;
        }
        int namespace = ProjectionRebuilder.replaying() ? REBUILD_SCHOOL_LOCK_NAMESPACE : SCHOOL_LOCK_NAMESPACE;
        sql.list("select pg_advisory_xact_lock(?, ?)", rs -> 1, namespace, school.hashCode());
    }

    /** Serialises work on these students with every other transaction that locks them (sorted: no deadlock). */
    void lockStudents(Collection<UUID> students) {
        int namespace = ProjectionRebuilder.replaying() ? REBUILD_LOCK_NAMESPACE : LOCK_NAMESPACE;
        students.stream().filter(Objects::nonNull).map(ComplianceProjector::lockKey).distinct().sorted()
                .forEach(key -> sql.list("select pg_advisory_xact_lock(?, ?)", rs -> 1, namespace, key));
    }

    private static int lockKey(UUID student) {
        return student.hashCode();
    }

    /** Re-derives the student's services (mandate ends, chains) and every period of them. */
    void recomputeStudent(UUID studentId) {
        StudentServices services = load(studentId);
        persistChains(services);
        Set<String> keep = new HashSet<>();
        for (MandateChains.Chain chain : services.chains) {
            if (!chain.inForce()) {
                continue;
            }
            List<CompliancePeriods.ServicePeriod> periods = CompliancePeriods.of(chain, chain.start(), chain.end(),
                    clock.weekStart(), services.calendar, services.policy);
            write(services, chain, periods);
            periods.forEach(p -> keep.add(chain.chainId() + "/" + p.period().start()));
        }
        deletePeriodsNotKept(studentId, null, keep);
    }

    /** Deletes the student's periods (of one chain, or of all when {@code chainId} is null) not in {@code keep} ("chain/start"). */
    private void deletePeriodsNotKept(UUID studentId, UUID chainId, Set<String> keep) {
        for (Object[] key : sql.list("select chain_id, period_start from compliance_period where student_id = ?",
                rs -> new Object[]{rs.uuid("chain_id"), rs.date("period_start")}, studentId)) {
            if ((chainId == null || chainId.equals(key[0])) && !keep.contains(key[0] + "/" + key[1])) {
                sql.update("delete from compliance_period where student_id = ? and chain_id = ? and period_start = ?",
                        studentId, key[0], key[1]);
            }
        }
    }

    private void writeDates(StudentServices services, MandateChains.Chain chain, Collection<LocalDate> dates) {
        Map<LocalDate, CompliancePeriods.ServicePeriod> periods = new TreeMap<>();
        for (LocalDate date : dates) {
            for (CompliancePeriods.ServicePeriod p : CompliancePeriods.of(chain, date, date, clock.weekStart(),
                    services.calendar, services.policy)) {
                periods.put(p.period().start(), p);
            }
        }
        write(services, chain, List.copyOf(periods.values()));
    }

    /**
     * Re-evaluates, as of a new today, the periods of the given services that were still open on
     * {@code since} (the last refresh) and have started by today: the daily refresh.
     */
    public void reevaluate(UUID studentId, Collection<UUID> chainIds, LocalDate since) {
        RollupAggregates.Change rollup = rollups.before(List.of(studentId));
        StudentServices services = load(studentId);
        LocalDate today = clock.today();
        for (MandateChains.Chain chain : services.chains) {
            if (!chainIds.contains(chain.chainId()) || !chain.inForce()) {
                continue;
            }
            List<CompliancePeriods.ServicePeriod> open = CompliancePeriods.of(chain, chain.start(), chain.end(),
                    clock.weekStart(), services.calendar, services.policy).stream()
                    .filter(p -> !p.period().end().isBefore(since) && !p.period().start().isAfter(today))
                    .toList();
            write(services, chain, open);
        }
        rollup.apply();
    }

    // --- loading --------------------------------------------------------------------------------

    /**
     * A student's services, school calendar and the district's holiday policy, derived from the
     * mandate, IEP, roster and calendar facts.
     */
    static final class StudentServices {
        final UUID studentId;
        final List<MandateChains.Chain> chains;
        final SchoolCalendar calendar;
        final HolidayPolicy policy;

        StudentServices(UUID studentId, List<MandateChains.Chain> chains, SchoolCalendar calendar,
                        HolidayPolicy policy) {
            this.studentId = studentId;
            this.chains = chains;
            this.calendar = calendar;
            this.policy = policy;
        }

        List<MandateChains.Chain> chainsOf(Collection<UUID> mandateIds) {
            return chains.stream().filter(c -> c.mandateIds().stream().anyMatch(mandateIds::contains)).toList();
        }
    }

    StudentServices load(UUID studentId) {
        List<MandateChains.StatedMandate> mandates = sql.list("""
                select mandate_id, iep_id, continues_mandate_id, service_type, sessions_per_interval,
                       minutes_per_session, interval_unit, push_in_sessions, pull_out_sessions, start_date, end_date,
                       provider_id, event_time
                from mandate where student_id = ?""", rs -> new MandateChains.StatedMandate(rs.uuid("mandate_id"),
                rs.uuid("iep_id"), rs.uuid("continues_mandate_id"), rs.string("service_type"),
                rs.integer("sessions_per_interval"), rs.integer("minutes_per_session"), rs.string("interval_unit"),
                rs.integer("push_in_sessions"), rs.integer("pull_out_sessions"), rs.date("start_date"),
                rs.date("end_date"), rs.uuid("provider_id"), rs.timestamp("event_time")), studentId);
        List<MandateChains.IepVersion> ieps = sql.list(
                "select iep_id, supersedes_iep_id, effective_from from iep_version where student_id = ?",
                rs -> new MandateChains.IepVersion(rs.uuid("iep_id"), rs.uuid("supersedes_iep_id"),
                        rs.date("effective_from")), studentId);
        Map<UUID, LocalDate> endings = new HashMap<>();
        sql.list("select iep_id, ended_on from iep_ending where student_id = ?",
                rs -> endings.put(rs.uuid("iep_id"), rs.date("ended_on")), studentId);
        StudentRow student = studentRowOf(studentId);
        UUID school = student == null ? null : student.schoolId;
        return new StudentServices(studentId, MandateChains.build(mandates, ieps, endings,
                student == null ? null : student.deactivatedOn()), calendarOf(school), policies.ofSchool(school));
    }

    /** The roster facts compliance needs of a student: school, and the day they left (null if on roster). */
    public record StudentRow(UUID schoolId, LocalDate deactivatedOn) {
    }

    /**
     * A deactivation counts unless a newer StudentUpserted says the student is active again.
     */
    public StudentRow studentRowOf(UUID studentId) {
        return sql.one("""
                select school_id,
                       case when deactivated_at is not null
                                 and (upserted_at is null or deactivated_at >= upserted_at
                                      or coalesce(status, 'active') <> 'active')
                            then deactivated_on end as deactivated_on
                from student where student_id = ?""",
                rs -> new StudentRow(rs.uuid("school_id"), rs.date("deactivated_on")), studentId).orElse(null);
    }

    /** Kinds of school_calendar_day rows that are instructional days (the rest are days off). */
    public static final Set<String> INSTRUCTIONAL_KINDS = Set.of("INSTRUCTIONAL", "EARLY_RELEASE");

    /** The school's calendar: its closures and, once CalendarChanged told them, its school years. */
    public SchoolCalendar calendarOf(UUID schoolId) {
        if (schoolId == null) {
            return SchoolCalendar.WEEKDAYS;
        }
        Map<String, Set<LocalDate>> instructional = new HashMap<>();
        Map<String, Map<LocalDate, String>> daysOff = new HashMap<>();
        sql.list("select school_year, day, kind from school_calendar_day where school_id = ?", rs -> {
            String year = rs.string("school_year");
            String kind = rs.string("kind");
            if (INSTRUCTIONAL_KINDS.contains(kind)) {
                instructional.computeIfAbsent(year, k -> new HashSet<>()).add(rs.date("day"));
            } else {
                daysOff.computeIfAbsent(year, k -> new HashMap<>()).put(rs.date("day"), kind);
            }
            return 1;
        }, schoolId);
        List<SchoolCalendar.SchoolYear> years = sql.list(
                "select school_year, first_day, last_day from school_calendar where school_id = ?",
                rs -> new SchoolCalendar.SchoolYear(rs.date("first_day"), rs.date("last_day"),
                        instructional.getOrDefault(rs.string("school_year"), Set.of()),
                        daysOff.getOrDefault(rs.string("school_year"), Map.of())), schoolId);
        return new SchoolCalendar(new HashSet<>(sql.list("select closed_on from school_closure where school_id = ?",
                rs -> rs.date("closed_on"), schoolId)), years);
    }

    private void persistChains(StudentServices services) {
        List<Object[]> rows = new ArrayList<>();
        for (MandateChains.Chain chain : services.chains) {
            for (MandateChains.Version v : chain.versions()) {
                rows.add(new Object[]{v.terms().endDate(), chain.chainId(), v.mandateId()});
            }
        }
        sql.batch("update mandate set effective_end = ?, chain_id = ? where mandate_id = ?", rows);
    }

    // --- evaluating and writing -----------------------------------------------------------------

    private void write(StudentServices services, MandateChains.Chain chain,
                       List<CompliancePeriods.ServicePeriod> periods) {
        if (periods.isEmpty()) {
            return;
        }
        LocalDate from = periods.get(0).period().start();
        LocalDate to = periods.get(periods.size() - 1).period().end();
        for (CompliancePeriods.ServicePeriod p : periods) {
            from = p.period().start().isBefore(from) ? p.period().start() : from;
            to = p.period().end().isAfter(to) ? p.period().end() : to;
        }
        UUID student = services.studentId;
        List<UUID> ids = chain.mandateIds();
        Facts facts = facts(student, ids, from, to);
        List<HolidayExcuse.Pattern> patterns = services.policy == HolidayPolicy.EXCUSE
                && chain.interval() != MandateTerms.Interval.IEP_TERM ? patterns(student, ids) : List.of();
        LocalDate today = clock.today();
        UUID seriesProvider = null;
        List<Object[]> rows = new ArrayList<>();
        List<org.iepservices.reporting.webhooks.ComplianceStatusAnnouncer.Evaluated> evaluated = new ArrayList<>();
        Map<UUID, OffsetDateTime> mandateTimes = new LinkedHashMap<>();
        chain.versions().forEach(v -> mandateTimes.put(v.mandateId(), v.stated().eventTime()));
        for (CompliancePeriods.ServicePeriod p : periods) {
            List<OffsetDateTime> versionTimes = p.mandateIds().stream().map(mandateTimes::get)
                    .filter(Objects::nonNull).toList();
            ComplianceWindow.Inputs inputs = PeriodLedger.inputs(p, facts.delivered, facts.misses, facts.credits,
                    facts.occurrences, facts.knownMisses, versionTimes, today, clock.closeOf(p.period().end()),
                    HolidayExcuse.minutes(patterns, services.calendar, p.firstCoveredDay(), p.lastCoveredDay()));
            ComplianceWindow w = ComplianceWindow.evaluate(p, inputs, today, services.calendar);
            UUID provider = p.owner().stated().providerId();
            if (provider == null) {
                if (seriesProvider == null) {
                    seriesProvider = sql.one("""
                            select provider_id from session_series where student_id = ? and mandate_id = any(?)
                              and provider_id is not null order by state_time desc, series_id limit 1""",
                            rs -> rs.uuid("provider_id"), student, ids).orElse(null);
                }
                provider = seriesProvider;
            }
            rows.add(row(student, chain, p, w, provider, today));
            evaluated.add(new org.iepservices.reporting.webhooks.ComplianceStatusAnnouncer.Evaluated(p.period().start(),
                    p.period().end(), w.mandateId(), p.owner().stated().serviceType(), provider, chain.interval().name(),
                    w.status(), w.mandated().pushIn() + w.mandated().pullOut(),
                    w.delivered().pushIn() + w.delivered().pullOut()));
        }
        announcer.beforeWrite(student, chain.chainId(), evaluated, today);
        sql.batch(UPSERT, rows);
    }

    private static Object[] row(UUID student, MandateChains.Chain chain, CompliancePeriods.ServicePeriod p,
                                ComplianceWindow w, UUID provider, LocalDate today) {
        return new Object[]{student, chain.chainId(), p.period().start(), p.period().end(), w.mandateId(),
                w.mandateIds().stream().map(UUID::toString).collect(Collectors.joining(",")),
                p.owner().stated().serviceType(), chain.interval().name(), provider, p.minutesPerSession(),
                w.mandated().pushIn(), w.mandated().pullOut(), w.scheduled().pushIn(), w.scheduled().pullOut(),
                w.delivered().pushIn(), w.delivered().pullOut(), w.madeUp().pushIn(), w.madeUp().pullOut(),
                w.missedOwed(), w.missedNotOwed(), w.missedInReview(), w.excused().pushIn(), w.excused().pullOut(),
                w.owedBalance(), w.shortfall().pushIn(), w.shortfall().pullOut(), w.overDelivered().pushIn(),
                w.overDelivered().pullOut(), w.forecast().remaining().pushIn(), w.forecast().remaining().pullOut(),
                w.forecast().minutes().pushIn(), w.forecast().minutes().pullOut(),
                w.forecast().shortfall().pushIn(), w.forecast().shortfall().pullOut(),
                w.forecast().lastChanceDate(), w.status().name(), w.closed(), w.revisedAt(), today};
    }

    static final String COLUMNS = """
            student_id, chain_id, period_start, period_end, mandate_id, mandate_ids, service_type, interval_unit,
            provider_id, minutes_per_session, mandated_pi, mandated_po, scheduled_pi, scheduled_po, delivered_pi,
            delivered_po, made_up_pi, made_up_po, missed_owed, missed_not_owed, missed_in_review, excused_pi,
            excused_po, owed_balance, shortfall_pi, shortfall_po, over_pi, over_po, remaining_pi, remaining_po,
            forecast_pi, forecast_po, forecast_short_pi, forecast_short_po, last_chance_date, status, closed,
            revised_at, evaluated_on""";

    private static final String UPSERT;

    static {
        String[] columns = COLUMNS.replace("\n", " ").split(",");
        StringBuilder updates = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            String column = columns[i].trim();
            marks.append(i == 0 ? "?" : ", ?");
            if (i >= 3) {
                updates.append(updates.length() == 0 ? "" : ", ").append(column).append(" = excluded.").append(column);
            }
        }
        UPSERT = "insert into compliance_period (" + COLUMNS + ") values (" + marks
                + ") on conflict (student_id, chain_id, period_start) do update set " + updates;
    }

    /** The weekly patterns of the student's series of these mandates, each up to its own end or cancellation. */
    private List<HolidayExcuse.Pattern> patterns(UUID student, List<UUID> mandateIds) {
        return sql.list("""
                select s.setting, s.day_of_week, s.duration_minutes, s.effective_from,
                       least(s.effective_to, c.effective_from - 1) as last_day
                from session_series s
                left join series_cancellation c on c.series_id = s.series_id and c.student_id = s.student_id
                     and c.event_time >= s.state_time
                where s.student_id = ? and s.mandate_id = any(?) and s.day_of_week is not null""",
                rs -> new HolidayExcuse.Pattern(ServiceSetting.valueOf(rs.string("setting")),
                        java.time.DayOfWeek.valueOf(rs.string("day_of_week")), rs.integer("duration_minutes"),
                        rs.date("effective_from"), rs.date("last_day")), student, mandateIds);
    }

    /** The facts of one service between two dates (makeup credits: for the misses in that range). */
    record Facts(List<PeriodFacts.Delivered> delivered, List<PeriodFacts.Miss> misses,
                 List<PeriodFacts.MakeupCredit> credits, List<PeriodFacts.Occurrence> occurrences,
                 Set<UUID> knownMisses) {
    }

    private Facts facts(UUID student, List<UUID> mandateIds, LocalDate from, LocalDate to) {
        Map<UUID, List<PeriodFacts.Repayment>> repayments = new HashMap<>();
        Set<UUID> knownMisses = new HashSet<>();
        List<Object[]> deliveredRows = sql.list("""
                select session_log_id, mandate_id, setting, session_date, minutes, occurrence_id, event_time
                from delivered_session where student_id = ? and mandate_id = any(?) and session_date between ? and ?""",
                rs -> new Object[]{rs.uuid("session_log_id"), rs.uuid("mandate_id"), rs.string("setting"),
                        rs.date("session_date"), rs.integer("minutes"), rs.uuid("occurrence_id"),
                        rs.timestamp("event_time")}, student, mandateIds, from, to);
        if (!deliveredRows.isEmpty()) {
            List<UUID> logs = deliveredRows.stream().map(r -> (UUID) r[0]).toList();
            sql.list("""
                    select r.session_log_id, r.miss_id, r.minutes, m.miss_id is not null as known
                    from makeup_repayment r left join missed_session m on m.miss_id = r.miss_id
                    where r.student_id = ? and r.session_log_id = any(?)""", rs -> {
                repayments.computeIfAbsent(rs.uuid("session_log_id"), k -> new ArrayList<>())
                        .add(new PeriodFacts.Repayment(rs.uuid("miss_id"), rs.integer("minutes")));
                if (rs.bool("known")) {
                    knownMisses.add(rs.uuid("miss_id"));
                }
                return 1;
            }, student, logs);
        }
        List<PeriodFacts.Delivered> delivered = deliveredRows.stream().map(r -> new PeriodFacts.Delivered(
                (UUID) r[0], (UUID) r[1], ServiceSetting.valueOf((String) r[2]), (LocalDate) r[3], (int) r[4],
                (UUID) r[5], repayments.getOrDefault((UUID) r[0], List.of()), (OffsetDateTime) r[6])).toList();

        List<PeriodFacts.Miss> misses = sql.list("""
                select m.miss_id, m.mandate_id, m.setting, m.session_date, m.minutes, m.owed, m.occurrence_id,
                       greatest(m.event_time, r.event_time) as event_time
                from missed_session m left join miss_resolution r on r.miss_id = m.miss_id
                where m.student_id = ? and m.mandate_id = any(?) and m.session_date between ? and ?""",
                rs -> new PeriodFacts.Miss(rs.uuid("miss_id"), rs.uuid("mandate_id"),
                        ServiceSetting.valueOf(rs.string("setting")), rs.date("session_date"), rs.integer("minutes"),
                        rs.string("owed"), rs.uuid("occurrence_id"), rs.timestamp("event_time")),
                student, mandateIds, from, to);
        List<PeriodFacts.MakeupCredit> credits = misses.isEmpty() ? List.of() : sql.list("""
                select r.miss_id, r.session_log_id, d.setting, d.session_date, r.minutes, d.event_time
                from makeup_repayment r
                join delivered_session d on d.session_log_id = r.session_log_id and d.student_id = r.student_id
                where r.miss_id = any(?) and d.minutes > 0""",
                rs -> new PeriodFacts.MakeupCredit(rs.uuid("miss_id"), rs.uuid("session_log_id"),
                        ServiceSetting.valueOf(rs.string("setting")), rs.date("session_date"), rs.integer("minutes"),
                        rs.timestamp("event_time")), misses.stream().map(PeriodFacts.Miss::missId).toList());
        List<PeriodFacts.Occurrence> occurrences = sql.list("""
                select o.occurrence_id, o.mandate_id, o.setting, o.occurs_on, o.minutes, o.status,
                       exists (select 1 from delivered_session d
                               where d.student_id = o.student_id and d.occurrence_id = o.occurrence_id)
                       or exists (select 1 from missed_session m
                               where m.student_id = o.student_id and m.occurrence_id = o.occurrence_id) as logged
                from effective_occurrence o
                where o.student_id = ? and o.mandate_id = any(?) and o.occurs_on between ? and ?""",
                rs -> new PeriodFacts.Occurrence(rs.uuid("occurrence_id"), rs.uuid("mandate_id"),
                        ServiceSetting.valueOf(rs.string("setting")), rs.date("occurs_on"), rs.integer("minutes"),
                        "SCHEDULED".equals(rs.string("status")), rs.bool("logged")), student, mandateIds, from, to);
        return new Facts(delivered, misses, credits, occurrences, knownMisses);
    }
}
