package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.api.ComplianceResponse;
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.domain.compliance.ComplianceWindow;
import org.iepservices.reporting.projection.Sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One student's compliance per mandate, period and setting, read from the projection. */
@ApplicationScoped
public class StudentComplianceService {

    private final Sql sql;
    private final ReportingClock clock;
    private final ComplianceRefresher refresher;

    StudentComplianceService(Sql sql, ReportingClock clock, ComplianceRefresher refresher) {
        this.sql = sql;
        this.clock = clock;
        this.refresher = refresher;
    }

    private record MandateRow(UUID mandateId, UUID iepId, UUID chainId, UUID continuesMandateId, String serviceType,
                              UUID providerId, int sessionsPerInterval, int minutesPerSession, String interval,
                              int pushInSessions, int pullOutSessions, LocalDate startDate, LocalDate endDate,
                              LocalDate statedEndDate) {
    }

    public ComplianceResponse forStudent(UUID studentId, LocalDate from, LocalDate to) {
        refresher.refreshIfDue();
        return read(studentId, from, to);
    }

    ComplianceResponse read(UUID studentId, LocalDate from, LocalDate to) {
        List<MandateRow> mandates = sql.list("""
                select mandate_id, iep_id, coalesce(chain_id, mandate_id) as chain_id, continues_mandate_id,
                       service_type, provider_id, sessions_per_interval, minutes_per_session, interval_unit,
                       push_in_sessions, pull_out_sessions, start_date, coalesce(effective_end, end_date) as effective_end,
                       end_date
                from mandate where student_id = ? order by start_date, service_type, mandate_id""",
                rs -> new MandateRow(rs.uuid("mandate_id"), rs.uuid("iep_id"), rs.uuid("chain_id"),
                        rs.uuid("continues_mandate_id"), rs.string("service_type"), rs.uuid("provider_id"),
                        rs.integer("sessions_per_interval"), rs.integer("minutes_per_session"),
                        rs.string("interval_unit"), rs.integer("push_in_sessions"), rs.integer("pull_out_sessions"),
                        rs.date("start_date"), rs.date("effective_end"), rs.date("end_date")), studentId);
        Map<UUID, List<ComplianceWindow>> byMandate = new HashMap<>();
        sql.list("""
                select * from compliance_period where student_id = ? and period_start <= ? and period_end >= ?
                order by period_start, chain_id""", rs -> {
            ComplianceWindow w = CompliancePeriodRows.window(rs);
            byMandate.computeIfAbsent(w.mandateId(), k -> new ArrayList<>()).add(w);
            return w;
        }, studentId, to, from);
        List<ComplianceResponse.MandateCompliance> result = new ArrayList<>();
        for (MandateRow m : mandates) {
            result.add(new ComplianceResponse.MandateCompliance(m.mandateId(), m.iepId(), m.chainId(),
                    m.continuesMandateId(), m.serviceType(), m.providerId(), m.sessionsPerInterval(),
                    m.minutesPerSession(), m.interval(), m.pushInSessions(), m.pullOutSessions(), m.startDate(),
                    m.endDate(), m.statedEndDate(), byMandate.getOrDefault(m.mandateId(), List.of())));
        }
        return new ComplianceResponse(studentId, from, to, clock.today(), clock.zone().getId(), clock.weekStart(),
                result);
    }
}
