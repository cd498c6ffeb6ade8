package org.iepservices.schedule.solver;

import org.iepservices.schedule.solver.ScheduleProblem.TravelTime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: what a provider does by hand with a blank week. Sessions are taken in the order of
 * the caseload, each goes into the first candidate placement (earliest day, earliest time) that
 * breaks no hard rule given the sessions already placed, and never moves again. Preferences are not
 * looked at. It is what the Timefold solver is measured against.
 */
public final class FirstFitScheduler {

    private FirstFitScheduler() {
    }

    /** Places the schedule's unpinned sessions in place and returns the same schedule. */
    public static ServiceSchedule schedule(ServiceSchedule schedule) {
        Map<SchoolPair, Integer> travel = new HashMap<>();
        for (TravelTime t : schedule.getTravelTimes()) {
            travel.merge(t.pair(), t.minutes(), Math::max);
        }
        Integer max = schedule.getDailyLimits() == null || schedule.getDailyLimits().isEmpty() ? null
                : schedule.getDailyLimits().get(0).maxSessionsPerDay();
        List<ServiceSession> placed = new ArrayList<>();
        for (ServiceSession session : schedule.getSessions()) {
            if (session.isPinned()) {
                placed.add(session);
            }
        }
        for (ServiceSession session : schedule.getSessions()) {
            if (session.isPinned()) {
                continue;
            }
            session.setPlacement(null);
            for (Placement candidate : session.getCandidatePlacements()) {
                session.setPlacement(candidate);
                if (fits(session, placed, travel) && withinDailyMaximum(session, placed, max)) {
                    placed.add(session);
                    break;
                }
                session.setPlacement(null);
            }
        }
        return schedule;
    }

    /** The session joins a group session already counted, or the provider's day has room for one more. */
    static boolean withinDailyMaximum(ServiceSession session, List<ServiceSession> placed, Integer max) {
        if (max == null) {
            return true;
        }
        java.util.Set<Object> slots = new java.util.HashSet<>();
        for (ServiceSession other : placed) {
            if (other.isOwnProvider() && other.day() == session.day()) {
                slots.add(other.providerSlot());
            }
        }
        return slots.contains(session.providerSlot()) || slots.size() < max;
    }

    static boolean fits(ServiceSession session, List<ServiceSession> placed, Map<SchoolPair, Integer> travel) {
        int groupMembers = 1;
        int groupLimit = session.maxGroupSize();
        for (ServiceSession other : placed) {
            if (other.day() != session.day()) {
                continue;
            }
            boolean overlaps = session.overlapMinutes(other) > 0;
            if (overlaps && other.getStudentId().equals(session.getStudentId())) {
                return false;
            }
            if (!session.isOwnProvider() || !other.isOwnProvider()) {
                continue;
            }
            if (session.sharesGroupSlotWith(other)) {
                groupMembers++;
                groupLimit = Math.min(groupLimit, other.maxGroupSize());
                continue;
            }
            if (overlaps) {
                return false;
            }
            if (!session.getSchoolId().equals(other.getSchoolId())) {
                int needed = travel.getOrDefault(SchoolPair.of(session.getSchoolId(), other.getSchoolId()), 0);
                int gap = session.start() >= other.end() ? session.start() - other.end() : other.start() - session.end();
                if (gap < needed) {
                    return false;
                }
            }
        }
        // the group is only as large as its strictest member allows
        return groupMembers <= groupLimit;
    }
}
