package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationCompositionStyle;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The solver outside Quarkus (benchmark, plain tests): the same {@code solverConfig.xml} the Quarkus
 * extension reads (phases, solution, entity, constraints), with a termination given by the caller,
 * and per problem the same early stop as a job: once the week places the bound of placeable minutes
 * ({@link PlaceableMinutesBound}) no search can place more.
 */
public final class ScheduleSolver {

    public static final String CONFIG = "solverConfig.xml";

    private final SolverConfig config;
    private final SolverFactory<ServiceSchedule> factory;
    private final SolutionManager<ServiceSchedule, HardMediumSoftScore> solutionManager;

    public ScheduleSolver(Duration spentLimit, Duration unimprovedSpentLimit) {
        this(spentLimit, unimprovedSpentLimit, UnaryOperator.identity());
    }

    /** {@code tune} may change the configuration read from the XML (the benchmark compares variants). */
    public ScheduleSolver(Duration spentLimit, Duration unimprovedSpentLimit, UnaryOperator<SolverConfig> tune) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(spentLimit);
        if (unimprovedSpentLimit != null) {
            termination.setUnimprovedSpentLimit(unimprovedSpentLimit);
        }
        this.config = tune.apply(SolverConfig.createFromXmlResource(CONFIG).withTerminationConfig(termination));
        this.factory = SolverFactory.create(config);
        this.solutionManager = SolutionManager.create(factory);
    }

    public ServiceSchedule solve(ServiceSchedule schedule) {
        return factory.buildSolver().solve(schedule);
    }

    /** Solves, stopping early once the week places the bound and a second brings no better soft score. */
    public ServiceSchedule solve(ServiceSchedule schedule, PlaceableMinutesBound.Bound bound) {
        TerminationConfig termination = config.getTerminationConfig().copyConfig();
        schedule.setBound(bound);
        return factory.buildSolver(new SolverConfigOverride<ServiceSchedule>()
                .withTerminationConfig(orAtBound(termination, bound, Duration.ofSeconds(1)))).solve(schedule);
    }

    /**
     * {@code termination}, or: the best week places every placeable minute ({@code bound}; no search
     * can place more) and {@code settle} went by without any improvement (the soft preferences may still
     * get better for a moment).
     */
    public static TerminationConfig orAtBound(TerminationConfig termination, PlaceableMinutesBound.Bound bound,
                                              Duration settle) {
        int unplaceable = bound.mandatedMinutes() - bound.upperBoundMinutes();
        TerminationConfig atBound = new TerminationConfig()
                .withTerminationCompositionStyle(TerminationCompositionStyle.AND)
                .withTerminationConfigList(List.of(
                        new TerminationConfig().withBestScoreLimit("0hard/" + (-unplaceable) + "medium/"
                                + Integer.MIN_VALUE + "soft"),
                        new TerminationConfig().withUnimprovedSpentLimit(settle)));
        return new TerminationConfig()
                .withTerminationCompositionStyle(TerminationCompositionStyle.OR)
                .withTerminationConfigList(List.of(termination, atBound));
    }

    public ScheduleResult result(ServiceSchedule schedule) {
        return ScheduleResult.of(schedule, solutionManager.analyze(schedule));
    }
}
