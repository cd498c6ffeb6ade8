package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.access.StudentScope;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.reporting.access.StudentScopeSql;
import org.iepservices.reporting.access.VisibleStudents;
import org.iepservices.reporting.api.RollupResponse;
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.domain.compliance.ComplianceStatus;
import org.iepservices.reporting.projection.Sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compliance per provider caseload, school and district: SQL aggregates over compliance_period
 * (joined to the roster for school and district), never a loop over students. The status of every
 * row was evaluated by the projector, so counting by status is a GROUP BY. Every query is limited
 * to the students the caller may see ({@link VisibleStudents}): counts, sums and breakdowns cover
 * those students only.
 */
@ApplicationScoped
public class ComplianceRollupService {

    public enum Scope { PROVIDER, SCHOOL, DISTRICT }

    /** Sort keys of the students list, each with its SQL (aggregates over the student's periods). */
    public enum SortKey {
        severity("max(" + ComplianceRollupService.SEVERITY + ")"),
        owedBalance("sum(c.owed_balance)"),
        shortfall("sum(c.shortfall_pi + c.shortfall_po)"),
        forecastShortfall("sum(c.forecast_short_pi + c.forecast_short_po)"),
        lastChanceDate("min(c.last_chance_date)"),
        name("s.family_name %s nulls last, s.given_name"),
        studentId("c.student_id");

        final String sql;

        SortKey(String sql) {
            this.sql = sql;
        }
    }

    public record Sort(SortKey key, boolean descending) {
        String sql() {
            String direction = descending ? "desc" : "asc";
            return key.sql.contains("%s") ? key.sql.formatted(direction) + " " + direction
                    : key.sql + " " + direction + " nulls last";
        }
    }

    public record Query(Scope scope, UUID id, LocalDate from, LocalDate to, List<ComplianceStatus> statuses,
                        List<Sort> sort, int limit, int offset) {
    }

    public static final List<Sort> DEFAULT_SORT = List.of(new Sort(SortKey.severity, true),
            new Sort(SortKey.shortfall, true), new Sort(SortKey.name, false));

    static final String SEVERITY = "case c.status when 'OUT_OF_COMPLIANCE' then 4 when 'AT_RISK' then 3 "
            + "when 'ON_TRACK' then 2 when 'OVER_DELIVERED' then 1 else 0 end";
    private static final String[] BY_SEVERITY = {"NOT_STARTED", "OVER_DELIVERED", "ON_TRACK", "AT_RISK",
            "OUT_OF_COMPLIANCE"};

    private final Sql sql;
    private final ReportingClock clock;
    private final ComplianceRefresher refresher;
    private final KnownSubjects known;
    private final VisibleStudents visible;

    ComplianceRollupService(Sql sql, ReportingClock clock, ComplianceRefresher refresher, KnownSubjects known,
                            VisibleStudents visible) {
        this.visible = visible;
        this.sql = sql;
        this.clock = clock;
        this.refresher = refresher;
        this.known = known;
    }

    /** Parses "-shortfall,name" into sort keys; unknown keys are a 400 naming the field. */
    public static List<Sort> parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return DEFAULT_SORT;
        }
        List<Sort> result = new ArrayList<>();
        for (String part : sort.split(",")) {
            String p = part.trim();
            boolean descending = p.startsWith("-");
            String key = descending || p.startsWith("+") ? p.substring(1) : p;
            try {
                result.add(new Sort(SortKey.valueOf(key), descending));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("sort", "unknown sort key '" + key + "'; one of "
                        + Arrays.toString(SortKey.values()) + ", '-' before a key sorts descending");
            }
        }
        result.add(new Sort(SortKey.studentId, false)); // a stable order makes pages stable
        return result;
    }

    /**
     * FROM and WHERE of a scope (parameters: id, from, to, then those of {@code visible}), with a
     * leading space to append to a select.
     */
    private String base(Scope scope, StudentScopeSql.Condition visible) {
        return " " + switch (scope) {
            case DISTRICT -> """
                     from compliance_period c
                     join student s on s.student_id = c.student_id
                     join school sc on sc.school_id = s.school_id
                     where sc.district_id = ? and daterange(c.period_start, c.period_end, '[]') && daterange(?, ?, '[]')""";
            case SCHOOL -> """
                     from compliance_period c
                     join student s on s.student_id = c.student_id
                     where s.school_id = ? and daterange(c.period_start, c.period_end, '[]') && daterange(?, ?, '[]')""";
            case PROVIDER -> """
                     from compliance_period c
                     left join student s on s.student_id = c.student_id
                     where c.provider_id = ? and daterange(c.period_start, c.period_end, '[]') && daterange(?, ?, '[]')""";
        } + " and " + visible.sql();
    }

    /** The name of the district, school or provider, or a 404 when the events never mentioned it. */
    private String nameOf(Scope scope, UUID id) {
        switch (scope) {
            case DISTRICT -> visible.requireDistrict(id);
            case SCHOOL -> visible.requireSchool(id);
            case PROVIDER -> visible.requireOwnStaffView(id, "Provider");
        }
        return switch (scope) {
            case DISTRICT -> sql.one("select min(name) as name, count(*) as n from school where district_id = ?",
                    rs -> rs.integer("n") > 0 ? "district" : null, id)
                    .orElseThrow(() -> ProblemException.notFound("District", id));
            case SCHOOL -> sql.one("""
                    select coalesce((select name from school where school_id = ?), '') as name,
                           exists (select 1 from school where school_id = ?)
                           or exists (select 1 from student where school_id = ?) as known""",
                    rs -> rs.bool("known") ? rs.string("name") : null, id, id, id)
                    .orElseThrow(() -> ProblemException.notFound("School", id));
            case PROVIDER -> {
                if (!known.provider(id)) {
                    throw ProblemException.notFound("Provider", id);
                }
                yield sql.one("""
                        select trim(coalesce(given_name, '') || ' ' || coalesce(family_name, '')) as name
                        from staff where staff_id = ?""", rs -> rs.string("name"), id).orElse("");
            }
        };
    }

    public RollupResponse rollup(Query q) {
        refresher.refreshIfDue();
        String name = nameOf(q.scope(), q.id());
        if (q.scope() == Scope.DISTRICT) {
            name = null;
        }
        StudentScopeSql.Condition schools = schoolsInScope();
        if (schools != null && !Boolean.getBoolean("reporting.rollup.from-periods")) {
            return preaggregated(q, name, schools);
        }
        return fromPeriods(q, name);
    }

    /**
     * The caller's students as whole schools, a condition on {@code r.school_id} of
     * compliance_rollup; null when the scope is not a set of schools (a provider's caseload, a
     * teacher's classes): the aggregates cannot tell those students apart, so the rollup then
     * reads the periods.
     */
    private StudentScopeSql.Condition schoolsInScope() {
        StudentScope scope = visible.scope();
        if (scope instanceof StudentScope.District d) {
            return d.districtId() == null ? StudentScopeSql.Condition.ALWAYS : new StudentScopeSql.Condition(
                    "r.school_id in (select school_id from school where district_id = ?)", List.of(d.districtId()));
        }
        if (scope instanceof StudentScope.Schools s) {
            return new StudentScopeSql.Condition("r.school_id = any(?)", List.of(List.copyOf(s.schoolIds())));
        }
        return null;
    }

    /**
     * The rollup from compliance_rollup (V34, kept by {@link RollupAggregates} with the
     * projection): sums per status, and distinct students as the OR of the per-period bitmaps of
     * each school. A few rows per school and period, whatever the number of students.
     */
    RollupResponse preaggregated(Query q, String name, StudentScopeSql.Condition schools) {
        String rows = aggregateRows(q, schools);
        Object[] params = schools.around(List.of(q.id(), q.to(), q.from()));

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ComplianceStatus s : ComplianceStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        String[] columns = {"mandated", "scheduled", "delivered", "made_up", "missed_owed", "missed_not_owed",
                "missed_in_review", "owed_balance", "shortfall", "forecast_short", "over_delivered"};
        long[] totals = new long[columns.length];
        long[] periods = {0};
        StringBuilder sums = new StringBuilder("select r.status, sum(r.periods) as n");
        for (String c : columns) {
            sums.append(", sum(r.").append(c).append(") as ").append(c);
        }
        sql.list(sums + rows + " group by r.status", rs -> {
            byStatus.put(rs.string("status"), rs.longValue("n"));
            periods[0] += rs.longValue("n");
            for (int i = 0; i < columns.length; i++) {
                totals[i] += rs.longValue(columns[i]);
            }
            return 1;
        }, params);

        // Distinct students per school (a student counts in one school): the bitmaps OR-ed.
        List<Group> perSchool = groups(rows, params, "r.school_id",
                "(select name from school where school_id = x.k)");
        long[] students = new long[3];
        for (Group g : perSchool) {
            students[0] += g.breakdown().students();
            students[1] += g.atRisk();
            students[2] += g.outOfCompliance();
        }
        List<RollupResponse.Breakdown> breakdown = perSchool.stream().map(Group::breakdown).toList();
        if (q.scope() == Scope.SCHOOL) {
            String providerRows = " from compliance_rollup r where r.provider_id <> '"
                    + RollupAggregates.ALL_PROVIDERS + "' and r.school_id = ?"
                    + " and r.period_start <= ? and r.period_end >= ? and " + schools.sql();
            breakdown = groups(providerRows, params, "r.provider_id", "(select trim(coalesce(given_name, '') || ' ' "
                    + "|| coalesce(family_name, '')) from staff where staff_id = x.k)").stream()
                    .map(Group::breakdown).toList();
        }
        return new RollupResponse(q.scope().name(), q.id(), name, q.from(), q.to(), clock.today(), byStatus,
                periods[0], new RollupResponse.StudentCounts(students[0], students[1], students[2]),
                new RollupResponse.Minutes(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5],
                        totals[6], totals[7], totals[8], totals[9], totals[10]),
                breakdown, students(q, q.limit(), q.offset()));
    }

    /** FROM and WHERE over compliance_rollup (parameters: id, to, from, then those of {@code schools}). */
    private static String aggregateRows(Query q, StudentScopeSql.Condition schools) {
        return switch (q.scope()) {
            case DISTRICT -> " from compliance_rollup r join school sc on sc.school_id = r.school_id"
                    + " where r.provider_id = '" + RollupAggregates.ALL_PROVIDERS + "' and sc.district_id = ?";
            case SCHOOL -> " from compliance_rollup r where r.provider_id = '" + RollupAggregates.ALL_PROVIDERS
                    + "' and r.school_id = ?";
            case PROVIDER -> " from compliance_rollup r where r.provider_id = ?";
        } + " and r.period_start <= ? and r.period_end >= ? and " + schools.sql();
    }

    /** One school's or provider's line, with its distinct students at risk and out of compliance. */
    private record Group(RollupResponse.Breakdown breakdown, long atRisk, long outOfCompliance) {
    }

    /**
     * The aggregate rows grouped by {@code key} (school or provider; the zero id, "none", is
     * answered as null): students as the bit count of the OR of the group's bitmaps (padded to
     * the longest of their school), periods per status, owed balance and shortfall.
     */
    private List<Group> groups(String rows, Object[] params, String key, String label) {
        StringBuilder counts = new StringBuilder();
        for (ComplianceStatus s : ComplianceStatus.values()) {
            counts.append(", coalesce(sum(x.periods) filter (where x.status = '").append(s.name()).append("'), 0) as ")
                    .append(s.name().toLowerCase());
        }
        String none = "'" + RollupAggregates.NONE + "'";
        return sql.list("select nullif(x.k, " + none + ") as id, case when x.k <> "
                + none + " then " + label + " end as name,"
                + " bit_count(bit_or(x.b)) as students,"
                + " coalesce(bit_count(bit_or(x.b) filter (where x.status = 'AT_RISK')), 0) as students_at_risk,"
                + " coalesce(bit_count(bit_or(x.b) filter (where x.status = 'OUT_OF_COMPLIANCE')), 0)"
                + " as students_out_of_compliance,"
                + " sum(x.owed_balance) as owed_balance, sum(x.shortfall) as shortfall" + counts
                + " from (select " + key + " as k, r.status, r.periods, r.owed_balance, r.shortfall,"
                + " rollup_pad(r.students, max(length(r.students)) over (partition by r.school_id)) as b" + rows
                + ") x group by x.k order by name nulls last, id nulls last", rs -> {
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    for (ComplianceStatus s : ComplianceStatus.values()) {
                        byStatus.put(s.name(), rs.longValue(s.name().toLowerCase()));
                    }
                    return new Group(new RollupResponse.Breakdown(rs.uuid("id"), rs.string("name"),
                            rs.longValue("students"), byStatus, rs.longValue("owed_balance"), rs.longValue("shortfall")),
                            rs.longValue("students_at_risk"), rs.longValue("students_out_of_compliance"));
                }, params);
    }

    /** The rollup aggregated from compliance_period at request time (callers seeing a caseload or classes). */
    RollupResponse fromPeriods(Query q, String name) {
        StudentScopeSql.Condition scope = visible.condition("c.student_id");
        Object[] params = scope.around(List.of(q.id(), q.from(), q.to()));
        String base = base(q.scope(), scope);

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ComplianceStatus s : ComplianceStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        long[] totals = new long[11];
        long[] periods = {0};
        sql.list("""
                select c.status, count(*) as n, sum(c.mandated_pi + c.mandated_po) as mandated,
                       sum(c.scheduled_pi + c.scheduled_po) as scheduled, sum(c.delivered_pi + c.delivered_po) as delivered,
                       sum(c.made_up_pi + c.made_up_po) as made_up, sum(c.missed_owed) as missed_owed,
                       sum(c.missed_not_owed) as missed_not_owed, sum(c.missed_in_review) as missed_in_review,
                       sum(c.owed_balance) as owed_balance, sum(c.shortfall_pi + c.shortfall_po) as shortfall,
                       sum(c.forecast_short_pi + c.forecast_short_po) as forecast_short,
                       sum(c.over_pi + c.over_po) as over""" + base + " group by c.status", rs -> {
            byStatus.put(rs.string("status"), rs.longValue("n"));
            periods[0] += rs.longValue("n");
            String[] columns = {"mandated", "scheduled", "delivered", "made_up", "missed_owed", "missed_not_owed",
                    "missed_in_review", "owed_balance", "shortfall", "forecast_short", "over"};
            for (int i = 0; i < columns.length; i++) {
                totals[i] += rs.longValue(columns[i]);
            }
            return 1;
        }, params);
        RollupResponse.StudentCounts students = sql.one("""
                select count(distinct c.student_id) as total,
                       count(distinct c.student_id) filter (where c.status = 'AT_RISK') as at_risk,
                       count(distinct c.student_id) filter (where c.status = 'OUT_OF_COMPLIANCE') as ooc""" + base,
                rs -> new RollupResponse.StudentCounts(rs.longValue("total"), rs.longValue("at_risk"),
                        rs.longValue("ooc")), params).orElseThrow();
        return new RollupResponse(q.scope().name(), q.id(), name, q.from(), q.to(), clock.today(), byStatus,
                periods[0], students, new RollupResponse.Minutes(totals[0], totals[1], totals[2], totals[3],
                totals[4], totals[5], totals[6], totals[7], totals[8], totals[9], totals[10]),
                breakdown(q, base, params), students(q, q.limit(), q.offset()));
    }

    private List<RollupResponse.Breakdown> breakdown(Query q, String base, Object[] params) {
        String key;
        String join;
        String label;
        switch (q.scope()) {
            case DISTRICT -> {
                key = "s.school_id";
                join = "";
                label = "max(sc.name)";
            }
            case SCHOOL -> {
                key = "c.provider_id";
                join = "";
                label = "(select trim(coalesce(given_name, '') || ' ' || coalesce(family_name, '')) from staff "
                        + "where staff_id = c.provider_id)";
            }
            default -> {
                key = "s.school_id";
                join = "";
                label = "(select name from school where school_id = s.school_id)";
            }
        }
        StringBuilder counts = new StringBuilder();
        for (ComplianceStatus s : ComplianceStatus.values()) {
            counts.append(", count(*) filter (where c.status = '").append(s.name()).append("') as ")
                    .append(s.name().toLowerCase());
        }
        return sql.list("select " + key + " as id, " + label + " as name, count(distinct c.student_id) as students,"
                        + " sum(c.owed_balance) as owed_balance, sum(c.shortfall_pi + c.shortfall_po) as shortfall"
                        + counts + join + base + " group by " + key + " order by name nulls last, " + key, rs -> {
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    for (ComplianceStatus s : ComplianceStatus.values()) {
                        byStatus.put(s.name(), rs.longValue(s.name().toLowerCase()));
                    }
                    return new RollupResponse.Breakdown(rs.uuid("id"), rs.string("name"), rs.longValue("students"),
                            byStatus, rs.longValue("owed_balance"), rs.longValue("shortfall"));
                }, params);
    }

    /** One page (or with limit 0 all) of the students with periods in the requested statuses. */
    public List<RollupResponse.StudentAtRisk> students(Query q, int limit, int offset) {
        StudentScopeSql.Condition scope = visible.condition("c.student_id");
        String base = base(q.scope(), scope);
        StringBuilder order = new StringBuilder();
        for (Sort s : q.sort()) {
            order.append(order.length() == 0 ? "" : ", ").append(s.sql());
        }
        List<String> statuses = q.statuses().stream().map(Enum::name).toList();
        return sql.list("""
                select c.student_id, s.given_name, s.family_name, s.school_id,
                       max(%s) as severity,
                       count(*) filter (where c.status = 'AT_RISK') as at_risk,
                       count(*) filter (where c.status = 'OUT_OF_COMPLIANCE') as ooc,
                       sum(c.owed_balance) as owed_balance, sum(c.shortfall_pi + c.shortfall_po) as shortfall,
                       sum(c.forecast_short_pi + c.forecast_short_po) as forecast_short,
                       min(c.last_chance_date) as last_chance""".formatted(SEVERITY) + base
                        + " and c.status = any(?) group by c.student_id, s.given_name, s.family_name, s.school_id"
                        + " order by " + order + (limit > 0 ? " limit " + limit : "") + " offset " + offset,
                rs -> new RollupResponse.StudentAtRisk(rs.uuid("student_id"), rs.string("given_name"),
                        rs.string("family_name"), rs.uuid("school_id"), BY_SEVERITY[rs.integer("severity")],
                        rs.longValue("at_risk"), rs.longValue("ooc"), rs.longValue("owed_balance"),
                        rs.longValue("shortfall"), rs.longValue("forecast_short"), rs.date("last_chance")),
                scope.around(List.of(q.id(), q.from(), q.to()), statuses));
    }

    public long countStudents(Query q) {
        List<String> statuses = q.statuses().stream().map(Enum::name).toList();
        StudentScopeSql.Condition schools = schoolsInScope();
        if (schools != null && !Boolean.getBoolean("reporting.rollup.from-periods")) {
            // The students of each school with a period in one of the statuses: the OR of those
            // rows' bitmaps; a student belongs to one school, so the schools' counts add up.
            return sql.one("select coalesce(sum(n), 0) as n from (select bit_count(bit_or(x.b)) as n from"
                            + " (select r.school_id, rollup_pad(r.students, max(length(r.students))"
                            + " over (partition by r.school_id)) as b" + aggregateRows(q, schools)
                            + " and r.status = any(?)) x group by x.school_id) y", rs -> rs.longValue("n"),
                    schools.around(List.of(q.id(), q.to(), q.from()), statuses)).orElse(0L);
        }
        StudentScopeSql.Condition scope = visible.condition("c.student_id");
        return sql.one("select count(distinct c.student_id) as n" + base(q.scope(), scope) + " and c.status = any(?)",
                rs -> rs.longValue("n"), scope.around(List.of(q.id(), q.from(), q.to()),
                        q.statuses().stream().map(Enum::name).toList())).orElse(0L);
    }

    static ProblemException badStatus(String value) {
        return new ProblemException(ProblemType.VALIDATION, "status: unknown status '" + value + "'",
                List.of(new Problem.Violation("status", "one of " + Arrays.toString(ComplianceStatus.values()))));
    }

    public static List<ComplianceStatus> parseStatuses(List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of(ComplianceStatus.AT_RISK, ComplianceStatus.OUT_OF_COMPLIANCE);
        }
        List<ComplianceStatus> result = new ArrayList<>();
        for (String value : values) {
            for (String v : value.split(",")) {
                try {
                    result.add(ComplianceStatus.valueOf(v.trim()));
                } catch (IllegalArgumentException e) {
                    throw badStatus(v.trim());
                }
            }
        }
        return result;
    }
}
