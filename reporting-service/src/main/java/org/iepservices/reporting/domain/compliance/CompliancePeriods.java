package org.iepservices.reporting.domain.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** Cuts a mandate's life into the periods its interval defines: weeks, calendar months, or the whole term. */
public final class CompliancePeriods {

    /** A period [start, end], both inclusive. */
    public record Period(LocalDate start, LocalDate end) {
        public boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    private CompliancePeriods() {
    }

    /** The periods of {@code terms} that overlap [from, to]; weeks start on {@code weekStart}. */
    public static List<Period> between(MandateTerms terms, LocalDate from, LocalDate to, DayOfWeek weekStart) {
        List<Period> periods = new ArrayList<>();
        if (terms.interval() == MandateTerms.Interval.IEP_TERM) {
            Period term = new Period(terms.startDate(), terms.endDate());
            if (!term.end().isBefore(from) && !term.start().isAfter(to)) {
                periods.add(term);
            }
            return periods;
        }
        LocalDate first = from.isBefore(terms.startDate()) ? terms.startDate() : from;
        LocalDate last = to.isAfter(terms.endDate()) ? terms.endDate() : to;
        LocalDate start = terms.interval() == MandateTerms.Interval.WEEK
                ? first.with(TemporalAdjusters.previousOrSame(weekStart))
                : first.withDayOfMonth(1);
        while (!start.isAfter(last)) {
            LocalDate next = terms.interval() == MandateTerms.Interval.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
            periods.add(new Period(start, next.minusDays(1)));
            start = next;
        }
        return periods;
    }

    /**
     * The share of a period's school days (Monday to Friday) that the mandate covers, for
     * prorating a mandate that starts or ends mid-period.
     */
    public static double coveredShare(MandateTerms terms, Period period) {
        int all = weekdays(period.start(), period.end());
        if (all == 0) {
            return 0;
        }
        LocalDate start = terms.startDate().isAfter(period.start()) ? terms.startDate() : period.start();
        LocalDate end = terms.endDate().isBefore(period.end()) ? terms.endDate() : period.end();
        return end.isBefore(start) ? 0 : (double) weekdays(start, end) / all;
    }

    static int weekdays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }
}
