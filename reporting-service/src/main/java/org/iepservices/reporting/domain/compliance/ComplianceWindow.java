package org.iepservices.reporting.domain.compliance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One service in one period: mandated, scheduled, delivered and made-up minutes by setting,
 * missed minutes by verdict, what is short or beyond, the forecast and the verdict.
 *
 * <p>{@code excused} are the not-owed misses per setting (student absent, school closed, by the
 * district policy): they lower what the period requires. {@code shortfall} is what is missing per
 * setting after makeups; {@code owedBalance} the owed misses not yet repaid.
 */
public record ComplianceWindow(
        UUID mandateId,
        List<UUID> mandateIds,
        LocalDate periodStart,
        LocalDate periodEnd,
        boolean closed,
        SettingMinutes mandated,
        SettingMinutes scheduled,
        SettingMinutes delivered,
        SettingMinutes madeUp,
        int missedOwed,
        int missedNotOwed,
        int missedInReview,
        SettingMinutes excused,
        SettingMinutes shortfall,
        SettingMinutes overDelivered,
        int owedBalance,
        Forecast forecast,
        ComplianceStatus status,
        boolean revisedAfterClose,
        OffsetDateTime revisedAt) {

    /** Minutes that count toward one period, from {@link PeriodLedger}. */
    public record Inputs(SettingMinutes delivered, SettingMinutes madeUp, int missedOwed, int missedNotOwed,
                         int missedInReview, SettingMinutes excused, int owedBalance, SettingMinutes scheduled,
                         SettingMinutes remaining, OffsetDateTime revisedAt) {
    }

    /**
     * Where the period is heading: what has been credited plus what is still scheduled from today
     * (cancellations and closures already left out). {@code lastChanceDate} is the last school day
     * on which sessions added to close {@code shortfall} can still start, assuming one added
     * session per school day; {@code recoverable} is false once too few school days remain.
     */
    public record Forecast(SettingMinutes remaining, SettingMinutes minutes, SettingMinutes shortfall,
                           LocalDate lastChanceDate, boolean recoverable) {
    }

    /** Evaluates a period as of {@code today}, the district's current date. */
    public static ComplianceWindow evaluate(CompliancePeriods.ServicePeriod sp, Inputs in, LocalDate today,
                                            SchoolCalendar calendar) {
        CompliancePeriods.Period period = sp.period();
        SettingMinutes mandated = sp.mandated();
        SettingMinutes credited = in.delivered().plus(in.madeUp());
        SettingMinutes required = mandated.minus(in.excused());
        SettingMinutes shortfall = credited.shortOf(required);
        SettingMinutes beyond = credited.beyond(mandated);
        boolean closed = today.isAfter(period.end());

        SettingMinutes remaining = closed ? SettingMinutes.ZERO : in.remaining();
        SettingMinutes forecast = credited.plus(remaining);
        SettingMinutes forecastShort = forecast.shortOf(required);
        LocalDate lastChance = null;
        boolean recoverable = forecastShort.total() == 0;
        if (!closed && forecastShort.total() > 0) {
            int needed = sessions(forecastShort.pushIn(), sp.minutesPerSession())
                    + sessions(forecastShort.pullOut(), sp.minutesPerSession());
            LocalDate from = today.isAfter(sp.firstCoveredDay()) ? today : sp.firstCoveredDay();
            List<LocalDate> days = calendar.schoolDays(from, sp.lastCoveredDay());
            if (needed <= days.size()) {
                lastChance = days.get(days.size() - needed);
                recoverable = true;
            }
        }

        ComplianceStatus status;
        if (today.isBefore(period.start())) {
            status = ComplianceStatus.NOT_STARTED;
        } else if (!closed) {
            status = forecastShort.total() > 0 ? ComplianceStatus.AT_RISK : ComplianceStatus.ON_TRACK;
        } else if (shortfall.total() > 0) {
            status = ComplianceStatus.OUT_OF_COMPLIANCE;
        } else if (beyond.total() > 0) {
            status = ComplianceStatus.OVER_DELIVERED;
        } else {
            status = ComplianceStatus.ON_TRACK;
        }
        return new ComplianceWindow(sp.owner().mandateId(), sp.mandateIds(), period.start(), period.end(), closed,
                mandated, in.scheduled(), in.delivered(), in.madeUp(), in.missedOwed(), in.missedNotOwed(),
                in.missedInReview(), in.excused(), shortfall, beyond, in.owedBalance(),
                new Forecast(remaining, forecast, forecastShort, lastChance, recoverable), status,
                in.revisedAt() != null, in.revisedAt());
    }

    private static int sessions(int minutes, int minutesPerSession) {
        if (minutes <= 0) {
            return 0;
        }
        return minutesPerSession <= 0 ? 1 : (minutes + minutesPerSession - 1) / minutesPerSession;
    }
}
