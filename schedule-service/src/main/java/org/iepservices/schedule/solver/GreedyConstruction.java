package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import java.util.function.BooleanSupplier;

/**
 * The solver's construction phase ({@code solverConfig.xml}): the week {@link GreedyScheduler} builds
 * (most constrained session first, in its best slot), told to the score director placement by
 * placement, so local search starts from a week without hard conflicts that already places most of
 * what fits. Timefold's own construction heuristics place sessions one by one in a fixed order and
 * judge each slot only by the score so far, which leaves the group slots and the scarce slots to
 * chance.
 */
public class GreedyConstruction implements PhaseCommand<ServiceSchedule> {

    @Override
    public void changeWorkingSolution(ScoreDirector<ServiceSchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        GreedyScheduler.place(scoreDirector.getWorkingSolution(), (session, placement) -> {
            scoreDirector.beforeVariableChanged(session, "placement");
            session.setPlacement(placement);
            scoreDirector.afterVariableChanged(session, "placement");
        });
        scoreDirector.triggerVariableListeners();
    }
}
