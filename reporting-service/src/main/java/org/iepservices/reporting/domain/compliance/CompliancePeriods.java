package org.iepservices.reporting.domain.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Cuts a service into the periods its interval defines: calendar weeks starting on the configured
 * day, calendar months, or the IEP term, and states each period's mandated minutes.
 *
 * <p>A weekly or monthly mandate is stated for a full period: its weekdays. A period gets
 * stated × (days that carry the mandate ÷ weekdays of the period), where the days that carry it
 * are the days covered by a version in force (the IEP term) inside the school year, and under
 * {@link HolidayPolicy#PRORATE} only its instructional days ({@link HolidayPolicy#mandateDays}).
 * Rounding: per setting, to the nearest whole minute, halves up (18.5 → 19), so a full period is
 * never changed by rounding. A closure is an instructional day here: it never lowers the mandate.
 * An IEP-term mandate is a total for its term (holidays included): it is prorated only when a
 * later version ends it early, by instructional days.
 */
public final class CompliancePeriods {

    /** A period [start, end], both inclusive. */
    public record Period(LocalDate start, LocalDate end) {
        public boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }

        public boolean overlaps(LocalDate from, LocalDate to) {
            return !end.isBefore(from) && !start.isAfter(to);
        }

        /**
         * The part of this period's minutes that falls in [from, to]: 1 when the range covers the
         * period, else the share of the period's school days inside the range (0 outside it). A
         * report over a range that cuts a period spreads the period's mandate evenly over its school
         * days, the same days its proration counts.
         */
        public double shareWithin(LocalDate from, LocalDate to, SchoolCalendar calendar) {
            if (!from.isAfter(start) && !to.isBefore(end)) {
                return 1;
            }
            LocalDate a = from.isAfter(start) ? from : start;
            LocalDate b = to.isBefore(end) ? to : end;
            return a.isAfter(b) ? 0 : share(calendar.countSchoolDays(a, b), calendar.countSchoolDays(start, end));
        }
    }

    /**
     * One period of one service: the versions in force in it ({@code mandateIds}, oldest first),
     * the one in force at its end ({@code owner}), the mandated minutes summed over the versions'
     * prorated shares, and the days the service covers in it.
     */
    public record ServicePeriod(Period period, MandateChains.Version owner, List<UUID> mandateIds,
                                SettingMinutes mandated, LocalDate firstCoveredDay, LocalDate lastCoveredDay) {
        public int minutesPerSession() {
            return owner.terms().minutesPerSession();
        }
    }

    private CompliancePeriods() {
    }

    /** The calendar periods of {@code interval} that overlap [from, to] (not for IEP_TERM). */
    public static List<Period> calendar(MandateTerms.Interval interval, LocalDate from, LocalDate to,
                                        DayOfWeek weekStart) {
        List<Period> periods = new ArrayList<>();
        LocalDate start = interval == MandateTerms.Interval.WEEK
                ? from.with(TemporalAdjusters.previousOrSame(weekStart))
                : from.withDayOfMonth(1);
        while (!start.isAfter(to)) {
            LocalDate next = interval == MandateTerms.Interval.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
            periods.add(new Period(start, next.minusDays(1)));
            start = next;
        }
        return periods;
    }

    /** The periods of one mandate that overlap [from, to]; weeks start on {@code weekStart}. */
    public static List<Period> between(MandateTerms terms, LocalDate from, LocalDate to, DayOfWeek weekStart) {
        if (terms.interval() == MandateTerms.Interval.IEP_TERM) {
            Period term = new Period(terms.startDate(), terms.endDate());
            return term.overlaps(from, to) && terms.inForce() ? List.of(term) : List.of();
        }
        LocalDate first = from.isBefore(terms.startDate()) ? terms.startDate() : from;
        LocalDate last = to.isAfter(terms.endDate()) ? terms.endDate() : to;
        return first.isAfter(last) ? List.of() : calendar(terms.interval(), first, last, weekStart);
    }

    /** The periods of a service that overlap [from, to]. */
    public static List<ServicePeriod> of(MandateChains.Chain chain, LocalDate from, LocalDate to, DayOfWeek weekStart,
                                         SchoolCalendar calendar) {
        return of(chain, from, to, weekStart, calendar, HolidayPolicy.PRORATE);
    }

    /** The periods of a service that overlap [from, to], mandated minutes under the district's holiday policy. */
    public static List<ServicePeriod> of(MandateChains.Chain chain, LocalDate from, LocalDate to, DayOfWeek weekStart,
                                         SchoolCalendar calendar, HolidayPolicy policy) {
        List<ServicePeriod> result = new ArrayList<>();
        if (!chain.inForce()) {
            return result;
        }
        if (chain.interval() == MandateTerms.Interval.IEP_TERM) {
            for (MandateChains.Version v : chain.versions()) {
                MandateTerms t = v.terms();
                if (t.inForce() && new Period(t.startDate(), t.endDate()).overlaps(from, to)) {
                    Period term = new Period(t.startDate(), t.endDate());
                    double share = t.endDate().equals(t.statedEndDate()) ? 1
                            : share(calendar.countInstructionalDays(t.startDate(), t.endDate()),
                            calendar.countInstructionalDays(t.startDate(), t.statedEndDate()));
                    result.add(new ServicePeriod(term, v, List.of(v.mandateId()), prorate(t.perInterval(), share),
                            t.startDate(), t.endDate()));
                }
            }
            return result;
        }
        for (Period p : calendar(chain.interval(), from, to, weekStart)) {
            if (!p.overlaps(chain.start(), chain.end())) {
                continue;
            }
            SettingMinutes mandated = SettingMinutes.ZERO;
            MandateChains.Version owner = null;
            List<UUID> ids = new ArrayList<>();
            LocalDate firstCovered = null;
            LocalDate lastCovered = null;
            boolean inSchoolYear = calendar.years().isEmpty();
            int periodDays = SchoolCalendar.countWeekdays(p.start(), p.end());
            for (MandateChains.Version v : chain.versions()) {
                MandateTerms t = v.terms();
                LocalDate a = t.startDate().isAfter(p.start()) ? t.startDate() : p.start();
                LocalDate b = t.endDate().isBefore(p.end()) ? t.endDate() : p.end();
                if (!t.inForce() || a.isAfter(b)) {
                    continue;
                }
                mandated = mandated.plus(prorate(t.perInterval(), share(policy.mandateDays(calendar, a, b), periodDays)));
                ids.add(v.mandateId());
                inSchoolYear |= calendar.countSchoolYearWeekdays(a, b) > 0;
                if (owner == null || !t.startDate().isBefore(owner.terms().startDate())) {
                    owner = v;
                }
                firstCovered = firstCovered == null || a.isBefore(firstCovered) ? a : firstCovered;
                lastCovered = lastCovered == null || b.isAfter(lastCovered) ? b : lastCovered;
            }
            // A period wholly outside the school year (summer) carries no mandate: it is no period of the service.
            if (owner != null && inSchoolYear) {
                result.add(new ServicePeriod(p, owner, List.copyOf(ids), mandated, firstCovered, lastCovered));
            }
        }
        return result;
    }

    /**
     * The share of a period's school days that the mandate covers, for prorating a mandate that
     * starts or ends mid-period (weekdays, no closures known).
     */
    public static double coveredShare(MandateTerms terms, Period period) {
        LocalDate start = terms.startDate().isAfter(period.start()) ? terms.startDate() : period.start();
        LocalDate end = terms.endDate().isBefore(period.end()) ? terms.endDate() : period.end();
        return end.isBefore(start) ? 0 : share(SchoolCalendar.WEEKDAYS.countSchoolDays(start, end),
                SchoolCalendar.WEEKDAYS.countSchoolDays(period.start(), period.end()));
    }

    private static double share(int covered, int all) {
        return all == 0 ? 0 : (double) covered / all;
    }

    private static SettingMinutes prorate(SettingMinutes full, double share) {
        // Math.round: nearest whole minute, halves up (README "Holiday policy").
        return new SettingMinutes((int) Math.round(full.pushIn() * share), (int) Math.round(full.pullOut() * share));
    }
}
