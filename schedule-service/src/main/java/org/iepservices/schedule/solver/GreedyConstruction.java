package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The solver's first phase ({@code solverConfig.xml}): the week {@link GreedyScheduler} builds (most
 * constrained session first, in its best slot), then {@link RepackSearch} on placed minutes for at
 * most {@code repackMillis} (custom property; it stops earlier at the bound of placeable minutes), so
 * Timefold's local search starts from a week without hard conflicts that places most of what fits
 * and spends its time on the preferences. Timefold's own construction heuristics place sessions one
 * by one in a fixed order and judge each slot only by the score so far, which leaves the group slots
 * and the scarce slots to chance.
 *
 * <p>The search runs on the working solution's sessions as plain objects; the placements it ends with
 * are then told to the score director one by one (the state the director knew is restored first).
 */
public class GreedyConstruction implements PhaseCommand<ServiceSchedule> {

    private long repackMillis = 4000;

    /** Set from solverConfig.xml's custom properties. */
    public void setRepackMillis(String repackMillis) {
        this.repackMillis = Long.parseLong(repackMillis);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<ServiceSchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        ServiceSchedule schedule = scoreDirector.getWorkingSolution();
        long deadline = System.nanoTime() + repackMillis * 1_000_000;
        List<ServiceSession> free = schedule.getSessions().stream().filter(s -> !s.isPinned()).toList();
        Map<ServiceSession, Placement> known = new IdentityHashMap<>();
        free.forEach(s -> known.put(s, s.getPlacement()));

        if (schedule.getBound() == null) {
            schedule.setBound(PlaceableMinutesBound.of(schedule));
        }
        GreedyScheduler.schedule(schedule);
        RepackSearch.improve(schedule, schedule.getBound().upperBoundMinutes(), deadline, isPhaseTerminated, 17);

        Map<ServiceSession, Placement> found = new IdentityHashMap<>();
        free.forEach(s -> found.put(s, s.getPlacement()));
        known.forEach(ServiceSession::setPlacement);
        for (ServiceSession session : free) {
            Placement placement = found.get(session);
            if (!Objects.equals(placement, session.getPlacement())) {
                scoreDirector.beforeVariableChanged(session, "placement");
                session.setPlacement(placement);
                scoreDirector.afterVariableChanged(session, "placement");
            }
        }
        scoreDirector.triggerVariableListeners();
    }
}
