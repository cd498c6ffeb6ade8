package org.iepservices.schedule.solver;

import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;
import org.iepservices.schedule.solver.ScheduleProblem.TravelTime;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A stronger baseline than first-fit, and the solver's starting week: the most constrained session
 * first, in its best slot, never moved again.
 *
 * <ul>
 *   <li><b>Most constrained first</b>: after every placement the sessions still to place count the
 *       slots still open to them (no hard rule broken given what is placed), and the one with the
 *       fewest goes next (ties: the student with more sessions still to place, then the longer
 *       session). A session with none left stays unplaced.</li>
 *   <li><b>Best slot</b>: joining a group session already placed (the provider's minutes serve one
 *       more student) beats everything; then the slot fewest other sessions still want (the
 *       contention on the provider's time there, each session spreading one unit over its open
 *       slots); then the preferences the soft rules weigh (push-in in an activity that fits the
 *       goals and a teacher who welcomes it, pull-out outside core, not twice a day for a student).</li>
 * </ul>
 * Plain Java over the planning solution, so it runs in the benchmark beside first-fit and as the
 * solver's construction phase ({@link GreedyConstruction}).
 */
public final class GreedyScheduler {

    static final double GROUP_JOIN_BONUS = 10_000;
    static final double CONTENTION_WEIGHT = 100;

    private GreedyScheduler() {
    }

    /** Places the schedule's unpinned sessions in place and returns the same schedule. */
    public static ServiceSchedule schedule(ServiceSchedule schedule) {
        place(schedule, ServiceSession::setPlacement);
        return schedule;
    }

    /**
     * Chooses a placement for every unpinned session it can, calling {@code assign} for each (the
     * solver's construction phase passes one that tells the score director).
     */
    static void place(ServiceSchedule schedule, BiConsumer<ServiceSession, Placement> assign) {
        place(schedule, schedule.getSessions().stream().filter(s -> !s.isPinned()).toList(), assign);
    }

    /**
     * Places {@code toPlace} (unplacing those placed first); every other placed session stays where it
     * is and counts as taken time.
     */
    static void place(ServiceSchedule schedule, java.util.Collection<ServiceSession> toPlace,
                      BiConsumer<ServiceSession, Placement> assign) {
        java.util.Set<ServiceSession> moving = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        moving.addAll(toPlace);
        Map<SchoolPair, Integer> travel = new HashMap<>();
        for (TravelTime t : schedule.getTravelTimes()) {
            travel.merge(t.pair(), t.minutes(), Math::max);
        }
        Integer max = schedule.getDailyLimits() == null || schedule.getDailyLimits().isEmpty() ? null
                : schedule.getDailyLimits().get(0).maxSessionsPerDay();
        Map<DayOfWeek, List<ServiceSession>> placedByDay = new EnumMap<>(DayOfWeek.class);
        List<Pending> pending = new ArrayList<>();
        Map<Object, Integer> toPlaceByStudent = new HashMap<>();
        for (ServiceSession session : schedule.getSessions()) {
            if (!moving.contains(session)) {
                if (session.isPlaced()) {
                    placedByDay.computeIfAbsent(session.day(), d -> new ArrayList<>()).add(session);
                }
            } else {
                if (session.isPlaced()) {
                    assign.accept(session, null);
                }
                pending.add(new Pending(session));
                toPlaceByStudent.merge(session.getStudentId(), 1, Integer::sum);
            }
        }
        // contention: each pending session spreads one unit over the minutes of its slots
        Map<DayOfWeek, double[]> contention = new EnumMap<>(DayOfWeek.class);
        for (Pending p : pending) {
            p.refreshAll(placedByDay, travel, max);
            p.spread(contention, +1);
        }
        while (!pending.isEmpty()) {
            Pending next = null;
            for (Pending p : pending) {
                if (next == null || p.open < next.open
                        || p.open == next.open && compareTies(p, next, toPlaceByStudent) < 0) {
                    next = p;
                }
            }
            pending.remove(next);
            next.spread(contention, -1);
            toPlaceByStudent.merge(next.session.getStudentId(), -1, Integer::sum);
            if (next.open == 0) {
                continue; // nowhere left: stays unplaced
            }
            Placement best = null;
            double bestCost = Double.MAX_VALUE;
            List<ServiceSession> studentSessions = new ArrayList<>();
            for (List<ServiceSession> day : placedByDay.values()) {
                for (ServiceSession s : day) {
                    if (s.getStudentId().equals(next.session.getStudentId()) && s.isOwnProvider()) {
                        studentSessions.add(s);
                    }
                }
            }
            List<Placement> candidates = next.session.getCandidatePlacements();
            for (int i = 0; i < candidates.size(); i++) {
                if (!next.fits[i]) {
                    continue;
                }
                Placement candidate = candidates.get(i);
                next.session.setPlacement(candidate);
                double cost = cost(next.session, placedByDay.getOrDefault(candidate.day(), List.of()), contention,
                        studentSessions);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = candidate;
                }
            }
            next.session.setPlacement(null);
            assign.accept(next.session, best);
            placedByDay.computeIfAbsent(best.day(), d -> new ArrayList<>()).add(next.session);
            for (Pending p : pending) {
                p.refreshDay(best.day(), placedByDay, travel, max);
            }
        }
    }

    private static int compareTies(Pending a, Pending b, Map<Object, Integer> toPlaceByStudent) {
        int byStudent = Integer.compare(toPlaceByStudent.get(b.session.getStudentId()),
                toPlaceByStudent.get(a.session.getStudentId()));
        if (byStudent != 0) {
            return byStudent;
        }
        int byMinutes = Integer.compare(b.session.getMinutes(), a.session.getMinutes());
        return byMinutes != 0 ? byMinutes : a.session.getId().compareTo(b.session.getId());
    }

    /** Lower is better: a group joined, then little contention, then the soft preferences. */
    static double cost(ServiceSession session, List<ServiceSession> sameDay, Map<DayOfWeek, double[]> contention,
                       List<ServiceSession> studentSessions) {
        double cost = 0;
        for (ServiceSession other : sameDay) {
            if (session.sharesGroupSlotWith(other)) {
                cost -= GROUP_JOIN_BONUS;
                break;
            }
        }
        double[] load = contention.get(session.day());
        if (load != null) {
            double sum = 0;
            for (int m = session.start(); m < session.end() && m < load.length; m++) {
                sum += load[m];
            }
            cost += CONTENTION_WEIGHT * sum / session.getMinutes();
        }
        if (session.isPushIn()) {
            if (!session.pushInFitsGoals()) {
                cost += session.getMinutes();
            }
            cost += ScheduleConstraintProvider.TEACHER_PREFERENCE_WEIGHT
                    * ScheduleConstraintProvider.reluctance(session.block());
        } else {
            for (ActivityBlock block : session.getClassBlocks()) {
                if (block.core()) {
                    cost += session.overlapMinutes(block);
                }
            }
        }
        for (ServiceSession other : studentSessions) {
            if (other.day() == session.day()) {
                cost += ScheduleConstraintProvider.SPREAD_WEIGHT;
            }
        }
        return cost;
    }

    /** A session still to place and which of its candidates are open. */
    private static final class Pending {
        final ServiceSession session;
        final boolean[] fits;
        int open;

        Pending(ServiceSession session) {
            this.session = session;
            this.fits = new boolean[session.getCandidatePlacements().size()];
        }

        void refreshAll(Map<DayOfWeek, List<ServiceSession>> placedByDay, Map<SchoolPair, Integer> travel,
                        Integer max) {
            refresh(null, placedByDay, travel, max);
        }

        void refreshDay(DayOfWeek day, Map<DayOfWeek, List<ServiceSession>> placedByDay,
                        Map<SchoolPair, Integer> travel, Integer max) {
            refresh(day, placedByDay, travel, max);
        }

        private void refresh(DayOfWeek onlyDay, Map<DayOfWeek, List<ServiceSession>> placedByDay,
                             Map<SchoolPair, Integer> travel, Integer max) {
            List<Placement> candidates = session.getCandidatePlacements();
            for (int i = 0; i < candidates.size(); i++) {
                Placement c = candidates.get(i);
                if (onlyDay != null && c.day() != onlyDay) {
                    continue;
                }
                session.setPlacement(c);
                List<ServiceSession> sameDay = placedByDay.getOrDefault(c.day(), List.of());
                boolean ok = FirstFitScheduler.fits(session, sameDay, travel)
                        && FirstFitScheduler.withinDailyMaximum(session, sameDay, max);
                if (ok != fits[i]) {
                    fits[i] = ok;
                    open += ok ? 1 : -1;
                }
            }
            session.setPlacement(null);
        }

        /** Adds (or removes) this session's wish for provider time: one unit over its candidates' minutes. */
        void spread(Map<DayOfWeek, double[]> contention, int sign) {
            List<Placement> candidates = session.getCandidatePlacements();
            if (candidates.isEmpty()) {
                return;
            }
            double share = sign / ((double) candidates.size() * session.getMinutes());
            for (Placement c : candidates) {
                double[] load = contention.computeIfAbsent(c.day(), d -> new double[24 * 60]);
                for (int m = c.startMinute(); m < c.startMinute() + session.getMinutes() && m < load.length; m++) {
                    load[m] += share;
                }
            }
        }
    }
}
