package org.iepservices.schedule.solver;

import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;
import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.FixedSession;
import org.iepservices.schedule.solver.ScheduleProblem.Mandate;
import org.iepservices.schedule.solver.ScheduleProblem.Student;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a {@link ScheduleProblem} into the planning solution: one {@link ServiceSession} per student,
 * mandate, setting and weekly session still to place, each with the placements that can work for it,
 * plus pinned sessions for what already exists.
 */
public final class ScheduleBuilder {

    private ScheduleBuilder() {
    }

    public static ServiceSchedule build(ScheduleProblem problem) {
        Map<UUID, Student> students = problem.students().stream()
                .filter(s -> problem.schoolId() == null || problem.schoolId().equals(s.schoolId()))
                .collect(Collectors.toMap(Student::studentId, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        Map<UUID, List<ActivityBlock>> blocksByClass = problem.activityBlocks().stream()
                .collect(Collectors.groupingBy(ActivityBlock::classId));
        Map<UUID, Mandate> mandates = problem.mandates().stream()
                .filter(m -> students.containsKey(m.studentId()))
                .collect(Collectors.toMap(Mandate::mandateId, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        Map<UUID, ActivityBlock> blocksById = problem.activityBlocks().stream()
                .collect(Collectors.toMap(ActivityBlock::blockId, Function.identity(), (a, b) -> a));
        PlacementCache cache = new PlacementCache();

        List<ServiceSession> sessions = new ArrayList<>();
        Map<String, Integer> fixedCount = new HashMap<>();
        for (FixedSession fixed : problem.fixedSessions()) {
            boolean own = fixed.providerId() == null || fixed.providerId().equals(problem.providerId());
            ActivityBlock block = fixed.activityBlockId() == null ? null : blocksById.get(fixed.activityBlockId());
            Placement at = cache.of(fixed.day(), fixed.start().toSecondOfDay() / 60, block);
            for (UUID studentId : fixed.studentIds()) {
                String id = "fixed/" + Objects.requireNonNullElse(fixed.sessionId(), UUID.randomUUID()) + "/" + studentId;
                Mandate mandate = fixed.mandateId() == null ? null : mandates.get(fixed.mandateId());
                Student student = students.get(studentId);
                if (own && mandate != null && student != null) {
                    List<ActivityBlock> classBlocks = blocksByClass.getOrDefault(student.classId(), List.of());
                    sessions.add(new ServiceSession(id, student, mandate, fixed.setting(), fixed.minutes(),
                            classBlocks, List.of()).pinAt(at));
                    fixedCount.merge(mandate.mandateId() + "/" + fixed.setting(), 1, Integer::sum);
                } else {
                    // another provider's session, or one outside this caseload: it only keeps the student busy
                    sessions.add(ServiceSession.ofOtherProvider(id, studentId, fixed.schoolId(), fixed.setting(),
                            fixed.minutes(), at));
                }
            }
        }

        for (Mandate mandate : mandates.values()) {
            Student student = students.get(mandate.studentId());
            List<ActivityBlock> classBlocks = blocksByClass.getOrDefault(student.classId(), List.of());
            for (ServiceSetting setting : List.of(ServiceSetting.PUSH_IN, ServiceSetting.PULL_OUT)) {
                int toPlace = mandate.sessions(setting) - fixedCount.getOrDefault(mandate.mandateId() + "/" + setting, 0);
                if (toPlace <= 0) {
                    continue;
                }
                List<Placement> candidates = setting == ServiceSetting.PUSH_IN
                        ? pushInCandidates(problem, student, mandate, classBlocks, cache)
                        : pullOutCandidates(problem, student, mandate, classBlocks, cache);
                for (int i = 1; i <= toPlace; i++) {
                    sessions.add(new ServiceSession(mandate.mandateId() + "/" + setting + "/" + i, student, mandate,
                            setting, mandate.minutesPerSession(), classBlocks, candidates));
                }
            }
        }
        return new ServiceSchedule(problem, problem.activityBlocks(), problem.availability(), problem.travelTimes(),
                sessions);
    }

    /** Grid starts inside a structured block of the student's class that takes push-in, within availability. */
    static List<Placement> pushInCandidates(ScheduleProblem problem, Student student, Mandate mandate,
                                            List<ActivityBlock> classBlocks, PlacementCache cache) {
        int minutes = mandate.minutesPerSession();
        List<Placement> result = new ArrayList<>();
        classBlocks.stream().filter(ActivityBlock::takesPushIn)
                .sorted(Comparator.comparing(ActivityBlock::day).thenComparing(ActivityBlock::start))
                .forEach(block -> {
                    for (int start = alignUp(block.startMinute(), problem.gridMinutes());
                         start + minutes <= block.endMinute(); start += problem.gridMinutes()) {
                        if (available(problem, student.schoolId(), block.day(), start, start + minutes)) {
                            result.add(cache.of(block.day(), start, block));
                        }
                    }
                });
        return List.copyOf(result);
    }

    /** Grid starts within availability at the student's school that do not cut into a protected block. */
    static List<Placement> pullOutCandidates(ScheduleProblem problem, Student student, Mandate mandate,
                                             List<ActivityBlock> classBlocks, PlacementCache cache) {
        int minutes = mandate.minutesPerSession();
        List<Placement> result = new ArrayList<>();
        problem.availability().stream().filter(w -> w.schoolId().equals(student.schoolId()))
                .sorted(Comparator.comparing(AvailabilityWindow::day).thenComparing(AvailabilityWindow::start))
                .forEach(window -> {
                    for (int start = alignUp(window.startMinute(), problem.gridMinutes());
                         start + minutes <= window.endMinute(); start += problem.gridMinutes()) {
                        int from = start;
                        boolean protectedOverlap = classBlocks.stream().anyMatch(b -> b.day() == window.day()
                                && b.startMinute() < from + minutes && from < b.endMinute()
                                && (b.protectedCore() || mandate.notDuringSubjects().contains(b.subject())));
                        if (!protectedOverlap) {
                            result.add(cache.of(window.day(), start, null));
                        }
                    }
                });
        return List.copyOf(result);
    }

    static boolean available(ScheduleProblem problem, UUID schoolId, DayOfWeek day, int start, int end) {
        return problem.availability().stream().anyMatch(w -> w.schoolId().equals(schoolId) && w.day() == day
                && w.startMinute() <= start && end <= w.endMinute());
    }

    private static int alignUp(int minute, int grid) {
        return ((minute + grid - 1) / grid) * grid;
    }

    /** One instance per distinct placement, shared by every session's value range. */
    static final class PlacementCache {
        private final Map<Placement, Placement> instances = new HashMap<>();

        Placement of(DayOfWeek day, int start, ActivityBlock block) {
            return instances.computeIfAbsent(new Placement(day, start, block), Function.identity());
        }
    }
}
