package org.iepservices.schedule.solver;

import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;

/**
 * How good a week is, in the numbers a coordinator reads: minutes placed against minutes mandated,
 * hard conflicts, and alignment (push-in minutes in activities the goals call for, pull-out minutes
 * that cost no core instruction). Only this provider's sessions count. With the bound computed
 * ({@link ServiceSchedule#withBound()}): {@code upperBoundMinutes}, what no conflict-free week can
 * exceed ({@link PlaceableMinutesBound}), and {@code placedShareOfBound} = placed / bound; null otherwise.
 */
public record ScheduleMetrics(int mandatedMinutes, int placedMinutes, int unplacedSessions, long hardConflicts,
                              int pushInMinutes, int pushInGoalMatchedMinutes, int pullOutMinutes,
                              int pullOutOutsideCoreMinutes, int groupSessions, Integer upperBoundMinutes,
                              Double placedShareOfBound) {

    public ScheduleMetrics(int mandatedMinutes, int placedMinutes, int unplacedSessions, long hardConflicts,
                           int pushInMinutes, int pushInGoalMatchedMinutes, int pullOutMinutes,
                           int pullOutOutsideCoreMinutes, int groupSessions) {
        this(mandatedMinutes, placedMinutes, unplacedSessions, hardConflicts, pushInMinutes, pushInGoalMatchedMinutes,
                pullOutMinutes, pullOutOutsideCoreMinutes, groupSessions, null, null);
    }

    /** placed / bound, rounded to 4 decimals (1 when the bound is 0); null without a bound. */
    public static Double shareOfBound(int placedMinutes, Integer upperBoundMinutes) {
        if (upperBoundMinutes == null) {
            return null;
        }
        double share = upperBoundMinutes == 0 ? 1.0 : (double) placedMinutes / upperBoundMinutes;
        return Math.round(share * 10_000) / 10_000.0;
    }

    public static ScheduleMetrics of(ServiceSchedule schedule, long hardConflicts) {
        int mandated = 0, placed = 0, unplaced = 0, pushIn = 0, pushInMatched = 0, pullOut = 0, pullOutOutside = 0;
        java.util.Map<ServiceSession.GroupSlot, Integer> groupMembers = new java.util.HashMap<>();
        for (ServiceSession s : schedule.getSessions()) {
            if (!s.isOwnProvider() || s.getMandate() == null) {
                continue; // another provider's session, or this provider's time taken elsewhere
            }
            mandated += s.getMinutes();
            if (!s.isPlaced()) {
                unplaced++;
                continue;
            }
            placed += s.getMinutes();
            if (s.groupSlot() != null) {
                groupMembers.merge(s.groupSlot(), 1, Integer::sum);
            }
            if (s.isPushIn()) {
                pushIn += s.getMinutes();
                if (s.pushInFitsGoals()) {
                    pushInMatched += s.getMinutes();
                }
            } else {
                pullOut += s.getMinutes();
                int core = 0;
                for (ActivityBlock block : s.getClassBlocks()) {
                    if (block.core()) {
                        core += s.overlapMinutes(block);
                    }
                }
                pullOutOutside += Math.max(0, s.getMinutes() - core);
            }
        }
        // a group session is a slot shared by two or more students
        int groupSessions = (int) groupMembers.values().stream().filter(members -> members > 1).count();
        Integer bound = schedule.getBound() == null ? null : schedule.getBound().upperBoundMinutes();
        return new ScheduleMetrics(mandated, placed, unplaced, hardConflicts, pushIn, pushInMatched, pullOut,
                pullOutOutside, groupSessions, bound, shareOfBound(placed, bound));
    }

    /** Share of push-in minutes spent in an activity that fits the student's goals (1 when there is no push-in). */
    public double pushInAlignment() {
        return pushInMinutes == 0 ? 1.0 : (double) pushInGoalMatchedMinutes / pushInMinutes;
    }

    /** Share of pull-out minutes that cost no core instruction (1 when there is no pull-out). */
    public double pullOutOutsideCore() {
        return pullOutMinutes == 0 ? 1.0 : (double) pullOutOutsideCoreMinutes / pullOutMinutes;
    }

    public double placedShare() {
        return mandatedMinutes == 0 ? 1.0 : (double) placedMinutes / mandatedMinutes;
    }
}
