package org.iepservices.schedule.domain;

import org.iepservices.problem.Problem.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A bell schedule's periods: each ends after it starts, none overlap, names are unique. */
public final class BellScheduleRules {

    private BellScheduleRules() {
    }

    /** Checks periods given in any order; fields name the period's index as sent. */
    public static List<Violation> check(List<BellPeriod> periods) {
        List<Violation> violations = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < periods.size(); i++) {
            BellPeriod p = periods.get(i);
            if (!p.endTime().isAfter(p.startTime())) {
                violations.add(new Violation("periods[" + i + "].endTime", "must be after startTime"));
            }
            if (!names.add(p.name().trim().toLowerCase())) {
                violations.add(new Violation("periods[" + i + "].name", "another period is called " + p.name()));
            }
            for (int j = 0; j < i; j++) {
                BellPeriod q = periods.get(j);
                if (p.startTime().isBefore(q.endTime()) && q.startTime().isBefore(p.endTime())) {
                    violations.add(new Violation("periods[" + i + "].startTime",
                            "overlaps " + q.name() + " (" + q.startTime() + "-" + q.endTime() + ")"));
                }
            }
        }
        return violations;
    }

    /** The periods in the order of the day. */
    public static List<BellPeriod> sorted(List<BellPeriod> periods) {
        List<BellPeriod> copy = new ArrayList<>(periods);
        copy.sort(java.util.Comparator.comparing(BellPeriod::startTime));
        return copy;
    }
}
