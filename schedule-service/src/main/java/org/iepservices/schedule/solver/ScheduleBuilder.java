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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
        boolean coreProtected = problem.coreInstructionProtected();
        PlacementCache cache = new PlacementCache();

        List<ServiceSession> sessions = new ArrayList<>();
        Map<String, Integer> fixedCount = new HashMap<>();
        // Existing sessions, in two passes. First this provider's sessions serving a mandate planned
        // here: pinned, they count toward it. Then the rest: a session of this provider not counted
        // yet still takes the provider's time once (a commitment) and each student's; another
        // provider's only takes its students' time.
        Set<Object> providerTimeTaken = new HashSet<>();
        List<FixedSession> notCounted = new ArrayList<>();
        for (FixedSession fixed : problem.fixedSessions()) {
            boolean own = fixed.providerId() == null || fixed.providerId().equals(problem.providerId());
            Mandate mandate = fixed.mandateId() == null ? null : mandates.get(fixed.mandateId());
            List<UUID> counted = own && mandate != null
                    ? fixed.studentIds().stream().filter(id -> id.equals(mandate.studentId())).toList() : List.of();
            if (counted.isEmpty()) {
                notCounted.add(fixed);
                continue;
            }
            Student student = students.get(counted.get(0));
            sessions.add(new ServiceSession(fixedId(fixed, student.studentId()), student, mandate, fixed.setting(),
                    fixed.minutes(), classBlocks(student, blocksByClass), List.of())
                    .protectingCoreInstruction(coreProtected)
                    .pinAs(existingId(fixed), placement(fixed, blocksById, cache)));
            fixedCount.merge(mandate.mandateId() + "/" + fixed.setting(), 1, Integer::sum);
            providerTimeTaken.add(timeKey(fixed));
            if (fixed.studentIds().size() > 1) {
                // the other students of that session: busy then
                fixed.studentIds().stream().filter(id -> !id.equals(student.studentId()))
                        .forEach(id -> notCounted.add(new FixedSession(fixed.sessionId(), UUID.randomUUID(), null,
                                List.of(id), fixed.setting(), fixed.schoolId(), fixed.day(), fixed.start(),
                                fixed.minutes(), fixed.activityBlockId())));
            }
        }
        for (FixedSession fixed : notCounted) {
            boolean own = fixed.providerId() == null || fixed.providerId().equals(problem.providerId());
            Placement at = placement(fixed, blocksById, cache);
            for (UUID studentId : fixed.studentIds()) {
                String id = fixedId(fixed, studentId);
                if (own && providerTimeTaken.add(timeKey(fixed))) {
                    sessions.add(ServiceSession.ofOwnCommitment(id, studentId, fixed.schoolId(), fixed.setting(),
                            fixed.minutes(), at));
                } else {
                    sessions.add(ServiceSession.ofOtherProvider(id, studentId, fixed.schoolId(), fixed.setting(),
                            fixed.minutes(), at));
                }
            }
        }

        for (Mandate mandate : mandates.values()) {
            Student student = students.get(mandate.studentId());
            List<ActivityBlock> classBlocks = classBlocks(student, blocksByClass);
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
                            setting, mandate.minutesPerSession(), classBlocks, candidates)
                            .protectingCoreInstruction(coreProtected));
                }
            }
        }
        List<DailyLimit> limits = problem.maxSessionsPerDay() == null ? List.of()
                : List.of(new DailyLimit(problem.maxSessionsPerDay()));
        return new ServiceSchedule(problem, problem.activityBlocks(), problem.availability(), problem.travelTimes(),
                limits, sessions);
    }

    /** The blocks of every class of the student, main class first. */
    static List<ActivityBlock> classBlocks(Student student, Map<UUID, List<ActivityBlock>> blocksByClass) {
        return student.classIds().stream().flatMap(id -> blocksByClass.getOrDefault(id, List.of()).stream()).toList();
    }

    private static Placement placement(FixedSession fixed, Map<UUID, ActivityBlock> blocksById, PlacementCache cache) {
        ActivityBlock block = fixed.activityBlockId() == null ? null : blocksById.get(fixed.activityBlockId());
        return cache.of(fixed.day(), fixed.start().toSecondOfDay() / 60, block);
    }

    /** The existing session's id; without one each fixed session stands on its own. */
    private static UUID existingId(FixedSession fixed) {
        return fixed.sessionId() != null ? fixed.sessionId() : UUID.randomUUID();
    }

    private static String fixedId(FixedSession fixed, UUID studentId) {
        return "fixed/" + Objects.requireNonNullElseGet(fixed.sessionId(), UUID::randomUUID) + "/" + studentId;
    }

    /** One existing session's hold on the provider's time: its id, or (without one) its slot. */
    private static Object timeKey(FixedSession fixed) {
        return fixed.sessionId() != null ? fixed.sessionId()
                : List.of(fixed.day(), fixed.start(), fixed.minutes(), String.valueOf(fixed.schoolId()));
    }

    /** Grid starts inside a structured block of one of the student's classes that takes push-in, within availability. */
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
                                && b.closedToPullOut(mandate, problem.coreInstructionProtected()));
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
