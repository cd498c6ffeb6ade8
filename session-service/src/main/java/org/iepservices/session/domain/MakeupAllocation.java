package org.iepservices.session.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads a makeup session's credited minutes over the misses it repays, in the order given,
 * each up to what is still outstanding on it. Minutes beyond every listed miss stay ordinary
 * delivered minutes.
 */
public final class MakeupAllocation {

    private MakeupAllocation() {
    }

    /** {@code outstanding[i]} is what miss i still owes; returns the minutes repaid on each. */
    public static List<Integer> allocate(int creditedMinutes, List<Integer> outstanding) {
        List<Integer> repaid = new ArrayList<>(outstanding.size());
        int left = creditedMinutes;
        for (int owed : outstanding) {
            int take = Math.max(0, Math.min(left, owed));
            repaid.add(take);
            left -= take;
        }
        return repaid;
    }
}
