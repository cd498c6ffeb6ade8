package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;

/**
 * The solver outside Quarkus (benchmark, plain tests): the same solution, entity and constraints the
 * Quarkus extension finds by itself, with a termination given by the caller.
 */
public final class ScheduleSolver {

    private final SolverFactory<ServiceSchedule> factory;
    private final SolutionManager<ServiceSchedule, HardMediumSoftScore> solutionManager;

    public ScheduleSolver(Duration spentLimit, Duration unimprovedSpentLimit) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(spentLimit);
        if (unimprovedSpentLimit != null) {
            termination.setUnimprovedSpentLimit(unimprovedSpentLimit);
        }
        this.factory = SolverFactory.create(new SolverConfig()
                .withSolutionClass(ServiceSchedule.class)
                .withEntityClasses(ServiceSession.class)
                .withConstraintProviderClass(ScheduleConstraintProvider.class)
                .withTerminationConfig(termination));
        this.solutionManager = SolutionManager.create(factory);
    }

    public ServiceSchedule solve(ServiceSchedule schedule) {
        return factory.buildSolver().solve(schedule);
    }

    public ScheduleResult result(ServiceSchedule schedule) {
        return ScheduleResult.of(schedule, solutionManager.analyze(schedule));
    }
}
