package org.iepservices.schedule.solver;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Large-neighbourhood search on placed minutes, after {@link GreedyScheduler}: a session left
 * unplaced usually needs several others to move at once, which single change and swap moves (each
 * judged on its own) rarely find. Each step either
 * <ul>
 *   <li>puts an unplaced session into one of its slots and takes out every session of this provider
 *       on that day within an hour around it (the room it needs, travel included), or</li>
 *   <li>takes out every session in a random hour and a half of one day,</li>
 * </ul>
 * then lets the greedy place what was taken out together with everything still unplaced. The step is
 * kept when the week places more minutes, or as many with preferences no worse (so the search drifts
 * across plateaus without giving up what the soft rules weigh), else undone. It stops at the bound of placeable minutes, at its deadline or when the
 * solver's termination says so. Seeded, so a run is repeatable for a given number of steps.
 */
final class RepackSearch {

    private static final int AROUND_MINUTES = 60;
    private static final int WINDOW_MINUTES = 90;

    private RepackSearch() {
    }

    /** Improves the placements in place; returns the number of steps tried. */
    static int improve(ServiceSchedule schedule, Integer boundMinutes, long deadlineNanos, BooleanSupplier stop,
                       long seed) {
        Random random = new Random(seed);
        List<ServiceSession> free = schedule.getSessions().stream().filter(s -> !s.isPinned()).toList();
        int placed = placedMinutes(free);
        double cost = preferenceCost(free);
        int steps = 0;
        while ((boundMinutes == null || placed + pinnedMinutes(schedule) < boundMinutes)
                && System.nanoTime() < deadlineNanos && !stop.getAsBoolean()) {
            steps++;
            List<ServiceSession> unplaced = free.stream()
                    .filter(s -> !s.isPlaced() && !s.getCandidatePlacements().isEmpty()).toList();
            if (unplaced.isEmpty()) {
                break;
            }
            Map<ServiceSession, Placement> before = new IdentityHashMap<>();
            free.forEach(s -> before.put(s, s.getPlacement()));
            List<ServiceSession> out = new ArrayList<>();
            java.time.DayOfWeek day;
            if (random.nextInt(3) > 0) {
                ServiceSession forced = unplaced.get(random.nextInt(unplaced.size()));
                List<Placement> slots = forced.getCandidatePlacements();
                Placement slot = slots.get(random.nextInt(slots.size()));
                day = slot.day();
                int from = slot.startMinute() - AROUND_MINUTES;
                int to = slot.startMinute() + forced.getMinutes() + AROUND_MINUTES;
                for (ServiceSession s : free) {
                    if (s.isPlaced() && s.day() == slot.day() && s.start() < to && from < s.end()
                            && (s.isOwnProvider() || s.getStudentId().equals(forced.getStudentId()))) {
                        out.add(s);
                    }
                }
                forced.setPlacement(slot);
                if (!fitsAmongPlaced(schedule, forced, out)) {
                    forced.setPlacement(null);
                    continue;
                }
            } else {
                List<ServiceSession> placedNow = free.stream().filter(ServiceSession::isPlaced).toList();
                if (placedNow.isEmpty()) {
                    break;
                }
                ServiceSession centre = placedNow.get(random.nextInt(placedNow.size()));
                day = centre.day();
                int from = centre.start() - random.nextInt(WINDOW_MINUTES);
                int to = from + WINDOW_MINUTES;
                for (ServiceSession s : placedNow) {
                    if (s.day() == centre.day() && s.start() < to && from < s.end()) {
                        out.add(s);
                    }
                }
            }
            out.forEach(s -> s.setPlacement(null));
            // only the day taken apart has new room: the unplaced sessions that could go there try again
            List<ServiceSession> again = new ArrayList<>(out);
            free.stream().filter(s -> !s.isPlaced() && !out.contains(s))
                    .filter(s -> s.getCandidatePlacements().stream().anyMatch(p -> p.day() == day))
                    .forEach(again::add);
            GreedyScheduler.place(schedule, again, ServiceSession::setPlacement);
            int now = placedMinutes(free);
            double nowCost = preferenceCost(free);
            if (now > placed || now == placed && nowCost <= cost) {
                placed = now;
                cost = nowCost;
            } else {
                before.forEach(ServiceSession::setPlacement);
            }
        }
        return steps;
    }

    /** The forced session breaks no hard rule with the sessions that stay (all placed ones but {@code out}). */
    private static boolean fitsAmongPlaced(ServiceSchedule schedule, ServiceSession forced, List<ServiceSession> out) {
        List<ServiceSession> staying = new ArrayList<>();
        for (ServiceSession s : schedule.getSessions()) {
            if (s != forced && s.isPlaced() && s.day() == forced.day() && !out.contains(s)) {
                staying.add(s);
            }
        }
        java.util.Map<SchoolPair, Integer> travel = new java.util.HashMap<>();
        schedule.getTravelTimes().forEach(t -> travel.merge(t.pair(), t.minutes(), Math::max));
        Integer max = schedule.getDailyLimits() == null || schedule.getDailyLimits().isEmpty() ? null
                : schedule.getDailyLimits().get(0).maxSessionsPerDay();
        return FirstFitScheduler.fits(forced, staying, travel) && FirstFitScheduler.withinDailyMaximum(forced, staying, max);
    }

    /**
     * What the soft rules would charge, roughly and cheaply: push-in outside the goals' activities and
     * into reluctant teachers' blocks, pull-out minutes of core instruction, a student twice a day, a
     * group mandate's session placed alone.
     */
    static double preferenceCost(List<ServiceSession> sessions) {
        double cost = 0;
        Map<Object, Integer> groupMembers = new java.util.HashMap<>();
        Map<Object, Integer> studentDays = new java.util.HashMap<>();
        for (ServiceSession s : sessions) {
            if (!s.isPlaced()) {
                continue;
            }
            cost += GreedyScheduler.cost(s, List.of(), Map.of(), List.of());
            if (s.groupSlot() != null) {
                groupMembers.merge(s.groupSlot(), 1, Integer::sum);
            }
            if (studentDays.merge(List.of(s.getStudentId(), s.day()), 1, Integer::sum) > 1) {
                cost += ScheduleConstraintProvider.SPREAD_WEIGHT;
            }
        }
        for (ServiceSession s : sessions) {
            if (s.isPlaced() && s.groupSlot() != null && groupMembers.get(s.groupSlot()) == 1) {
                cost += s.getMinutes();
            }
        }
        return cost;
    }

    private static int placedMinutes(List<ServiceSession> sessions) {
        int minutes = 0;
        for (ServiceSession s : sessions) {
            if (s.isPlaced() && s.getMandate() != null && s.isOwnProvider()) {
                minutes += s.getMinutes();
            }
        }
        return minutes;
    }

    private static int pinnedMinutes(ServiceSchedule schedule) {
        int minutes = 0;
        for (ServiceSession s : schedule.getSessions()) {
            if (s.isPinned() && s.isPlaced() && s.getMandate() != null && s.isOwnProvider()) {
                minutes += s.getMinutes();
            }
        }
        return minutes;
    }
}
