package org.iepservices.reporting.progress.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.events.ServiceSetting;
import org.iepservices.reporting.progress.domain.GoalStatus;
import org.iepservices.reporting.progress.domain.MandatedMinutes;
import org.iepservices.reporting.progress.domain.TrendDirection;
import org.iepservices.reporting.progress.projection.ProgressIep;
import org.iepservices.reporting.progress.projection.ProgressMandate;
import org.iepservices.reporting.progress.projection.ProgressMiss;
import org.iepservices.reporting.progress.projection.ProgressSession;
import org.iepservices.reporting.progress.projection.ProgressStaff;
import org.iepservices.reporting.progress.projection.ProgressStudent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The report a provider takes to administrators: who is on the caseload, the minutes the IEPs
 * require against the minutes delivered by setting, why sessions were missed, and how the
 * students' goals are trending. Everything per student and in total.
 */
@ApplicationScoped
public class CaseloadReportService {

    private final EntityManager em;
    private final GoalProgressService goals;
    private final DayOfWeek weekStart;

    CaseloadReportService(EntityManager em, GoalProgressService goals,
                          @ConfigProperty(name = "compliance.week-start", defaultValue = "MONDAY") DayOfWeek weekStart) {
        this.em = em;
        this.goals = goals;
        this.weekStart = weekStart;
    }

    public record Minutes(int pushIn, int pullOut, int total) {
        static Minutes of(double pushIn, double pullOut) {
            int p = (int) Math.round(pushIn);
            int o = (int) Math.round(pullOut);
            return new Minutes(p, o, p + o);
        }

        Minutes plus(Minutes other) {
            return new Minutes(pushIn + other.pushIn, pullOut + other.pullOut, total + other.total);
        }
    }

    /** Missed sessions: how many, their minutes, and the minutes by makeup verdict. */
    public record Misses(int sessions, int minutes, int owedMinutes, int notOwedMinutes, int inReviewMinutes) {
        static final Misses NONE = new Misses(0, 0, 0, 0, 0);

        Misses plus(ProgressMiss m) {
            int minutes = m.minutes == null ? 0 : m.minutes;
            String verdict = m.verdict();
            return new Misses(sessions + 1, this.minutes + minutes,
                    owedMinutes + ("OWED".equals(verdict) ? minutes : 0),
                    notOwedMinutes + ("NOT_OWED".equals(verdict) ? minutes : 0),
                    inReviewMinutes + ("REVIEW".equals(verdict) ? minutes : 0));
        }

        Misses plus(Misses other) {
            return new Misses(sessions + other.sessions, minutes + other.minutes, owedMinutes + other.owedMinutes,
                    notOwedMinutes + other.notOwedMinutes, inReviewMinutes + other.inReviewMinutes);
        }
    }

    /** How a set of goals stands: counts per trend direction and per status, as of the report's end. */
    public record Outcomes(int goals, Map<TrendDirection, Integer> trend, Map<GoalStatus, Integer> status) {
        static Outcomes empty() {
            Map<TrendDirection, Integer> trend = new EnumMap<>(TrendDirection.class);
            for (TrendDirection d : TrendDirection.values()) {
                trend.put(d, 0);
            }
            Map<GoalStatus, Integer> status = new EnumMap<>(GoalStatus.class);
            for (GoalStatus s : GoalStatus.values()) {
                status.put(s, 0);
            }
            return new Outcomes(0, trend, status);
        }

        Outcomes plus(GoalProgress goal) {
            Outcomes next = new Outcomes(goals + 1, new EnumMap<>(trend), new EnumMap<>(status));
            next.trend.merge(goal.evaluation().trend().direction(), 1, Integer::sum);
            next.status.merge(goal.evaluation().status().status(), 1, Integer::sum);
            return next;
        }

        Outcomes plus(Outcomes other) {
            Outcomes next = new Outcomes(goals + other.goals, new EnumMap<>(trend), new EnumMap<>(status));
            other.trend.forEach((k, v) -> next.trend.merge(k, v, Integer::sum));
            other.status.forEach((k, v) -> next.status.merge(k, v, Integer::sum));
            return next;
        }

        /** Goals with a fitted trend: the base of the improving / flat / declining shares. */
        int withTrend() {
            return goals - trend.get(TrendDirection.INSUFFICIENT_DATA);
        }

        /**
         * Whole percentages for administrators: improving, flat and declining of the goals with a
         * trend, met of all goals; null where there is nothing to divide by.
         */
        @JsonProperty("sharePercent")
        public Map<String, Integer> sharePercent() {
            Map<String, Integer> shares = new LinkedHashMap<>();
            shares.put("improving", percent(trend.get(TrendDirection.IMPROVING), withTrend()));
            shares.put("flat", percent(trend.get(TrendDirection.FLAT), withTrend()));
            shares.put("declining", percent(trend.get(TrendDirection.DECLINING), withTrend()));
            shares.put("met", percent(status.get(GoalStatus.MET), goals));
            return shares;
        }

        private static Integer percent(int part, int whole) {
            return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
        }
    }

    public record StudentLine(UUID studentId, String name, String grade, List<String> serviceTypes,
                              Minutes mandated, Minutes delivered, int sessionsDelivered, int makeupMinutes,
                              Misses missed, Map<String, Misses> missedByReason, Outcomes outcomes) {
    }

    public record Report(UUID providerId, String providerName, String discipline, LocalDate from, LocalDate to,
                         int caseloadSize, Minutes mandated, Minutes delivered, int sessionsDelivered,
                         int makeupMinutes, Misses missed, Map<String, Misses> missedByReason, Outcomes outcomes,
                         List<StudentLine> students) {
    }

    public boolean providerKnown(UUID providerId) {
        return ProgressStaff.findByIdOptional(providerId).isPresent()
                || ProgressMandate.count("providerId", providerId) > 0
                || ProgressSession.count("providerId", providerId) > 0
                || ProgressMiss.count("providerId", providerId) > 0;
    }

    public Report report(UUID providerId, LocalDate from, LocalDate to) {
        List<ProgressMandate> mandates = ProgressMandate.<ProgressMandate>list("providerId", providerId).stream()
                .filter(m -> {
                    LocalDate end = effectiveEnd(m);
                    return !end.isBefore(from) && !m.startDate.isAfter(to) && !end.isBefore(m.startDate);
                })
                .toList();
        List<ProgressSession> sessions = ProgressSession.list(
                "providerId = ?1 and completed = true and minutes > 0 and sessionDate between ?2 and ?3",
                providerId, from, to);
        List<ProgressMiss> misses = ProgressMiss.list("providerId = ?1 and sessionDate between ?2 and ?3",
                providerId, from, to);

        Set<UUID> caseload = new LinkedHashSet<>();
        mandates.forEach(m -> caseload.add(m.studentId));
        sessions.forEach(s -> caseload.add(s.key.studentId()));
        misses.forEach(m -> caseload.add(m.studentId));
        Set<String> goalsWithProviderData = goalsWorkedOnBy(providerId, to);

        List<StudentLine> lines = new ArrayList<>();
        for (UUID studentId : caseload) {
            List<ProgressMandate> own = mandates.stream().filter(m -> m.studentId.equals(studentId)).toList();
            MandatedMinutes.BySetting required = MandatedMinutes.BySetting.ZERO;
            for (ProgressMandate m : own) {
                required = required.plus(MandatedMinutes.over(new MandatedMinutes.Terms(m.interval,
                        m.minutesPerSession, m.pushInSessions, m.pullOutSessions, m.startDate, effectiveEnd(m)),
                        from, to, weekStart));
            }
            List<ProgressSession> delivered = sessions.stream().filter(s -> s.key.studentId().equals(studentId))
                    .toList();
            Misses missed = Misses.NONE;
            Map<String, Misses> byReason = new TreeMap<>();
            for (ProgressMiss m : misses) {
                if (m.studentId.equals(studentId)) {
                    missed = missed.plus(m);
                    byReason.merge(reason(m), Misses.NONE.plus(m), Misses::plus);
                }
            }
            Set<String> services = new LinkedHashSet<>();
            own.forEach(m -> services.add(m.serviceType));
            delivered.stream().filter(s -> s.serviceType != null).forEach(s -> services.add(s.serviceType));
            Outcomes outcomes = Outcomes.empty();
            for (GoalProgress goal : goals.goals(studentId, to)) {
                boolean ofThisService = goal.known() && goal.inCurrentIep() && goal.wording().serviceType != null
                        && services.contains(goal.wording().serviceType);
                if (ofThisService || goalsWithProviderData.contains(studentId + "/" + goal.goalId())) {
                    outcomes = outcomes.plus(goal);
                }
            }
            ProgressStudent student = ProgressStudent.findById(studentId);
            lines.add(new StudentLine(studentId, student == null ? null : student.displayName(),
                    student == null ? null : student.grade, List.copyOf(services),
                    Minutes.of(required.pushIn(), required.pullOut()),
                    Minutes.of(minutes(delivered, ServiceSetting.PUSH_IN), minutes(delivered, ServiceSetting.PULL_OUT)),
                    delivered.size(), delivered.stream().mapToInt(s -> s.makeupMinutes).sum(), missed, byReason,
                    outcomes));
        }
        lines.sort(Comparator.comparing((StudentLine l) -> l.name() == null ? "\uffff" : l.name())
                .thenComparing(l -> l.studentId().toString()));

        Minutes mandated = new Minutes(0, 0, 0);
        Minutes deliveredTotal = new Minutes(0, 0, 0);
        Misses missedTotal = Misses.NONE;
        Map<String, Misses> byReason = new TreeMap<>();
        Outcomes outcomes = Outcomes.empty();
        int sessionCount = 0;
        int makeup = 0;
        for (StudentLine l : lines) {
            mandated = mandated.plus(l.mandated());
            deliveredTotal = deliveredTotal.plus(l.delivered());
            missedTotal = missedTotal.plus(l.missed());
            l.missedByReason().forEach((k, v) -> byReason.merge(k, v, Misses::plus));
            outcomes = outcomes.plus(l.outcomes());
            sessionCount += l.sessionsDelivered();
            makeup += l.makeupMinutes();
        }
        ProgressStaff provider = ProgressStaff.findById(providerId);
        return new Report(providerId, provider == null ? null : provider.displayName(),
                provider == null ? null : provider.discipline, from, to, lines.size(), mandated, deliveredTotal,
                sessionCount, makeup, missedTotal, byReason, outcomes, lines);
    }

    /**
     * The last day a mandate is in force: its own end, its IEP's early end, or the day before a
     * later version of its IEP takes effect, whichever comes first.
     */
    private static LocalDate effectiveEnd(ProgressMandate m) {
        LocalDate end = m.endDate;
        ProgressIep iep = ProgressIep.findById(m.iepId);
        if (iep != null && iep.endedOn != null && iep.endedOn.isBefore(end)) {
            end = iep.endedOn;
        }
        for (ProgressIep next : ProgressIep.<ProgressIep>list("supersedesIepId", m.iepId)) {
            if (next.effectiveFrom != null && next.effectiveFrom.minusDays(1).isBefore(end)) {
                end = next.effectiveFrom.minusDays(1);
            }
        }
        return end;
    }

    /** "studentId/goalId" of every goal this provider took data on up to {@code to}. */
    private Set<String> goalsWorkedOnBy(UUID providerId, LocalDate to) {
        List<Object[]> rows = em.createQuery("select distinct p.key.studentId, p.goalId from ProgressGoalPoint p, "
                        + "ProgressSession s where s.key.sessionLogId = p.key.sessionLogId "
                        + "and s.key.studentId = p.key.studentId and s.providerId = :provider "
                        + "and s.completed = true and s.minutes > 0 and s.sessionDate <= :to", Object[].class)
                .setParameter("provider", providerId).setParameter("to", to).getResultList();
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> keys.add(r[0] + "/" + r[1]));
        return keys;
    }

    private static String reason(ProgressMiss m) {
        return m.reason == null ? "UNRECORDED" : m.reason;
    }

    private static double minutes(List<ProgressSession> sessions, ServiceSetting setting) {
        return sessions.stream().filter(s -> s.setting == setting).mapToInt(s -> s.minutes).sum();
    }
}
