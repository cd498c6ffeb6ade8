package org.iepservices.schedule.solver;

import java.time.Duration;
import java.util.Locale;

/**
 * Timefold against first-fit on the same generated caseloads (60 students in 3 schools by default),
 * in one process. Run with {@code bench/scheduler.sh [seconds] [seeds] [studentsPerSchool]}.
 */
public final class SchedulerBenchmark {

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int perSchool = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        ScheduleSolver solver = new ScheduleSolver(Duration.ofSeconds(seconds), null);

        // warm-up: class loading and JIT must not be billed to whichever runs first
        ScheduleProblem warmUp = CaseloadGenerator.generate(999, 1, 8);
        FirstFitScheduler.schedule(ScheduleBuilder.build(warmUp));
        new ScheduleSolver(Duration.ofSeconds(2), null).solve(ScheduleBuilder.build(warmUp));

        System.out.printf(Locale.ROOT, "caseload: %d students in 3 schools, Timefold spent limit %ds, %d seeds%n",
                3 * perSchool, seconds, seeds);
        System.out.printf(Locale.ROOT, "%-5s %-9s %10s %8s %6s %9s %11s %8s %9s  %s%n", "seed", "scheduler",
                "placed/man", "placed%", "hard", "unplaced", "PI aligned", "PO !core", "time ms", "score");
        double[] sum = new double[8];
        for (int seed = 1; seed <= seeds; seed++) {
            ScheduleProblem problem = CaseloadGenerator.generate(seed, 3, perSchool);

            long t0 = System.nanoTime();
            ServiceSchedule greedy = FirstFitScheduler.schedule(ScheduleBuilder.build(problem));
            long greedyMs = (System.nanoTime() - t0) / 1_000_000;
            ScheduleResult greedyResult = solver.result(greedy);

            long t1 = System.nanoTime();
            ServiceSchedule solved = solver.solve(ScheduleBuilder.build(problem));
            long timefoldMs = (System.nanoTime() - t1) / 1_000_000;
            ScheduleResult timefoldResult = solver.result(solved);

            print(seed, "first-fit", greedyResult, greedyMs);
            print(seed, "timefold", timefoldResult, timefoldMs);
            sum[0] += greedyResult.metrics().placedShare();
            sum[1] += timefoldResult.metrics().placedShare();
            sum[2] += greedyResult.metrics().pushInAlignment();
            sum[3] += timefoldResult.metrics().pushInAlignment();
            sum[4] += greedyResult.metrics().pullOutOutsideCore();
            sum[5] += timefoldResult.metrics().pullOutOutsideCore();
            sum[6] += greedyResult.metrics().hardConflicts();
            sum[7] += timefoldResult.metrics().hardConflicts();
        }
        System.out.printf(Locale.ROOT, "mean placed: first-fit %.1f%%, timefold %.1f%% (ratio %.2f)%n",
                100 * sum[0] / seeds, 100 * sum[1] / seeds, sum[1] / sum[0]);
        System.out.printf(Locale.ROOT, "mean push-in minutes in goal-matching activities: first-fit %.1f%%, timefold %.1f%%%n",
                100 * sum[2] / seeds, 100 * sum[3] / seeds);
        System.out.printf(Locale.ROOT, "mean pull-out minutes outside core: first-fit %.1f%%, timefold %.1f%%%n",
                100 * sum[4] / seeds, 100 * sum[5] / seeds);
        System.out.printf(Locale.ROOT, "hard conflicts in all: first-fit %.0f, timefold %.0f%n", sum[6], sum[7]);
    }

    private static void print(int seed, String name, ScheduleResult result, long ms) {
        ScheduleMetrics m = result.metrics();
        System.out.printf(Locale.ROOT, "%-5d %-9s %5d/%-4d %7.1f%% %6d %9d %10.1f%% %7.1f%% %9d  %s%n", seed, name,
                m.placedMinutes(), m.mandatedMinutes(), 100 * m.placedShare(), m.hardConflicts(), m.unplacedSessions(),
                100 * m.pushInAlignment(), 100 * m.pullOutOutsideCore(), ms, result.score());
    }
}
