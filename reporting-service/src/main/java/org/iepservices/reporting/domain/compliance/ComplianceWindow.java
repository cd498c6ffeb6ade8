package org.iepservices.reporting.domain.compliance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One mandate in one period: mandated, delivered and made-up minutes by setting, missed minutes
 * by verdict, and the verdict. {@code shortfall} is what is missing per setting after makeups;
 * {@code owedBalance} is the owed misses not yet repaid.
 */
public record ComplianceWindow(
        UUID mandateId,
        LocalDate periodStart,
        LocalDate periodEnd,
        boolean closed,
        SettingMinutes mandated,
        SettingMinutes delivered,
        SettingMinutes madeUp,
        int missedOwed,
        int missedNotOwed,
        int missedInReview,
        SettingMinutes shortfall,
        SettingMinutes overDelivered,
        int owedBalance,
        ComplianceStatus status) {

    /** Minutes that count toward one period: delivered in it, or makeups repaying its misses. */
    public record Inputs(SettingMinutes delivered, SettingMinutes madeUp, int missedOwed, int missedNotOwed,
                        int missedInReview) {
    }

    /**
     * Evaluates a period. {@code today} is the district's current date: a period is closed once
     * its last day has passed.
     */
    public static ComplianceWindow evaluate(MandateTerms terms, CompliancePeriods.Period period, Inputs in,
                                            LocalDate today) {
        double share = CompliancePeriods.coveredShare(terms, period);
        SettingMinutes full = terms.perInterval();
        SettingMinutes mandated = new SettingMinutes((int) Math.round(full.pushIn() * share),
                (int) Math.round(full.pullOut() * share));
        SettingMinutes credited = in.delivered().plus(in.madeUp());
        SettingMinutes shortfall = credited.shortOf(mandated);
        SettingMinutes beyond = credited.beyond(mandated);
        int owedBalance = Math.max(0, in.missedOwed() - in.madeUp().total());
        boolean closed = today.isAfter(period.end());
        ComplianceStatus status;
        if (today.isBefore(period.start())) {
            status = ComplianceStatus.NOT_STARTED;
        } else if (!closed) {
            status = ComplianceStatus.ON_TRACK;
        } else if (shortfall.total() > 0) {
            status = ComplianceStatus.OUT_OF_COMPLIANCE;
        } else if (beyond.total() > 0) {
            status = ComplianceStatus.OVER_DELIVERED;
        } else {
            status = ComplianceStatus.ON_TRACK;
        }
        return new ComplianceWindow(terms.mandateId(), period.start(), period.end(), closed, mandated, in.delivered(),
                in.madeUp(), in.missedOwed(), in.missedNotOwed(), in.missedInReview(), shortfall, beyond, owedBalance,
                status);
    }
}
