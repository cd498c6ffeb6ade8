package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.reporting.api.ComplianceResponse;
import org.iepservices.reporting.domain.DeliveredSession;
import org.iepservices.reporting.domain.Mandate;
import org.iepservices.reporting.domain.MissedSession;
import org.iepservices.reporting.domain.compliance.CompliancePeriods;
import org.iepservices.reporting.domain.compliance.ComplianceWindow;
import org.iepservices.reporting.domain.compliance.MandateTerms;
import org.iepservices.reporting.domain.compliance.SettingMinutes;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compliance of a student's mandates per period and setting, from the projections. The minutes
 * a makeup session repays count toward the period of the miss, not the week it happened in;
 * any remainder is ordinary delivery in its own period.
 */
@ApplicationScoped
public class ComplianceService {

    private final ZoneId districtZone;
    private final DayOfWeek weekStart;
    private final Clock clock;

    ComplianceService(@ConfigProperty(name = "district.time-zone") ZoneId districtZone,
                      @ConfigProperty(name = "compliance.week-start", defaultValue = "MONDAY") DayOfWeek weekStart) {
        this.districtZone = districtZone;
        this.weekStart = weekStart;
        this.clock = Clock.system(districtZone);
    }

    public ComplianceResponse forStudent(UUID studentId, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        List<Mandate> mandates = Mandate.list("studentId = ?1 order by startDate, serviceType", studentId);
        List<DeliveredSession> delivered = DeliveredSession.list("key.studentId", studentId);
        List<MissedSession> missed = MissedSession.list("studentId", studentId);
        Map<UUID, MissedSession> missById = new HashMap<>();
        missed.forEach(m -> missById.put(m.missId, m));

        List<ComplianceResponse.MandateCompliance> result = new ArrayList<>();
        for (Mandate mandate : mandates) {
            MandateTerms terms = mandate.terms();
            List<ComplianceWindow> windows = new ArrayList<>();
            for (CompliancePeriods.Period period : CompliancePeriods.between(terms, from, to, weekStart)) {
                windows.add(ComplianceWindow.evaluate(terms, period,
                        inputs(mandate.mandateId, period, delivered, missed, missById), today));
            }
            result.add(new ComplianceResponse.MandateCompliance(mandate.mandateId, mandate.iepId, mandate.serviceType,
                    mandate.sessionsPerInterval, mandate.minutesPerSession, mandate.interval, mandate.startDate,
                    mandate.endDate, windows));
        }
        return new ComplianceResponse(studentId, from, to, today, districtZone.getId(), result);
    }

    private static ComplianceWindow.Inputs inputs(UUID mandateId, CompliancePeriods.Period period,
                                                  List<DeliveredSession> delivered, List<MissedSession> missed,
                                                  Map<UUID, MissedSession> missById) {
        SettingMinutes inPeriod = SettingMinutes.ZERO;
        SettingMinutes madeUp = SettingMinutes.ZERO;
        for (DeliveredSession s : delivered) {
            if (!s.mandateId.equals(mandateId)) {
                continue;
            }
            int ordinary = s.minutes;
            for (DeliveredSession.Repayment repayment : s.repayments) {
                MissedSession repaid = missById.get(repayment.missId());
                if (repaid == null) {
                    continue; // an unknown miss cannot be credited elsewhere: the minutes stay ordinary
                }
                ordinary -= repayment.minutes();
                if (period.contains(repaid.sessionDate)) {
                    madeUp = madeUp.plus(SettingMinutes.of(s.setting, repayment.minutes()));
                }
            }
            if (period.contains(s.sessionDate)) {
                inPeriod = inPeriod.plus(SettingMinutes.of(s.setting, ordinary));
            }
        }
        int owed = 0;
        int notOwed = 0;
        int review = 0;
        for (MissedSession m : missed) {
            if (!m.mandateId.equals(mandateId) || !period.contains(m.sessionDate)) {
                continue;
            }
            switch (m.owed) {
                case "OWED" -> owed += m.minutes;
                case "NOT_OWED" -> notOwed += m.minutes;
                default -> review += m.minutes;
            }
        }
        return new ComplianceWindow.Inputs(inPeriod, madeUp, owed, notOwed, review);
    }
}
