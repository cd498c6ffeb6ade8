package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.recommendation.GoalArea;
import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;
import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.FixedSession;
import org.iepservices.schedule.solver.ScheduleProblem.Mandate;
import org.iepservices.schedule.solver.ScheduleProblem.Student;
import org.iepservices.schedule.solver.ScheduleProblem.TravelTime;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.iepservices.events.ActivitySubject.*;
import static org.iepservices.schedule.solver.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The bound of placeable minutes: exact on weeks simple enough to count by hand, and never below
 * what first-fit, greedy, the solver or a brute force over every week of a small problem places.
 */
class PlaceableMinutesBoundTest {

    private static final DayOfWeek MON = DayOfWeek.MONDAY;
    private static final DayOfWeek TUE = DayOfWeek.TUESDAY;

    private static final SolutionManager<ServiceSchedule, HardMediumSoftScore> SCORING = SolutionManager.create(
            SolverFactory.create(SolverConfig.createFromXmlResource(ScheduleSolver.CONFIG)
                    .withTerminationSpentLimit(Duration.ofSeconds(1))));

    // ------------------------------------------------------------ tight on simple weeks

    @Test
    void oneSessionThatFitsIsPlaceableInFull() {
        Student ana = student(SCHOOL_A, CLASS_1, "2");
        PlaceableMinutesBound.Bound bound = bound(problem(List.of(ana), List.of(individual(ana, 30, 0, 1)),
                List.of(), List.of(window(SCHOOL_A, MON, "09:00", "10:00")), List.of(), null));

        assertEquals(30, bound.upperBoundMinutes());
        assertEquals(30, bound.mandatedMinutes());
        assertEquals(1.0, bound.shareOf(30));
    }

    @Test
    void twoIndividualSessionsCompetingForHalfAnHourGetOneOfThem() {
        Student ana = student(SCHOOL_A, CLASS_1, "2");
        Student ben = student(SCHOOL_A, CLASS_1, "2");
        ScheduleProblem problem = problem(List.of(ana, ben),
                List.of(individual(ana, 30, 0, 1), individual(ben, 30, 0, 1)), List.of(),
                List.of(window(SCHOOL_A, MON, "09:00", "09:30")), List.of(), null);

        assertEquals(30, bound(problem).upperBoundMinutes());
        assertEquals(30, bruteForce(problem));
    }

    @Test
    void aGroupSharesTheProvidersHalfHourUpToItsLimit() {
        Student ana = student(SCHOOL_A, CLASS_1, "2");
        Student ben = student(SCHOOL_A, CLASS_1, "2");
        Student cleo = student(SCHOOL_A, CLASS_2, "2");
        List<Student> students = List.of(ana, ben, cleo);
        List<AvailabilityWindow> halfHour = List.of(window(SCHOOL_A, MON, "09:00", "09:30"));

        ScheduleProblem groupsOfThree = problem(students, List.of(group(ana, 30, 0, 1, 3), group(ben, 30, 0, 1, 3),
                group(cleo, 30, 0, 1, 3)), List.of(), halfHour, List.of(), null);
        assertEquals(90, bound(groupsOfThree).upperBoundMinutes());
        assertEquals(90, bruteForce(groupsOfThree));

        ScheduleProblem groupsOfTwo = problem(students, List.of(group(ana, 30, 0, 1, 2), group(ben, 30, 0, 1, 2),
                group(cleo, 30, 0, 1, 2)), List.of(), halfHour, List.of(), null);
        assertEquals(60, bound(groupsOfTwo).upperBoundMinutes());
        assertEquals(60, bruteForce(groupsOfTwo));

        // a group mandate with nobody to share a slot with costs the provider's whole half hour
        Student dan = student(SCHOOL_B, CLASS_2, "2");
        ScheduleProblem alone = problem(List.of(ana, dan), List.of(group(ana, 30, 0, 1, 4), group(dan, 20, 0, 1, 4)),
                List.of(), List.of(window(SCHOOL_A, MON, "09:00", "09:30"), window(SCHOOL_B, MON, "09:00", "09:30")),
                List.of(), null);
        assertEquals(30, bound(alone).upperBoundMinutes());
        assertEquals(30, bruteForce(alone));
    }

    @Test
    void travelBetweenSchoolsTakesTheProvidersMinutes() {
        Student ana = student(SCHOOL_A, CLASS_1, "2");
        Student ben = student(SCHOOL_B, CLASS_2, "2");
        List<Mandate> mandates = List.of(individual(ana, 30, 0, 1), individual(ben, 30, 0, 1));
        List<AvailabilityWindow> backToBack = List.of(window(SCHOOL_A, MON, "09:00", "09:30"),
                window(SCHOOL_B, MON, "09:30", "10:00"));

        ScheduleProblem withDrive = problem(List.of(ana, ben), mandates, List.of(), backToBack,
                List.of(new TravelTime(SCHOOL_A, SCHOOL_B, 15)), null);
        // 15 of the hour go to the drive; the relaxation lets pieces of sessions fill the other 45 (a
        // real week fits only one session): above the best week, never below it
        assertEquals(45, bound(withDrive).upperBoundMinutes());
        assertEquals(30, bruteForce(withDrive));

        ScheduleProblem nextDoor = problem(List.of(ana, ben), mandates, List.of(), backToBack, List.of(), null);
        assertEquals(60, bound(nextDoor).upperBoundMinutes());
        assertEquals(60, bruteForce(nextDoor));
    }

    @Test
    void pullOutOnlyOutsideProtectedCoreAndPushInOnlyIntoOpenBlocks() {
        Student ana = student(SCHOOL_A, CLASS_1, "2", GoalArea.EXPRESSIVE_LANGUAGE);
        ActivityBlock protectedEla = block(CLASS_1, MON, "09:00", "10:00", ELA_READING, true, Structure.HIGH,
                PushInOpenness.NEVER);
        ActivityBlock lunch = block(CLASS_1, MON, "10:00", "10:30", LUNCH, false, Structure.LOW, PushInOpenness.OPEN);
        ScheduleProblem problem = problem(List.of(ana), List.of(individual(ana, 30, 1, 2)),
                List.of(protectedEla, lunch), List.of(window(SCHOOL_A, MON, "09:00", "10:30")), List.of(), null);

        PlaceableMinutesBound.Bound bound = bound(problem);
        // one pull-out in lunch; the second pull-out has no other time, the push-in no block that takes it
        assertEquals(30, bound.upperBoundMinutes());
        assertEquals(90, bound.mandatedMinutes());
        assertEquals(30, bound.withoutPlacementMinutes());
        assertEquals(30, bruteForce(problem));
    }

    @Test
    void existingSessionsKeepTheirTimeAndCount() {
        Student ana = student(SCHOOL_A, CLASS_1, "2");
        Student ben = student(SCHOOL_A, CLASS_1, "2");
        Mandate anaSpeech = individual(ana, 30, 0, 2);
        UUID provider = UUID.randomUUID();
        ScheduleProblem problem = new ScheduleProblem(provider, null, 5, List.of(ana, ben),
                List.of(anaSpeech, individual(ben, 30, 0, 1)), List.of(),
                List.of(window(SCHOOL_A, MON, "09:00", "10:30")), List.of(),
                List.of(new FixedSession(UUID.randomUUID(), provider, anaSpeech.mandateId(), List.of(ana.studentId()),
                                ServiceSetting.PULL_OUT, SCHOOL_A, MON, LocalTime.parse("09:00"), 30, null),
                        // another provider has Ben 09:30-10:30, and the provider has Ana 09:00-09:30
                        new FixedSession(UUID.randomUUID(), UUID.randomUUID(), null, List.of(ben.studentId()),
                                ServiceSetting.PULL_OUT, SCHOOL_A, MON, LocalTime.parse("09:30"), 60, null)));

        PlaceableMinutesBound.Bound bound = bound(problem);
        // Ana's fixed 30 count; her second session fits 09:30-10:30; Ben has no free half hour left
        assertEquals(60, bound.upperBoundMinutes());
        assertEquals(30, bound.fixedMinutes());
        assertEquals(60, bruteForce(problem));
    }

    @Test
    void theDailyMaximumCapsTheDay() {
        Student ana = student(SCHOOL_A, CLASS_1, "2");
        Student ben = student(SCHOOL_A, CLASS_1, "2");
        ScheduleProblem problem = new ScheduleProblem(UUID.randomUUID(), null, 30, List.of(ana, ben),
                List.of(individual(ana, 30, 0, 1), individual(ben, 30, 0, 1)), List.of(),
                List.of(window(SCHOOL_A, MON, "09:00", "11:00")), List.of(), List.of(), 1, false);

        assertEquals(30, bound(problem).upperBoundMinutes());
        assertEquals(30, bruteForce(problem));
    }

    // ------------------------------------------------------------ never below what is placed

    @Test
    void neverBelowTheBestWeekOfSmallRandomProblems() {
        Random random = new Random(17);
        int tight = 0;
        for (int i = 0; i < 40; i++) {
            ScheduleProblem problem = smallRandomProblem(random);
            int best = bruteForce(problem);
            int bound = bound(problem).upperBoundMinutes();
            assertTrue(best <= bound, "problem " + i + ": brute force " + best + " > bound " + bound);
            if (best == bound) {
                tight++;
            }
        }
        // the relaxation is exact on most of these small weeks
        assertTrue(tight >= 30, "tight on " + tight + " of 40");
    }

    @Test
    void neverBelowWhatTheSchedulersPlaceOnGeneratedCaseloads() {
        ScheduleSolver solver = new ScheduleSolver(Duration.ofSeconds(2), Duration.ofMillis(500));
        for (long seed = 1; seed <= 3; seed++) {
            ScheduleProblem problem = CaseloadGenerator.generate(seed, 2, 8);
            int bound = bound(problem).upperBoundMinutes();
            int firstFit = placed(solver, FirstFitScheduler.schedule(ScheduleBuilder.build(problem)));
            int greedy = placed(solver, GreedyScheduler.schedule(ScheduleBuilder.build(problem)));
            int solved = placed(solver, solver.solve(ScheduleBuilder.build(problem)));
            assertTrue(firstFit <= bound && greedy <= bound && solved <= bound,
                    "seed " + seed + ": bound " + bound + ", first-fit " + firstFit + ", greedy " + greedy
                            + ", solver " + solved);
        }
    }

    private static int placed(ScheduleSolver solver, ServiceSchedule schedule) {
        ScheduleResult result = solver.result(schedule);
        assertEquals(0, result.metrics().hardConflicts(), result.constraints().toString());
        return result.metrics().placedMinutes();
    }

    /**
     * One or two schools a short drive apart, one or two days with an hour or an hour and a half at
     * each, three to five students with 30-minute mandates (individual or groups of two or three,
     * pull-out, push-in or both), a class day with core ELA (sometimes closed to pull-out), centers and
     * lunch; a 30-minute grid keeps every week countable.
     */
    static ScheduleProblem smallRandomProblem(Random random) {
        List<UUID> schools = random.nextBoolean() ? List.of(SCHOOL_A) : List.of(SCHOOL_A, SCHOOL_B);
        List<ActivityBlock> blocks = new ArrayList<>();
        List<UUID> classes = List.of(CLASS_1, CLASS_2);
        for (UUID classId : classes) {
            for (DayOfWeek day : List.of(MON, TUE)) {
                blocks.add(block(classId, day, "09:00", "10:00", ELA_READING, true, Structure.HIGH,
                        random.nextInt(3) == 0 ? PushInOpenness.NEVER : PushInOpenness.OPEN));
                blocks.add(block(classId, day, "10:00", "10:30", CENTERS, false,
                        random.nextBoolean() ? Structure.HIGH : Structure.LOW, PushInOpenness.WELCOMES));
                blocks.add(block(classId, day, "10:30", "11:00", LUNCH, false, Structure.LOW, PushInOpenness.OPEN));
            }
        }
        List<AvailabilityWindow> windows = new ArrayList<>();
        windows.add(window(schools.get(0), MON, "09:00", random.nextBoolean() ? "10:00" : "10:30"));
        if (schools.size() > 1) {
            windows.add(window(schools.get(1), MON, "10:30", "11:00"));
        }
        if (random.nextBoolean()) {
            windows.add(window(schools.get(schools.size() - 1), TUE, "09:30", "11:00"));
        }
        List<Student> students = new ArrayList<>();
        List<Mandate> mandates = new ArrayList<>();
        int count = 3 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            Student s = student(schools.get(i % schools.size()), classes.get(random.nextInt(2)), "2");
            students.add(s);
            int pushIn = random.nextInt(3) == 0 ? 1 : 0;
            int pullOut = pushIn == 1 && random.nextBoolean() ? 0 : 1;
            mandates.add(random.nextBoolean() ? individual(s, 30, pushIn, pullOut)
                    : group(s, 30, pushIn, pullOut, 2 + random.nextInt(2)));
        }
        List<TravelTime> travel = schools.size() > 1 ? List.of(new TravelTime(SCHOOL_A, SCHOOL_B, 15)) : List.of();
        return new ScheduleProblem(UUID.randomUUID(), null, 30, students, mandates, blocks, windows, travel, List.of(),
                random.nextInt(4) == 0 ? 2 : null, random.nextInt(3) == 0);
    }

    /** The most mandated minutes of any week free of hard conflicts: every assignment tried, scored by Timefold. */
    static int bruteForce(ScheduleProblem problem) {
        ServiceSchedule schedule = ScheduleBuilder.build(problem);
        List<ServiceSession> free = schedule.getSessions().stream().filter(s -> !s.isPinned()).toList();
        long combinations = 1;
        for (ServiceSession s : free) {
            combinations *= s.getCandidatePlacements().size() + 1;
        }
        assertTrue(combinations <= 200_000, "too many weeks to try: " + combinations);
        int best = -1;
        int[] choice = new int[free.size()];
        for (long n = 0; n < combinations; n++) {
            long rest = n;
            for (int i = 0; i < free.size(); i++) {
                ServiceSession s = free.get(i);
                int options = s.getCandidatePlacements().size() + 1;
                choice[i] = (int) (rest % options);
                rest /= options;
                s.setPlacement(choice[i] == 0 ? null : s.getCandidatePlacements().get(choice[i] - 1));
            }
            HardMediumSoftScore score = SCORING.update(schedule);
            if (score.hardScore() == 0) {
                best = Math.max(best, ScheduleMetrics.of(schedule, 0).placedMinutes());
            }
        }
        return best;
    }

    private static PlaceableMinutesBound.Bound bound(ScheduleProblem problem) {
        return PlaceableMinutesBound.of(ScheduleBuilder.build(problem));
    }

    private static ScheduleProblem problem(List<Student> students, List<Mandate> mandates, List<ActivityBlock> blocks,
                                           List<AvailabilityWindow> windows, List<TravelTime> travel, Integer max) {
        return new ScheduleProblem(UUID.randomUUID(), null, 30, students, mandates, blocks, windows, travel, List.of(),
                max, false);
    }

    private static AvailabilityWindow window(UUID school, DayOfWeek day, String from, String to) {
        return new AvailabilityWindow(school, day, LocalTime.parse(from), LocalTime.parse(to));
    }
}
