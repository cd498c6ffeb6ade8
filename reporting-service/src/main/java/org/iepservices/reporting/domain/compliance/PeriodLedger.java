package org.iepservices.reporting.domain.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Adds the facts of one service up for one period. Makeup minutes count toward the period of the
 * miss they repay, not the week they happened in; the rest of a makeup session is ordinary
 * delivery in its own period. A repayment of a miss not known yet stays ordinary until the miss
 * arrives, and is then moved (the projection recomputes both periods).
 */
public final class PeriodLedger {

    private PeriodLedger() {
    }

    /**
     * @param facts       the service's facts (any dates; only this period's are counted)
     * @param knownMisses ids of every miss known to the projection (to tell a repayment from ordinary minutes)
     * @param closeInstant when the period closed (the start of the day after it, district time): a
     *                    fact recorded at or after it revised the period after close
     */
    public static ComplianceWindow.Inputs inputs(CompliancePeriods.ServicePeriod sp, Collection<PeriodFacts.Delivered> delivered,
                                                 Collection<PeriodFacts.Miss> misses,
                                                 Collection<PeriodFacts.MakeupCredit> credits,
                                                 Collection<PeriodFacts.Occurrence> occurrences,
                                                 Set<UUID> knownMisses, Collection<OffsetDateTime> mandateEventTimes,
                                                 LocalDate today, Instant closeInstant) {
        return inputs(sp, delivered, misses, credits, occurrences, knownMisses, mandateEventTimes, today, closeInstant,
                SettingMinutes.ZERO);
    }

    /**
     * @param holidayExcused minutes the holiday policy excuses in this period (sessions that fell on
     *                       non-instructional days, under EXCUSE): they lower what the period requires
     *                       like not-owed misses, and are counted in {@code excused}
     */
    public static ComplianceWindow.Inputs inputs(CompliancePeriods.ServicePeriod sp, Collection<PeriodFacts.Delivered> delivered,
                                                 Collection<PeriodFacts.Miss> misses,
                                                 Collection<PeriodFacts.MakeupCredit> credits,
                                                 Collection<PeriodFacts.Occurrence> occurrences,
                                                 Set<UUID> knownMisses, Collection<OffsetDateTime> mandateEventTimes,
                                                 LocalDate today, Instant closeInstant, SettingMinutes holidayExcused) {
        CompliancePeriods.Period period = sp.period();
        Revision revision = new Revision(closeInstant);
        SettingMinutes inPeriod = SettingMinutes.ZERO;
        for (PeriodFacts.Delivered d : delivered) {
            if (!period.contains(d.date())) {
                continue;
            }
            revision.saw(d.eventTime());
            int ordinary = d.minutes();
            for (PeriodFacts.Repayment r : d.repayments()) {
                if (knownMisses.contains(r.missId())) {
                    ordinary -= r.minutes();
                }
            }
            inPeriod = inPeriod.plus(SettingMinutes.of(d.setting(), Math.max(0, ordinary)));
        }

        int owed = 0;
        int notOwed = 0;
        int review = 0;
        SettingMinutes excused = holidayExcused;
        Map<UUID, PeriodFacts.Miss> missesHere = new HashMap<>();
        for (PeriodFacts.Miss m : misses) {
            if (!period.contains(m.date())) {
                continue;
            }
            revision.saw(m.eventTime());
            missesHere.put(m.missId(), m);
            if (m.owed()) {
                owed += m.minutes();
            } else if (m.notOwed()) {
                notOwed += m.minutes();
                excused = excused.plus(SettingMinutes.of(m.setting(), m.minutes()));
            } else {
                review += m.minutes();
            }
        }

        SettingMinutes madeUp = SettingMinutes.ZERO;
        Map<UUID, Integer> repaid = new HashMap<>();
        for (PeriodFacts.MakeupCredit c : credits) {
            if (!missesHere.containsKey(c.missId())) {
                continue;
            }
            revision.saw(c.eventTime());
            madeUp = madeUp.plus(SettingMinutes.of(c.setting(), c.minutes()));
            repaid.merge(c.missId(), c.minutes(), Integer::sum);
        }
        int owedBalance = 0;
        for (PeriodFacts.Miss m : missesHere.values()) {
            if (m.owed()) {
                owedBalance += Math.max(0, m.minutes() - repaid.getOrDefault(m.missId(), 0));
            }
        }

        SettingMinutes scheduled = SettingMinutes.ZERO;
        SettingMinutes remaining = SettingMinutes.ZERO;
        for (PeriodFacts.Occurrence o : occurrences) {
            if (!o.scheduled() || o.date().isBefore(sp.firstCoveredDay()) || o.date().isAfter(sp.lastCoveredDay())) {
                continue;
            }
            scheduled = scheduled.plus(SettingMinutes.of(o.setting(), o.minutes()));
            if (!o.logged() && !o.date().isBefore(today)) {
                remaining = remaining.plus(SettingMinutes.of(o.setting(), o.minutes()));
            }
        }
        mandateEventTimes.forEach(revision::saw);
        return new ComplianceWindow.Inputs(inPeriod, madeUp, owed, notOwed, review, excused, owedBalance, scheduled,
                remaining, revision.latest);
    }

    /** The latest time a fact of the period was recorded at or after the period closed. */
    private static final class Revision {
        private final Instant closed;
        private OffsetDateTime latest;

        Revision(Instant closed) {
            this.closed = closed;
        }

        void saw(OffsetDateTime time) {
            if (time != null && !time.toInstant().isBefore(closed)
                    && (latest == null || time.toInstant().isAfter(latest.toInstant()))) {
                latest = time;
            }
        }
    }
}
