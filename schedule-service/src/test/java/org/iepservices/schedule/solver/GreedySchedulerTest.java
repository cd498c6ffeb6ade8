package org.iepservices.schedule.solver;

import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.recommendation.GoalArea;
import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.Student;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.iepservices.events.ActivitySubject.*;
import static org.iepservices.schedule.solver.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The greedy baseline: most constrained first, best slot first; and the repacking search after it. */
class GreedySchedulerTest {

    private static final DayOfWeek MON = DayOfWeek.MONDAY;

    /**
     * Ana can come at 09:00 or 09:30, Ben only at 09:00 (his class has protected reading at 09:30):
     * first-fit gives Ana 09:00 and leaves Ben out, the greedy serves Ben first and places both.
     */
    @Test
    void theMostConstrainedStudentGoesFirst() {
        Student ana = student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION);
        Student ben = student(SCHOOL_A, CLASS_2, "2", GoalArea.ARTICULATION);
        ScheduleProblem problem = new ScheduleProblem(UUID.randomUUID(), null, 30, List.of(ana, ben),
                List.of(individual(ana, 30, 0, 1), individual(ben, 30, 0, 1)),
                List.of(block(CLASS_2, MON, "09:30", "10:00", ELA_READING, true, Structure.HIGH, PushInOpenness.NEVER)),
                List.of(new AvailabilityWindow(SCHOOL_A, MON, LocalTime.parse("09:00"), LocalTime.parse("10:00"))),
                List.of(), List.of());

        ServiceSchedule firstFit = FirstFitScheduler.schedule(ScheduleBuilder.build(problem));
        assertEquals(30, ScheduleMetrics.of(firstFit, 0).placedMinutes());

        ServiceSchedule greedy = GreedyScheduler.schedule(ScheduleBuilder.build(problem));
        assertEquals(60, ScheduleMetrics.of(greedy, 0).placedMinutes());
        ServiceSession bens = greedy.getSessions().stream().filter(s -> s.getStudentId().equals(ben.studentId()))
                .findFirst().orElseThrow();
        assertEquals(minute("09:00"), bens.start());
    }

    /** Joining a group session already placed beats an empty slot: the provider's half hour serves both. */
    @Test
    void joinsAGroupBeforeTakingNewTime() {
        Student ana = student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION);
        Student ben = student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION);
        ScheduleProblem problem = new ScheduleProblem(UUID.randomUUID(), null, 30, List.of(ana, ben),
                List.of(group(ana, 30, 0, 1, 3), group(ben, 30, 0, 1, 3)), List.of(),
                List.of(new AvailabilityWindow(SCHOOL_A, MON, LocalTime.parse("09:00"), LocalTime.parse("11:00"))),
                List.of(), List.of());

        List<ServiceSession> sessions = GreedyScheduler.schedule(ScheduleBuilder.build(problem)).getSessions();
        assertEquals(sessions.get(0).getPlacement(), sessions.get(1).getPlacement());
        assertTrue(sessions.get(0).sharesGroupSlotWith(sessions.get(1)));
    }

    /** On generated caseloads: no hard conflict, at least what first-fit places, never above the bound. */
    @Test
    void noConflictsAndAtLeastFirstFitOnGeneratedCaseloads() {
        ScheduleSolver scoring = new ScheduleSolver(Duration.ofSeconds(1), null);
        for (long seed = 1; seed <= 3; seed++) {
            ScheduleProblem problem = CaseloadGenerator.generate(seed, 2, 10);
            ScheduleResult greedy = scoring.result(GreedyScheduler.schedule(ScheduleBuilder.build(problem)));
            ScheduleResult firstFit = scoring.result(FirstFitScheduler.schedule(ScheduleBuilder.build(problem)));
            int bound = PlaceableMinutesBound.of(ScheduleBuilder.build(problem)).upperBoundMinutes();

            assertEquals(0, greedy.metrics().hardConflicts(), greedy.constraints().toString());
            assertTrue(greedy.metrics().placedMinutes() >= firstFit.metrics().placedMinutes() - 30,
                    "seed " + seed + ": greedy " + greedy.metrics().placedMinutes() + ", first-fit "
                            + firstFit.metrics().placedMinutes());
            assertTrue(greedy.metrics().placedMinutes() <= bound);
        }
    }

    /** The repacking search keeps the week conflict-free and never places less than the greedy week it starts from. */
    @Test
    void repackingNeverLosesMinutesAndBreaksNoRule() {
        ScheduleSolver scoring = new ScheduleSolver(Duration.ofSeconds(1), null);
        ScheduleProblem problem = CaseloadGenerator.generate(3, 3, 20); // greedy leaves out 530 of 3020 placeable
        ServiceSchedule schedule = GreedyScheduler.schedule(ScheduleBuilder.build(problem));
        int greedy = ScheduleMetrics.of(schedule, 0).placedMinutes();
        int bound = PlaceableMinutesBound.of(schedule).upperBoundMinutes();

        int steps = RepackSearch.improve(schedule, bound, System.nanoTime() + 1_500_000_000L, () -> false, 1);
        ScheduleResult repacked = scoring.result(schedule);

        assertTrue(steps > 0);
        assertEquals(0, repacked.metrics().hardConflicts(), repacked.constraints().toString());
        assertTrue(repacked.metrics().placedMinutes() >= greedy);
        assertTrue(repacked.metrics().placedMinutes() <= bound);
    }
}
