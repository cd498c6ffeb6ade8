package org.iepservices.reporting.edfi.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.edfi.mapping.EdFi;
import org.iepservices.reporting.edfi.mapping.EdFiMapping;
import org.iepservices.reporting.edfi.mapping.EdFiMapping.DeliveryRow;
import org.iepservices.reporting.edfi.mapping.EdFiMapping.GoalRow;
import org.iepservices.reporting.edfi.mapping.EdFiMapping.IepRow;
import org.iepservices.reporting.edfi.mapping.EdFiMapping.MandateRow;
import org.iepservices.reporting.projection.Sql;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A district's Ed-Fi records, one page at a time, read from reporting's copies of the events: IEP
 * versions ({@code iep_version}, {@code iep_ending}), mandates ({@code mandate}, with their effective
 * end), goals ({@code progress_goal}) and credited sessions ({@code delivered_session},
 * {@code makeup_repayment}) — the very rows the delivered-minutes and compliance views read, so the
 * delivered minutes of the export are theirs. Ordered by student and date, so pages are stable.
 */
@ApplicationScoped
public class EdFiRecords {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** The IEP versions of the district's students that were in force for at least a day. */
    private static final String IEPS = """
            with iep as (
                select v.iep_id, v.student_id, st.sourced_id as student_sourced_id,
                       sc.sourced_id as school_sourced_id, v.kind, v.effective_from, v.end_date, e.ended_on,
                       v.event_time,
                       least(coalesce(v.end_date, date '9999-12-31'), coalesce(e.ended_on, date '9999-12-31'),
                             coalesce((select min(n.effective_from) from iep_version n
                                       where n.supersedes_iep_id = v.iep_id) - 1, date '9999-12-31')) as in_force_until
                from iep_version v
                join student st on st.student_id = v.student_id
                join school sc on sc.school_id = st.school_id
                left join iep_ending e on e.iep_id = v.iep_id
                where sc.district_id = ?
            )
            """;
    private static final String IEP_COLUMNS = "iep.iep_id, iep.student_id, iep.student_sourced_id, "
            + "iep.school_sourced_id, iep.kind, iep.effective_from, iep.end_date, iep.ended_on, iep.in_force_until, "
            + "iep.event_time";
    private static final String IEP_IN_RANGE = " iep.in_force_until >= iep.effective_from and iep.effective_from <= ? "
            + "and iep.in_force_until >= ? ";

    /** One page and the count of all. */
    public record Page<T>(List<T> items, long total, Set<UUID> studentIds) {
    }

    private final Sql sql;
    private final ReportingClock clock;

    EdFiRecords(Sql sql, ReportingClock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public Page<EdFi.StudentIEP> studentIeps(UUID districtId, LocalDate from, LocalDate to, int limit, int offset) {
        String body = IEPS + "select " + IEP_COLUMNS + " from iep where" + IEP_IN_RANGE;
        Object[] params = {districtId, end(to), start(from)};
        List<IepRow> rows = sql.list(body + "order by iep.student_id, iep.effective_from, iep.iep_id limit ? offset ?",
                rs -> iep(rs), with(params, limit, offset));
        LocalDate today = clock.today();
        return page(rows, count(body, params), IepRow::studentId,
                r -> EdFiMapping.studentIep(r, clock.zone(), today));
    }

    public Page<EdFi.StudentIEPServicePrescription> prescriptions(UUID districtId, LocalDate from, LocalDate to,
                                                                 int limit, int offset) {
        String body = IEPS + "select " + IEP_COLUMNS + ", " + MANDATE_COLUMNS + ", p.sourced_id as provider_sourced_id "
                + "from iep join mandate m on m.iep_id = iep.iep_id left join staff p on p.staff_id = m.provider_id "
                + "where" + IEP_IN_RANGE + MANDATE_IN_RANGE;
        Object[] params = {districtId, end(to), start(from), end(to), start(from)};
        List<MandateRow> rows = sql.list(body + "order by iep.student_id, iep.effective_from, m.start_date, "
                + "m.mandate_id limit ? offset ?", rs -> mandate(rs, iep(rs), rs.string("provider_sourced_id")),
                with(params, limit, offset));
        return page(rows, count(body, params), r -> r.iep().studentId(),
                r -> EdFiMapping.prescription(r, clock.zone()));
    }

    public Page<EdFi.StudentIEPGoal> goals(UUID districtId, LocalDate from, LocalDate to, int limit, int offset) {
        String body = IEPS + "select " + IEP_COLUMNS + ", g.goal_id, g.description, g.target, g.position "
                + "from iep join progress_goal g on g.iep_id = iep.iep_id where" + IEP_IN_RANGE;
        Object[] params = {districtId, end(to), start(from)};
        List<GoalRow> rows = sql.list(body + "order by iep.student_id, iep.effective_from, iep.iep_id, g.position, "
                + "g.goal_id limit ? offset ?", rs -> new GoalRow(iep(rs), rs.uuid("goal_id"), rs.string("description"),
                rs.string("target")), with(params, limit, offset));
        return page(rows, count(body, params), r -> r.iep().studentId(), r -> EdFiMapping.goal(r, clock.zone()));
    }

    /**
     * Deliveries by session date in [from, to]: the rows {@code GET /delivered-minutes} sums (minutes
     * after addenda, more than 0), for sessions whose mandate has arrived (a delivery must name its IEP).
     */
    public Page<EdFi.StudentIEPServiceDelivery> deliveries(UUID districtId, LocalDate from, LocalDate to, int limit,
                                                           int offset) {
        String body = IEPS + "select " + IEP_COLUMNS + ", " + MANDATE_COLUMNS + ", ds.session_log_id, ds.session_date, "
                + "ds.setting, ds.minutes, ds.provider_id as session_provider_id, p.sourced_id as provider_sourced_id, "
                + "p.given_name as provider_given_name, p.family_name as provider_family_name, "
                + "(select coalesce(sum(r.minutes), 0) from makeup_repayment r where r.session_log_id = ds.session_log_id "
                + "and r.student_id = ds.student_id) as made_up "
                + "from delivered_session ds join mandate m on m.mandate_id = ds.mandate_id "
                + "join iep on iep.iep_id = m.iep_id and iep.student_id = ds.student_id "
                + "left join staff p on p.staff_id = ds.provider_id "
                + "where ds.minutes > 0 and ds.session_date between ? and ? ";
        Object[] params = {districtId, start(from), end(to)};
        List<DeliveryRow> rows = sql.list(body + "order by ds.student_id, ds.session_date, ds.session_log_id "
                + "limit ? offset ?", rs -> new DeliveryRow(mandate(rs, iep(rs), null), rs.uuid("session_log_id"),
                rs.date("session_date"), rs.string("setting"), rs.integer("minutes"), rs.integer("made_up"),
                rs.uuid("session_provider_id"), rs.string("provider_sourced_id"), rs.string("provider_given_name"),
                rs.string("provider_family_name")), with(params, limit, offset));
        return page(rows, count(body, params), r -> r.mandate().iep().studentId(),
                r -> EdFiMapping.delivery(r, clock.zone()));
    }

    /** The district's students with an IEP in force in the range: whom a push sends records of. */
    public Set<UUID> students(UUID districtId, LocalDate from, LocalDate to) {
        return new LinkedHashSet<>(sql.list(IEPS + "select distinct iep.student_id from iep where" + IEP_IN_RANGE,
                rs -> rs.uuid("student_id"), districtId, end(to), start(from)));
    }

    private static final String MANDATE_COLUMNS = "m.mandate_id, m.service_type, m.minutes_per_session, "
            + "m.interval_unit, m.push_in_sessions, m.pull_out_sessions, m.delivery, m.start_date, "
            + "coalesce(m.effective_end, m.end_date) as mandate_end, m.provider_id";
    private static final String MANDATE_IN_RANGE = "and coalesce(m.effective_end, m.end_date) >= m.start_date "
            + "and m.start_date <= ? and coalesce(m.effective_end, m.end_date) >= ? ";

    private static IepRow iep(Sql.Rs rs) throws SQLException {
        LocalDate until = rs.date("in_force_until");
        return new IepRow(rs.uuid("iep_id"), rs.uuid("student_id"), rs.string("student_sourced_id"),
                rs.string("school_sourced_id"), rs.string("kind"), rs.date("effective_from"), rs.date("end_date"),
                rs.date("ended_on"), LATEST.equals(until) ? null : until, rs.timestamp("event_time"));
    }

    private static MandateRow mandate(Sql.Rs rs, IepRow iep, String providerSourcedId) throws SQLException {
        return new MandateRow(iep, rs.uuid("mandate_id"), rs.string("service_type"), rs.integer("minutes_per_session"),
                rs.string("interval_unit"), rs.integer("push_in_sessions"), rs.integer("pull_out_sessions"),
                rs.string("delivery"), rs.date("start_date"), rs.date("mandate_end"), rs.uuid("provider_id"),
                providerSourcedId);
    }

    private long count(String body, Object[] params) {
        return sql.one("select count(*) as n from (" + body + ") q", rs -> rs.longValue("n"), params).orElse(0L);
    }

    private static <R, T> Page<T> page(List<R> rows, long total, Function<R, UUID> student, Function<R, T> map) {
        List<T> items = new ArrayList<>(rows.size());
        Set<UUID> students = new LinkedHashSet<>();
        for (R r : rows) {
            items.add(map.apply(r));
            students.add(student.apply(r));
        }
        return new Page<>(items, total, students);
    }

    private static Object[] with(Object[] params, int limit, int offset) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + 2);
        all[params.length] = limit;
        all[params.length + 1] = offset;
        return all;
    }

    private static LocalDate start(LocalDate from) {
        return from == null ? EARLIEST : from;
    }

    private static LocalDate end(LocalDate to) {
        return to == null ? LATEST : to;
    }
}
