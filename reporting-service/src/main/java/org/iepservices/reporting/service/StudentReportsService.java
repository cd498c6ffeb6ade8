package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.api.MakeupLedgerResponse;
import org.iepservices.reporting.api.PullOutCostResponse;
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.domain.compliance.SchoolCalendar;
import org.iepservices.reporting.projection.Sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Per-student reports beside compliance: what pull-out costs, and the makeup ledger. */
@ApplicationScoped
public class StudentReportsService {

    private final Sql sql;
    private final ReportingClock clock;
    private final ComplianceProjector projector;

    StudentReportsService(Sql sql, ReportingClock clock, ComplianceProjector projector) {
        this.sql = sql;
        this.clock = clock;
        this.projector = projector;
    }

    private record BellSchedule(UUID id, String name, int instructionalMinutes) {
    }

    public PullOutCostResponse pullOutCost(UUID studentId, LocalDate from, LocalDate to) {
        LocalDate today = clock.today();
        ComplianceProjector.StudentRow student = projector.studentRowOf(studentId);
        UUID schoolId = student == null ? null : student.schoolId();

        List<PullOutCostResponse.SubjectCost> subjects = sql.list("""
                select c.subject,
                       coalesce(sum(c.minutes) filter (where x.delivered), 0) as missed,
                       coalesce(sum(c.minutes) filter (where not x.logged and o.occurs_on >= ?), 0) as planned
                from effective_occurrence o
                join effective_occurrence_core c on c.occurrence_id = o.occurrence_id and c.student_id = o.student_id
                cross join lateral (
                    select exists (select 1 from delivered_session d where d.student_id = o.student_id
                                     and d.occurrence_id = o.occurrence_id and d.minutes > 0) as delivered,
                           exists (select 1 from delivered_session d where d.student_id = o.student_id
                                     and d.occurrence_id = o.occurrence_id)
                           or exists (select 1 from missed_session m where m.student_id = o.student_id
                                     and m.occurrence_id = o.occurrence_id) as logged) x
                where o.student_id = ? and o.setting = 'PULL_OUT' and o.status = 'SCHEDULED'
                  and o.occurs_on between ? and ?
                group by c.subject order by c.subject""",
                rs -> new PullOutCostResponse.SubjectCost(rs.string("subject"), rs.integer("missed"),
                        rs.integer("planned")), today, studentId, from, to);
        int coreMissed = subjects.stream().mapToInt(PullOutCostResponse.SubjectCost::missedMinutes).sum();
        int corePlanned = subjects.stream().mapToInt(PullOutCostResponse.SubjectCost::plannedMinutes).sum();

        BellSchedule bell = schoolId == null ? null : sql.one("""
                select bell_schedule_id, name, instructional_minutes from bell_schedule
                where school_id = ? and is_default and not removed order by event_time desc, bell_schedule_id limit 1""",
                rs -> new BellSchedule(rs.uuid("bell_schedule_id"), rs.string("name"),
                        rs.integer("instructional_minutes")), schoolId).orElse(null);
        SchoolCalendar calendar = projector.calendarOf(schoolId);
        int days = calendar.countSchoolDays(from, to);
        Integer schoolMinutes = bell == null ? null : bell.instructionalMinutes() * days;
        PullOutCostResponse.SchoolTime schoolTime = new PullOutCostResponse.SchoolTime(
                bell == null ? null : bell.id(), bell == null ? null : bell.name(),
                bell == null ? null : bell.instructionalMinutes(), days, schoolMinutes);

        int[] delivered = new int[2];
        sql.list("""
                select setting, sum(minutes) as minutes from delivered_session
                where student_id = ? and session_date between ? and ? and minutes > 0 group by setting""", rs -> {
            delivered["PUSH_IN".equals(rs.string("setting")) ? 0 : 1] = rs.integer("minutes");
            return 1;
        }, studentId, from, to);
        int scheduledPullOut = sql.one("""
                select coalesce(sum(minutes), 0) as minutes from effective_occurrence
                where student_id = ? and setting = 'PULL_OUT' and status = 'SCHEDULED' and occurs_on between ? and ?""",
                rs -> rs.integer("minutes"), studentId, from, to).orElse(0);
        int[] mandated = sql.one("""
                select coalesce(sum(mandated_pi), 0) as pi, coalesce(sum(mandated_po), 0) as po from compliance_period
                where student_id = ? and period_start <= ? and period_end >= ?""",
                rs -> new int[]{rs.integer("pi"), rs.integer("po")}, studentId, to, from).orElse(new int[2]);

        Integer genEdMinutes = schoolMinutes == null ? null : Math.max(0, schoolMinutes - delivered[1]);
        Double share = schoolMinutes == null || schoolMinutes == 0 ? null : ratio(genEdMinutes, schoolMinutes);
        Double scheduledShare = schoolMinutes == null || schoolMinutes == 0 ? null
                : ratio(Math.max(0, schoolMinutes - scheduledPullOut), schoolMinutes);
        return new PullOutCostResponse(studentId, schoolId, from, to, today, subjects, coreMissed, corePlanned,
                schoolTime, new PullOutCostResponse.GeneralEducation(delivered[1], scheduledPullOut, genEdMinutes,
                share, scheduledShare),
                new PullOutCostResponse.SettingMix(PullOutCostResponse.SettingShare.of(delivered[0], delivered[1]),
                        PullOutCostResponse.SettingShare.of(mandated[0], mandated[1])));
    }

    private static double ratio(int part, int whole) {
        return Math.round(1000.0 * part / whole) / 1000.0;
    }

    private record MissRow(UUID missId, UUID mandateId, LocalDate date, String setting, int minutes, String reason,
                           String verdict, String policyVerdict, LocalDate decidedOn, String serviceType,
                           String origin, UUID recordedBy) {
    }

    public MakeupLedgerResponse makeupLedger(UUID studentId, LocalDate from, LocalDate to) {
        List<MissRow> misses = sql.list("""
                select m.miss_id, m.mandate_id, m.session_date, m.setting, m.minutes, m.reason, m.owed,
                       coalesce(m.policy_owed, m.owed) as policy_owed, r.decided_on, md.service_type,
                       coalesce(m.origin, 'PERSON') as origin, m.recorded_by
                from missed_session m
                left join miss_resolution r on r.miss_id = m.miss_id
                left join mandate md on md.mandate_id = m.mandate_id
                where m.student_id = ? and m.session_date between ? and ?
                order by m.session_date, m.miss_id""",
                rs -> new MissRow(rs.uuid("miss_id"), rs.uuid("mandate_id"), rs.date("session_date"),
                        rs.string("setting"), rs.integer("minutes"), rs.string("reason"), rs.string("owed"),
                        rs.string("policy_owed"), rs.date("decided_on"), rs.string("service_type"),
                        rs.string("origin"), rs.uuid("recorded_by")),
                studentId, from, to);
        Map<UUID, List<MakeupLedgerResponse.Makeup>> makeups = new HashMap<>();
        List<MakeupLedgerResponse.Makeup> unmatched = new ArrayList<>();
        sql.list("""
                select r.miss_id, r.session_log_id, r.minutes, d.session_date, d.setting,
                       exists (select 1 from missed_session m where m.miss_id = r.miss_id) as known
                from makeup_repayment r
                join delivered_session d on d.session_log_id = r.session_log_id and d.student_id = r.student_id
                where r.student_id = ? and d.minutes > 0 order by d.session_date, r.session_log_id""", rs -> {
            MakeupLedgerResponse.Makeup m = new MakeupLedgerResponse.Makeup(rs.uuid("session_log_id"),
                    rs.uuid("miss_id"), rs.date("session_date"), rs.string("setting"), rs.integer("minutes"));
            if (rs.bool("known")) {
                makeups.computeIfAbsent(m.missId(), k -> new ArrayList<>()).add(m);
            } else {
                unmatched.add(m);
            }
            return 1;
        }, studentId);

        Map<UUID, List<MakeupLedgerResponse.MissEntry>> byMandate = new LinkedHashMap<>();
        Map<UUID, String> serviceTypes = new HashMap<>();
        for (MissRow m : misses) {
            List<MakeupLedgerResponse.Makeup> linked = makeups.getOrDefault(m.missId(), List.of());
            int repaid = linked.stream().mapToInt(MakeupLedgerResponse.Makeup::minutes).sum();
            int outstanding = "OWED".equals(m.verdict()) ? Math.max(0, m.minutes() - repaid) : 0;
            byMandate.computeIfAbsent(m.mandateId(), k -> new ArrayList<>()).add(new MakeupLedgerResponse.MissEntry(
                    m.missId(), m.date(), m.setting(), m.minutes(), m.reason(), m.verdict(), m.policyVerdict(),
                    m.decidedOn(), repaid, outstanding,
                    linked.stream().map(MakeupLedgerResponse.Makeup::sessionLogId).distinct().toList(), linked,
                    m.origin(), m.recordedBy()));
            serviceTypes.put(m.mandateId(), m.serviceType());
        }
        List<MakeupLedgerResponse.MandateLedger> mandates = new ArrayList<>();
        int owed = 0;
        int repaid = 0;
        int outstanding = 0;
        for (Map.Entry<UUID, List<MakeupLedgerResponse.MissEntry>> e : byMandate.entrySet()) {
            int o = e.getValue().stream().filter(x -> "OWED".equals(x.verdict()))
                    .mapToInt(MakeupLedgerResponse.MissEntry::minutes).sum();
            int r = e.getValue().stream().mapToInt(MakeupLedgerResponse.MissEntry::repaidMinutes).sum();
            int out = e.getValue().stream().mapToInt(MakeupLedgerResponse.MissEntry::outstandingMinutes).sum();
            mandates.add(new MakeupLedgerResponse.MandateLedger(e.getKey(), serviceTypes.get(e.getKey()), o, r, out,
                    e.getValue()));
            owed += o;
            repaid += r;
            outstanding += out;
        }
        return new MakeupLedgerResponse(studentId, owed, repaid, outstanding, mandates, unmatched);
    }
}
