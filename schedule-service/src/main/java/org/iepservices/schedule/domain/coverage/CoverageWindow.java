package org.iepservices.schedule.domain.coverage;

import org.iepservices.schedule.domain.scheduling.MandateTerms;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One mandate in one period: minutes mandated (prorated when the mandate starts or ends inside
 * the period), minutes scheduled (occurrences still on the calendar), and the gap per setting.
 */
public record CoverageWindow(UUID mandateId, LocalDate periodStart, LocalDate periodEnd, SettingMinutes mandated,
                             SettingMinutes scheduled, SettingMinutes gap, SettingMinutes surplus,
                             CoverageStatus status) {

    public static CoverageWindow evaluate(MandateTerms terms, CoveragePeriod period, SettingMinutes scheduled) {
        double share = period.coveredShare(terms);
        SettingMinutes mandated = new SettingMinutes((int) Math.round(terms.pushInSessions() * terms.minutesPerSession()
                * share), (int) Math.round(terms.pullOutSessions() * terms.minutesPerSession() * share));
        SettingMinutes gap = scheduled.shortOf(mandated);
        SettingMinutes surplus = scheduled.beyond(mandated);
        CoverageStatus status = gap.total() > 0 ? CoverageStatus.GAP
                : surplus.total() > 0 ? CoverageStatus.OVER_SCHEDULED : CoverageStatus.COVERED;
        return new CoverageWindow(terms.mandateId(), period.start(), period.end(), mandated, scheduled, gap, surplus,
                status);
    }
}
