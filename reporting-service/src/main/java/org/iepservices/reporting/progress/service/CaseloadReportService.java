package org.iepservices.reporting.progress.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.domain.Staff;
import org.iepservices.reporting.domain.Student;
import org.iepservices.reporting.domain.compliance.CompliancePeriods;
import org.iepservices.reporting.domain.compliance.SchoolCalendar;
import org.iepservices.reporting.progress.domain.GoalStatus;
import org.iepservices.reporting.progress.domain.TrendDirection;
import org.iepservices.reporting.access.StudentScopeSql;
import org.iepservices.reporting.projection.Sql;
import org.iepservices.reporting.service.ComplianceProjector;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
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
 *
 * <p>The minutes are the compliance projection's, not computed again: mandated minutes are those
 * of the compliance periods of the provider's services ({@code compliance_period.provider_id}, as
 * in the compliance provider rollup), delivered minutes and misses those of the credited sessions
 * and misses ({@code delivered_session}, {@code missed_session}: addenda applied, the verdict in
 * force). Over a range made of whole periods the report's mandated minutes are exactly the
 * rollup's.
 */
@ApplicationScoped
public class CaseloadReportService {

    private final Sql sql;
    private final GoalProgressService goals;
    private final ComplianceProjector projector;

    CaseloadReportService(Sql sql, GoalProgressService goals, ComplianceProjector projector) {
        this.sql = sql;
        this.goals = goals;
        this.projector = projector;
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

        Misses plus(int minutes, String verdict) {
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

    /** One student's share of the report before it is put in lines. */
    private static final class Tally {
        double mandatedPushIn;
        double mandatedPullOut;
        int deliveredPushIn;
        int deliveredPullOut;
        int sessions;
        int makeupMinutes;
        Misses missed = Misses.NONE;
        final Map<String, Misses> missedByReason = new TreeMap<>();
        final Set<String> services = new LinkedHashSet<>();
    }

    /**
     * The report over the students {@code visible} lets the caller see ({@link StudentScopeSql}
     * conditions over {@code c.student_id}, {@code d.student_id} and {@code ms.student_id}):
     * lines, caseload size and totals count only those students.
     */
    public Report report(UUID providerId, LocalDate from, LocalDate to,
                         java.util.function.Function<String, StudentScopeSql.Condition> visible) {
        StudentScopeSql.Condition periods = visible.apply("c.student_id");
        StudentScopeSql.Condition sessions = visible.apply("d.student_id");
        StudentScopeSql.Condition misses = visible.apply("ms.student_id");
        Map<UUID, Tally> caseload = new LinkedHashMap<>();
        Map<UUID, SchoolCalendar> calendars = new HashMap<>();

        // Mandated: the compliance periods of the provider's services that overlap [from, to].
        sql.list("""
                select c.student_id, c.service_type, c.period_start, c.period_end, c.mandated_pi, c.mandated_po,
                       s.school_id
                from compliance_period c left join student s on s.student_id = c.student_id
                where c.provider_id = ? and daterange(c.period_start, c.period_end, '[]') && daterange(?, ?, '[]')
                  and """ + " " + periods.sql() + " " + """
                order by c.student_id, c.period_start""", rs -> {
            Tally t = caseload.computeIfAbsent(rs.uuid("student_id"), k -> new Tally());
            UUID school = rs.uuid("school_id");
            SchoolCalendar calendar = school == null ? SchoolCalendar.WEEKDAYS
                    : calendars.computeIfAbsent(school, projector::calendarOf);
            double share = new CompliancePeriods.Period(rs.date("period_start"), rs.date("period_end"))
                    .shareWithin(from, to, calendar);
            t.mandatedPushIn += share * rs.integer("mandated_pi");
            t.mandatedPullOut += share * rs.integer("mandated_po");
            if (rs.string("service_type") != null) {
                t.services.add(rs.string("service_type"));
            }
            return 1;
        }, periods.around(List.of(providerId, from, to)));

        // Delivered: the provider's sessions in [from, to] as credited (addenda applied), whoever's caseload.
        sql.list("""
                select d.student_id, d.setting, d.minutes, coalesce(m.service_type, p.service_type) as service_type,
                       (select coalesce(sum(r.minutes), 0) from makeup_repayment r
                        where r.session_log_id = d.session_log_id and r.student_id = d.student_id) as made_up
                from delivered_session d
                left join mandate m on m.mandate_id = d.mandate_id
                left join progress_session p on p.session_log_id = d.session_log_id and p.student_id = d.student_id
                where d.provider_id = ? and d.minutes > 0 and d.session_date between ? and ?
                  and """ + " " + sessions.sql(), rs -> {
            Tally t = caseload.computeIfAbsent(rs.uuid("student_id"), k -> new Tally());
            if ("PUSH_IN".equals(rs.string("setting"))) {
                t.deliveredPushIn += rs.integer("minutes");
            } else {
                t.deliveredPullOut += rs.integer("minutes");
            }
            t.sessions++;
            t.makeupMinutes += rs.integer("made_up");
            if (rs.string("service_type") != null) {
                t.services.add(rs.string("service_type"));
            }
            return 1;
        }, sessions.around(List.of(providerId, from, to)));

        // Missed: the provider's misses in [from, to] with the verdict in force.
        sql.list("""
                select ms.student_id, ms.minutes, ms.owed, ms.reason from missed_session ms
                where ms.provider_id = ? and ms.session_date between ? and ? and """ + " " + misses.sql(), rs -> {
            Tally t = caseload.computeIfAbsent(rs.uuid("student_id"), k -> new Tally());
            int minutes = rs.integer("minutes");
            String verdict = rs.string("owed");
            String reason = rs.string("reason") == null ? "UNRECORDED" : rs.string("reason");
            t.missed = t.missed.plus(minutes, verdict);
            t.missedByReason.merge(reason, Misses.NONE.plus(minutes, verdict), Misses::plus);
            return 1;
        }, misses.around(List.of(providerId, from, to)));

        Set<String> goalsWithProviderData = goalsWorkedOnBy(providerId, to);
        List<StudentLine> lines = new ArrayList<>();
        for (Map.Entry<UUID, Tally> e : caseload.entrySet()) {
            UUID studentId = e.getKey();
            Tally t = e.getValue();
            Outcomes outcomes = Outcomes.empty();
            for (GoalProgress goal : goals.goals(studentId, to)) {
                boolean ofThisService = goal.known() && goal.inCurrentIep() && goal.wording().serviceType != null
                        && t.services.contains(goal.wording().serviceType);
                if (ofThisService || goalsWithProviderData.contains(studentId + "/" + goal.goalId())) {
                    outcomes = outcomes.plus(goal);
                }
            }
            Student student = Student.findById(studentId);
            lines.add(new StudentLine(studentId, student == null ? null : student.displayName(),
                    student == null ? null : student.grade, List.copyOf(t.services),
                    Minutes.of(t.mandatedPushIn, t.mandatedPullOut),
                    new Minutes(t.deliveredPushIn, t.deliveredPullOut, t.deliveredPushIn + t.deliveredPullOut),
                    t.sessions, t.makeupMinutes, t.missed, t.missedByReason, outcomes));
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
        Staff provider = Staff.findById(providerId);
        return new Report(providerId, provider == null ? null : provider.displayName(),
                provider == null ? null : provider.discipline, from, to, lines.size(), mandated, deliveredTotal,
                sessionCount, makeup, missedTotal, byReason, outcomes, lines);
    }

    /** "studentId/goalId" of every goal this provider took data on up to {@code to} (in sessions still credited). */
    private Set<String> goalsWorkedOnBy(UUID providerId, LocalDate to) {
        return new HashSet<>(sql.list("""
                select distinct p.student_id, p.goal_id from progress_goal_point p
                join delivered_session d on d.session_log_id = p.session_log_id and d.student_id = p.student_id
                where d.provider_id = ? and d.minutes > 0 and d.session_date <= ?""",
                rs -> rs.uuid("student_id") + "/" + rs.uuid("goal_id"), providerId, to));
    }
}
