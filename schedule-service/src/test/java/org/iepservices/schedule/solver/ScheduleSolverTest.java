package org.iepservices.schedule.solver;

import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.recommendation.GoalArea;
import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.FixedSession;
import org.iepservices.schedule.solver.ScheduleProblem.Mandate;
import org.iepservices.schedule.solver.ScheduleProblem.Student;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.iepservices.events.ActivitySubject.*;
import static org.iepservices.schedule.solver.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The solver on whole weeks, without Quarkus. */
class ScheduleSolverTest {

    private final ScheduleSolver solver = new ScheduleSolver(Duration.ofSeconds(5), Duration.ofSeconds(1));

    @Test
    void aSchoolCaseloadIsPlacedInFullWithoutConflictsAndOnlyWherePossible() {
        ScheduleProblem problem = CaseloadGenerator.generate(7, 1, 14);
        ServiceSchedule solved = solver.solve(ScheduleBuilder.build(problem));
        ScheduleResult result = solver.result(solved);

        assertTrue(result.feasible(), result.score());
        assertEquals(0, result.metrics().hardConflicts());
        assertEquals(result.metrics().mandatedMinutes(), result.metrics().placedMinutes(), result.unplaced().toString());
        int mandated = problem.mandates().stream().mapToInt(Mandate::weeklyMinutes).sum();
        assertEquals(mandated, result.metrics().mandatedMinutes());
        for (ServiceSession session : solved.getSessions()) {
            assertTrue(session.getCandidatePlacements().contains(session.getPlacement()), session.toString());
        }
        // every participant of every planned session is a student of the problem, each mandate fully served
        for (Mandate mandate : problem.mandates()) {
            long pushIn = result.sessions().stream().filter(s -> s.setting() == ServiceSetting.PUSH_IN)
                    .flatMap(s -> s.students().stream()).filter(p -> p.mandateId().equals(mandate.mandateId())).count();
            long pullOut = result.sessions().stream().filter(s -> s.setting() == ServiceSetting.PULL_OUT)
                    .flatMap(s -> s.students().stream()).filter(p -> p.mandateId().equals(mandate.mandateId())).count();
            assertEquals(mandate.pushInSessionsPerWeek(), pushIn);
            assertEquals(mandate.pullOutSessionsPerWeek(), pullOut);
        }
    }

    @Test
    void stopsOnceEveryPlaceableMinuteIsPlaced() {
        ScheduleProblem problem = CaseloadGenerator.generate(7, 1, 14);
        ServiceSchedule schedule = ScheduleBuilder.build(problem);
        PlaceableMinutesBound.Bound bound = PlaceableMinutesBound.of(schedule);
        assertEquals(bound.mandatedMinutes(), bound.upperBoundMinutes()); // this caseload fits

        long start = System.nanoTime();
        ScheduleResult result = solver(Duration.ofSeconds(60)).result(solver(Duration.ofSeconds(60)).solve(schedule, bound));
        long seconds = (System.nanoTime() - start) / 1_000_000_000;

        assertEquals(bound.upperBoundMinutes(), result.metrics().placedMinutes());
        assertEquals(0, result.metrics().hardConflicts());
        assertEquals(bound.upperBoundMinutes(), result.metrics().upperBoundMinutes());
        assertEquals(1.0, result.metrics().placedShareOfBound());
        assertTrue(seconds < 30, "took " + seconds + " s of the 60 s limit");
    }

    private static ScheduleSolver solver(Duration spentLimit) {
        return new ScheduleSolver(spentLimit, null);
    }

    @Test
    void generatedCaseloadsAreValidProblems() {
        for (long seed = 1; seed <= 5; seed++) {
            ScheduleProblem problem = CaseloadGenerator.generate(seed, 3, 20);
            assertEquals(List.of(), problem.violations().stream().map(v -> v[0] + " " + v[1]).toList());
            assertEquals(60, problem.students().size());
        }
    }

    @Test
    void fixedSessionsStayAndAnotherProvidersSessionKeepsTheStudentBusy() {
        Student ana = student(SCHOOL_A, CLASS_1, "2", GoalArea.EXPRESSIVE_LANGUAGE);
        Mandate speech = individual(ana, 30, 0, 2);
        UUID otProvider = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        ScheduleProblem problem = new ScheduleProblem(provider, null, 5, List.of(ana), List.of(speech),
                List.of(block(CLASS_1, DayOfWeek.MONDAY, "09:00", "10:00", ELA_READING)),
                List.of(new AvailabilityWindow(SCHOOL_A, DayOfWeek.MONDAY, LocalTime.parse("09:00"), LocalTime.parse("10:30"))),
                List.of(),
                List.of(new FixedSession(UUID.randomUUID(), provider, speech.mandateId(), List.of(ana.studentId()),
                                ServiceSetting.PULL_OUT, SCHOOL_A, DayOfWeek.MONDAY, LocalTime.parse("10:00"), 30, null),
                        new FixedSession(UUID.randomUUID(), otProvider, null, List.of(ana.studentId()),
                                ServiceSetting.PULL_OUT, SCHOOL_A, DayOfWeek.MONDAY, LocalTime.parse("09:00"), 30, null)));

        ServiceSchedule schedule = ScheduleBuilder.build(problem);
        assertEquals(3, schedule.getSessions().size()); // fixed speech, OT, one speech session to place
        ScheduleResult result = solver.result(solver.solve(schedule));

        assertEquals(0, result.metrics().hardConflicts(), result.constraints().toString());
        assertEquals(60, result.metrics().placedMinutes());
        assertEquals(List.of(LocalTime.parse("09:30"), LocalTime.parse("10:00")),
                result.sessions().stream().map(ScheduleResult.PlannedSession::start).toList());
        assertTrue(result.sessions().get(1).fixed());
        assertFalse(result.sessions().get(0).fixed());
    }

    @Test
    void aSessionWithNowhereToGoIsReportedUnplacedWithTheReason() {
        Student ana = student(SCHOOL_A, CLASS_1, "2", GoalArea.PRAGMATICS);
        Mandate pushIn = individual(ana, 30, 1, 0);
        ScheduleProblem problem = new ScheduleProblem(UUID.randomUUID(), null, 5, List.of(ana), List.of(pushIn),
                List.of(block(CLASS_1, DayOfWeek.MONDAY, "11:30", "12:00", LUNCH)),
                List.of(new AvailabilityWindow(SCHOOL_A, DayOfWeek.MONDAY, LocalTime.parse("08:00"), LocalTime.parse("15:00"))),
                List.of(), List.of());
        ScheduleResult result = solver.result(solver.solve(ScheduleBuilder.build(problem)));

        assertEquals(0, result.metrics().placedMinutes());
        assertEquals(1, result.unplaced().size());
        assertTrue(result.unplaced().get(0).reason().contains("no structured block"));
        assertEquals("0hard/-30medium/0soft", result.score());
    }

    @Test
    void groupMandatesShareSessionsUpToTheirLimit() {
        List<Student> kids = List.of(student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION),
                student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION),
                student(SCHOOL_A, CLASS_2, "2", GoalArea.ARTICULATION));
        List<Mandate> mandates = kids.stream().map(k -> group(k, 30, 0, 1, 3)).toList();
        // one hour of provider time for 90 mandated minutes: only a group session fits them all
        ScheduleProblem problem = new ScheduleProblem(UUID.randomUUID(), null, 5, kids, mandates, List.of(),
                List.of(new AvailabilityWindow(SCHOOL_A, DayOfWeek.TUESDAY, LocalTime.parse("13:00"), LocalTime.parse("13:30"))),
                List.of(), List.of());
        ScheduleResult result = solver.result(solver.solve(ScheduleBuilder.build(problem)));

        assertEquals(0, result.metrics().hardConflicts());
        assertEquals(90, result.metrics().placedMinutes());
        assertEquals(1, result.sessions().size());
        assertEquals(Set.copyOf(kids.stream().map(Student::studentId).toList()),
                Set.copyOf(result.sessions().get(0).students().stream().map(ScheduleResult.Participant::studentId).toList()));
    }

    @Test
    void theDailyMaximumSpreadsSessionsOverTheWeekAndLeavesTheRestUnplaced() {
        List<Student> kids = List.of(student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION),
                student(SCHOOL_A, CLASS_1, "3", GoalArea.FLUENCY),
                student(SCHOOL_A, CLASS_1, "4", GoalArea.VOICE));
        List<Mandate> mandates = kids.stream().map(k -> individual(k, 30, 0, 1)).toList();
        List<AvailabilityWindow> mondayAndTuesday = List.of(
                new AvailabilityWindow(SCHOOL_A, DayOfWeek.MONDAY, LocalTime.parse("08:00"), LocalTime.parse("12:00")),
                new AvailabilityWindow(SCHOOL_A, DayOfWeek.TUESDAY, LocalTime.parse("08:00"), LocalTime.parse("12:00")));
        ScheduleProblem two = new ScheduleProblem(UUID.randomUUID(), null, 5, kids, mandates, List.of(),
                mondayAndTuesday, List.of(), List.of(), 2, false);
        ScheduleResult result = solver.result(solver.solve(ScheduleBuilder.build(two)));
        assertEquals(0, result.metrics().hardConflicts(), result.constraints().toString());
        assertEquals(90, result.metrics().placedMinutes());
        assertTrue(result.sessions().stream().collect(java.util.stream.Collectors.groupingBy(
                ScheduleResult.PlannedSession::day, java.util.stream.Collectors.counting())).values().stream()
                .allMatch(n -> n <= 2), result.sessions().toString());

        // one session a day on Monday only: two of the three cannot be placed
        ScheduleProblem one = new ScheduleProblem(UUID.randomUUID(), null, 5, kids, mandates, List.of(),
                mondayAndTuesday.subList(0, 1), List.of(), List.of(), 1, false);
        result = solver.result(solver.solve(ScheduleBuilder.build(one)));
        assertEquals(0, result.metrics().hardConflicts(), result.constraints().toString());
        assertEquals(30, result.metrics().placedMinutes());
        assertEquals(2, result.unplaced().size());
        ServiceSchedule firstFit = FirstFitScheduler.schedule(ScheduleBuilder.build(one));
        assertEquals(1, firstFit.getSessions().stream().filter(ServiceSession::isPlaced).count());
    }

    @Test
    void theProvidersSessionAtAnotherSchoolKeepsTheirTimeAndTheTripWhenPlanningOneSchool() {
        Student ana = student(SCHOOL_A, CLASS_1, "2", GoalArea.ARTICULATION);
        Student dee = student(SCHOOL_B, CLASS_2, "2", GoalArea.ARTICULATION);
        Mandate anas = individual(ana, 30, 0, 1);
        Mandate dees = individual(dee, 30, 0, 1);
        UUID provider = UUID.randomUUID();
        // Monday: at A 08:00-09:30, at B 09:30-11:00 (20 min apart); Dee is seen at B 09:30 already
        ScheduleProblem problem = new ScheduleProblem(provider, SCHOOL_A, 5, List.of(ana, dee), List.of(anas, dees),
                List.of(),
                List.of(new AvailabilityWindow(SCHOOL_A, DayOfWeek.MONDAY, LocalTime.parse("08:00"), LocalTime.parse("09:30")),
                        new AvailabilityWindow(SCHOOL_B, DayOfWeek.MONDAY, LocalTime.parse("09:30"), LocalTime.parse("11:00"))),
                List.of(new ScheduleProblem.TravelTime(SCHOOL_A, SCHOOL_B, 20)),
                List.of(new FixedSession(UUID.randomUUID(), provider, dees.mandateId(), List.of(dee.studentId()),
                        ServiceSetting.PULL_OUT, SCHOOL_B, DayOfWeek.MONDAY, LocalTime.parse("09:30"), 30, null)),
                null, false);
        ServiceSchedule schedule = ScheduleBuilder.build(problem);
        // Dee is not planned here (school B), but the provider's time with her is
        assertTrue(schedule.getSessions().stream().anyMatch(x -> x.isOwnProvider() && x.isPinned()
                && x.getMandate() == null));
        ScheduleResult result = solver.result(solver.solve(schedule));
        assertEquals(0, result.metrics().hardConflicts(), result.constraints().toString());
        assertEquals(30, result.metrics().placedMinutes());
        assertEquals(1, result.sessions().size(), "the session at the other school is not listed");
        // leaves 20 minutes to drive to B for 09:30
        assertFalse(result.sessions().get(0).end().isAfter(LocalTime.parse("09:10")), result.sessions().toString());
    }
}
