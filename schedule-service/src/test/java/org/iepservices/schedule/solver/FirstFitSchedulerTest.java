package org.iepservices.schedule.solver;

import org.iepservices.schedule.recommendation.GoalArea;
import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.Mandate;
import org.iepservices.schedule.solver.ScheduleProblem.Student;
import org.iepservices.schedule.solver.ScheduleProblem.TravelTime;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.iepservices.schedule.solver.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class FirstFitSchedulerTest {

    private static AvailabilityWindow window(UUID school, DayOfWeek day, String start, String end) {
        return new AvailabilityWindow(school, day, LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void takesTheEarliestFreeSlotInCaseloadOrderAndLeavesTheRestUnplaced() {
        Student ana = student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION);
        Student ben = student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION);
        Student cal = student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION);
        ScheduleProblem problem = new ScheduleProblem(UUID.randomUUID(), null, 5, List.of(ana, ben, cal),
                List.of(individual(ana, 30, 0, 1), individual(ben, 30, 0, 1), individual(cal, 30, 0, 1)), List.of(),
                List.of(window(SCHOOL_A, DayOfWeek.MONDAY, "09:00", "10:00")), List.of(), List.of());
        ServiceSchedule schedule = FirstFitScheduler.schedule(ScheduleBuilder.build(problem));

        List<ServiceSession> sessions = schedule.getSessions();
        assertEquals(minute("09:00"), sessions.get(0).start());
        assertEquals(minute("09:30"), sessions.get(1).start());
        assertFalse(sessions.get(2).isPlaced());
    }

    @Test
    void aGroupIsOnlyAsLargeAsItsStrictestMemberAllows() {
        List<Student> kids = List.of(student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION),
                student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION),
                student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION),
                student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION));
        List<Mandate> mandates = List.of(group(kids.get(0), 30, 0, 1, 3), group(kids.get(1), 30, 0, 1, 4),
                group(kids.get(2), 30, 0, 1, 4), group(kids.get(3), 30, 0, 1, 4));
        ScheduleProblem problem = new ScheduleProblem(UUID.randomUUID(), null, 5, kids, mandates, List.of(),
                List.of(window(SCHOOL_A, DayOfWeek.MONDAY, "09:00", "10:00")), List.of(), List.of());
        List<ServiceSession> s = FirstFitScheduler.schedule(ScheduleBuilder.build(problem)).getSessions();

        assertEquals(List.of(minute("09:00"), minute("09:00"), minute("09:00"), minute("09:30")),
                s.stream().map(ServiceSession::start).toList());
    }

    @Test
    void groupsUpToTheLimitAndLeavesRoomForTravel() {
        Student ana = student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION);
        Student ben = student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION);
        Student cal = student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION);
        Student dee = student(SCHOOL_B, CLASS_2, "4", GoalArea.FINE_MOTOR);
        List<Mandate> mandates = List.of(group(ana, 30, 0, 1, 2), group(ben, 30, 0, 1, 2), group(cal, 30, 0, 1, 2),
                individual(dee, 30, 0, 1));
        ScheduleProblem problem = new ScheduleProblem(UUID.randomUUID(), null, 5, List.of(ana, ben, cal, dee),
                mandates, List.of(),
                List.of(window(SCHOOL_A, DayOfWeek.MONDAY, "09:00", "10:00"),
                        window(SCHOOL_B, DayOfWeek.MONDAY, "10:00", "11:00")),
                List.of(new TravelTime(SCHOOL_A, SCHOOL_B, 15)), List.of());
        ServiceSchedule schedule = FirstFitScheduler.schedule(ScheduleBuilder.build(problem));

        List<ServiceSession> s = schedule.getSessions();
        assertEquals(minute("09:00"), s.get(0).start());
        assertEquals(minute("09:00"), s.get(1).start()); // grouped with ana
        assertEquals(minute("09:30"), s.get(2).start()); // the group of two is full
        assertEquals(minute("10:15"), s.get(3).start()); // 15 minutes to drive from school A after 10:00

        ScheduleSolver scorer = new ScheduleSolver(Duration.ofSeconds(1), null);
        assertEquals(0, scorer.result(schedule).metrics().hardConflicts());
    }
}
