package org.iepservices.schedule.domain.coverage;

import org.iepservices.schedule.domain.scheduling.MandateTerms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A period [start, end] of a mandate's interval: a week (from the configured first day), a
 * calendar month, or the whole term. The same cut as reporting-service's compliance windows, so
 * a gap seen here is the shortfall reporting would see if nothing changes.
 */
public record CoveragePeriod(LocalDate start, LocalDate end) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** The periods of {@code terms} that overlap [from, to]. */
    public static List<CoveragePeriod> between(MandateTerms terms, LocalDate from, LocalDate to, DayOfWeek weekStart) {
        List<CoveragePeriod> periods = new ArrayList<>();
        if (terms.endDate().isBefore(terms.startDate())) {
            return periods;
        }
        if (terms.interval() == MandateTerms.Interval.IEP_TERM) {
            if (!terms.endDate().isBefore(from) && !terms.startDate().isAfter(to)) {
                periods.add(new CoveragePeriod(terms.startDate(), terms.endDate()));
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
            periods.add(new CoveragePeriod(start, next.minusDays(1)));
            start = next;
        }
        return periods;
    }

    /** The share of this period's weekdays the mandate is in force, to prorate a mandate starting or ending inside it. */
    public double coveredShare(MandateTerms terms) {
        int all = weekdays(start, end);
        if (all == 0) {
            return 0;
        }
        LocalDate from = terms.startDate().isAfter(start) ? terms.startDate() : start;
        LocalDate to = terms.endDate().isBefore(end) ? terms.endDate() : end;
        return to.isBefore(from) ? 0 : (double) weekdays(from, to) / all;
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
