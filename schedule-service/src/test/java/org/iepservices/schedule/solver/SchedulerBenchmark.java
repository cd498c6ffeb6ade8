package org.iepservices.schedule.solver;

import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * First-fit, the greedy baseline and Timefold on the same generated caseloads, each measured against
 * the upper bound of placeable minutes ({@link PlaceableMinutesBound}), in one process. Run with
 * {@code bench/scheduler.sh [seconds] [seeds] [studentsPerSchool] [schools] [runs]}; every caseload
 * is solved {@code runs} times (the solver stops on time, so runs differ), the summary gives the
 * median with min and max over every seed and run.
 *
 * <p>System properties try solver variants without editing solverConfig.xml: {@code -Dls=TABU_SEARCH}
 * (local search type), {@code -Dthreads=2} (move threads), {@code -DtimefoldCh=true} (Timefold's
 * construction heuristic instead of the greedy one), {@code -DstopAtBound=false}.
 */
public final class SchedulerBenchmark {

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int perSchool = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int schools = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        boolean stopAtBound = Boolean.parseBoolean(System.getProperty("stopAtBound", "true"));
        UnaryOperator<SolverConfig> tune = SchedulerBenchmark::variant;
        ScheduleSolver solver = new ScheduleSolver(Duration.ofSeconds(seconds), null, tune);

        // warm-up: class loading and JIT must not be billed to whichever runs first
        ScheduleProblem warmUp = CaseloadGenerator.generate(999, 1, 8);
        FirstFitScheduler.schedule(ScheduleBuilder.build(warmUp));
        GreedyScheduler.schedule(ScheduleBuilder.build(warmUp));
        PlaceableMinutesBound.of(ScheduleBuilder.build(warmUp));
        new ScheduleSolver(Duration.ofSeconds(2), null, tune).solve(ScheduleBuilder.build(warmUp));

        System.out.printf(Locale.ROOT, "caseload: %d students in %d schools, solver spent limit %ds%s, %d seeds x %d runs,"
                        + " %d cores, variant %s%n", schools * perSchool, schools, seconds,
                stopAtBound ? " (stops at the bound)" : "", seeds, runs, Runtime.getRuntime().availableProcessors(),
                System.getProperties().entrySet().stream().filter(e -> List.of("ls", "threads", "timefoldCh")
                        .contains(String.valueOf(e.getKey()))).toList());
        System.out.printf(Locale.ROOT, "%-4s %-3s %-9s %10s %6s %8s %8s %4s %9s %9s %8s  %s%n", "seed", "run", "scheduler",
                "placed/man", "bound", "placed%", "of bound", "hard", "PI goals", "PO !core", "ms", "score");
        Map<String, List<double[]>> all = new LinkedHashMap<>();
        for (int seed = 1; seed <= seeds; seed++) {
            ScheduleProblem problem = CaseloadGenerator.generate(seed, schools, perSchool);
            long tb = System.nanoTime();
            PlaceableMinutesBound.Bound bound = PlaceableMinutesBound.of(ScheduleBuilder.build(problem));
            long boundMs = (System.nanoTime() - tb) / 1_000_000;
            System.out.printf(Locale.ROOT, "%-4d     bound: %d of %d mandated minutes (%.1f%%; %d minutes have no "
                            + "possible slot), computed in %d ms%n", seed, bound.upperBoundMinutes(),
                    bound.mandatedMinutes(), 100.0 * bound.upperBoundMinutes() / bound.mandatedMinutes(),
                    bound.withoutPlacementMinutes(), boundMs);
            for (int run = 1; run <= runs; run++) {
                // alternate the order, so neither baseline always runs on a cold or a hot machine
                List<String> order = run % 2 == 1 ? List.of("first-fit", "greedy", "timefold")
                        : List.of("timefold", "greedy", "first-fit");
                for (String name : order) {
                    ServiceSchedule schedule = ScheduleBuilder.build(problem);
                    long t0 = System.nanoTime();
                    ServiceSchedule done = switch (name) {
                        case "first-fit" -> FirstFitScheduler.schedule(schedule);
                        case "greedy" -> GreedyScheduler.schedule(schedule);
                        default -> stopAtBound ? solver.solve(schedule, bound) : solver.solve(schedule);
                    };
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    ScheduleResult result = solver.result(done);
                    ScheduleMetrics m = result.metrics();
                    double ofBound = bound.shareOf(m.placedMinutes());
                    System.out.printf(Locale.ROOT, "%-4d %-3d %-9s %5d/%-4d %6d %7.1f%% %7.1f%% %4d %8.1f%% %8.1f%% %8d  %s%n",
                            seed, run, name, m.placedMinutes(), m.mandatedMinutes(), bound.upperBoundMinutes(),
                            100 * m.placedShare(), 100 * ofBound, m.hardConflicts(), 100 * m.pushInAlignment(),
                            100 * m.pullOutOutsideCore(), ms, result.score());
                    all.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[]{100 * ofBound,
                            100 * m.placedShare(), m.hardConflicts(), ms, 100 * m.pushInAlignment(),
                            100 * m.pullOutOutsideCore()});
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "summary over %d seeds x %d runs: median [min, max]%n", seeds, runs);
        System.out.printf(Locale.ROOT, "%-9s %-22s %-22s %-6s %-24s %-22s %-22s%n", "scheduler", "placed/bound %",
                "placed/mandated %", "hard", "time ms", "PI goals %", "PO !core %");
        for (Map.Entry<String, List<double[]>> e : all.entrySet()) {
            List<double[]> rows = e.getValue();
            System.out.printf(Locale.ROOT, "%-9s %-22s %-22s %-6s %-24s %-22s %-22s%n", e.getKey(), stats(rows, 0, "%.1f"),
                    stats(rows, 1, "%.1f"), String.format(Locale.ROOT, "%.0f", rows.stream().mapToDouble(r -> r[2]).sum()),
                    stats(rows, 3, "%.0f"), stats(rows, 4, "%.1f"), stats(rows, 5, "%.1f"));
        }
    }

    private static String stats(List<double[]> rows, int column, String format) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", median, v[0], v[v.length - 1]);
    }

    /** The solver configuration with the variant the system properties ask for. */
    static SolverConfig variant(SolverConfig config) {
        String threads = System.getProperty("threads");
        if (threads != null) {
            config.setMoveThreadCount(threads);
        }
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        if (Boolean.getBoolean("timefoldCh")) {
            phases.set(0, new ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig());
        }
        String ls = System.getProperty("ls");
        if (ls != null) {
            phases.set(phases.size() - 1, new LocalSearchPhaseConfig().withLocalSearchType(LocalSearchType.valueOf(ls)));
        }
        config.setPhaseConfigList(phases);
        return config;
    }

}
