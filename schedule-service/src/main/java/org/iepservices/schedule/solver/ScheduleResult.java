package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A planned week as plain data: the sessions (a group session once, with all its students), the
 * sessions that found no slot and why, the score per rule and the metrics. Accepting a job turns each
 * planned session that is not fixed into a recurring series (service.ScheduleAcceptance).
 */
public record ScheduleResult(String score, boolean feasible, ScheduleMetrics metrics, List<PlannedSession> sessions,
                             List<UnplacedSession> unplaced, List<ConstraintScore> constraints) {

    /**
     * One weekly session; {@code students} has several entries for a group session. {@code sessionId}
     * names it for accepting (the same for the same students, mandates and settings in the same job);
     * {@code fixed}: it exists already, and {@code sessionId} is then the existing session's (series') id.
     */
    public record PlannedSession(UUID sessionId, ServiceSetting setting, String serviceType, UUID schoolId, DayOfWeek day,
                                 LocalTime start, LocalTime end, int minutes, UUID classId, UUID activityBlockId,
                                 ActivitySubject activitySubject, boolean fixed, List<Participant> students) {
    }

    public record Participant(UUID studentId, UUID mandateId) {
    }

    public record UnplacedSession(UUID studentId, UUID mandateId, ServiceSetting setting, int minutes, String reason) {
    }

    /** What one rule contributes to the score, and how many times it matched. */
    public record ConstraintScore(String constraint, String score, int matches) {
    }

    public static ScheduleResult of(ServiceSchedule schedule, ScoreAnalysis<HardMediumSoftScore> analysis) {
        long hardConflicts = hardConflicts(analysis);
        Map<Object, List<ServiceSession>> bySlot = new LinkedHashMap<>();
        List<UnplacedSession> unplaced = new ArrayList<>();
        // this provider's sessions serving a planned mandate (commitments elsewhere are not listed)
        List<ServiceSession> own = schedule.getSessions().stream()
                .filter(s -> s.isOwnProvider() && s.getMandate() != null)
                .sorted(Comparator.comparing((ServiceSession s) -> s.isPlaced() ? s.day() : DayOfWeek.SUNDAY)
                        .thenComparingInt(s -> s.isPlaced() ? s.start() : 0)
                        .thenComparing(ServiceSession::getId))
                .toList();
        for (ServiceSession s : own) {
            if (!s.isPlaced()) {
                unplaced.add(new UnplacedSession(s.getStudentId(), s.mandateId(), s.getSetting(), s.getMinutes(),
                        s.getCandidatePlacements().isEmpty() ? noCandidateReason(s)
                                : "every possible slot conflicts with other sessions or the provider's time"));
                continue;
            }
            Object key = s.groupSlot() != null ? s.groupSlot() : s.getId();
            bySlot.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<PlannedSession> planned = new ArrayList<>();
        for (List<ServiceSession> members : bySlot.values()) {
            ServiceSession first = members.get(0);
            ActivityBlock block = first.block();
            planned.add(new PlannedSession(sessionId(members), first.getSetting(), first.getMandate().serviceType(),
                    first.getSchoolId(), first.day(), LocalTime.ofSecondOfDay(first.start() * 60L),
                    LocalTime.ofSecondOfDay(first.end() * 60L), first.getMinutes(),
                    block != null ? block.classId() : first.classId(), block == null ? null : block.blockId(),
                    block == null ? null : block.subject(), first.isPinned(),
                    members.stream().map(m -> new Participant(m.getStudentId(), m.mandateId())).toList()));
        }
        List<ConstraintScore> constraints = analysis.constraintAnalyses().stream()
                .filter(c -> !c.score().isZero())
                .sorted(Comparator.comparing(ConstraintAnalysis::score))
                .map(c -> new ConstraintScore(c.constraintName(), c.score().toString(), c.matchCount()))
                .toList();
        HardMediumSoftScore score = analysis.score();
        return new ScheduleResult(score.toString(), score.isFeasible(), ScheduleMetrics.of(schedule, hardConflicts),
                planned, unplaced, constraints);
    }

    /**
     * The result naming only the students in {@code named}: a session keeps its place (and its fixed
     * time) but lists only those students, and is left out when it has students but none of them is
     * named; unplaced sessions of other students are left out.
     */
    public ScheduleResult naming(Set<UUID> named) {
        List<PlannedSession> shown = new ArrayList<>();
        for (PlannedSession s : sessions) {
            List<Participant> kept = s.students().stream().filter(p -> named.contains(p.studentId())).toList();
            if (kept.isEmpty() && !s.students().isEmpty()) {
                continue;
            }
            shown.add(new PlannedSession(s.sessionId(), s.setting(), s.serviceType(), s.schoolId(), s.day(), s.start(),
                    s.end(), s.minutes(), s.classId(), s.activityBlockId(), s.activitySubject(), s.fixed(), kept));
        }
        return new ScheduleResult(score, feasible, metrics, shown,
                unplaced.stream().filter(u -> named.contains(u.studentId())).toList(), constraints);
    }

    /** Every student the result names. */
    public Set<UUID> studentIds() {
        Set<UUID> ids = new java.util.LinkedHashSet<>();
        sessions.forEach(s -> s.students().forEach(p -> ids.add(p.studentId())));
        unplaced.forEach(u -> ids.add(u.studentId()));
        return ids;
    }

    /** Number of matches of hard rules: each is one conflict (a double booking, a session outside availability...). */
    public static long hardConflicts(ScoreAnalysis<HardMediumSoftScore> analysis) {
        return analysis.constraintAnalyses().stream()
                .filter(c -> c.score().hardScore() < 0)
                .mapToLong(ConstraintAnalysis::matchCount)
                .sum();
    }

    /**
     * A name for a planned session: an existing one keeps its own id (the series id); a new one gets
     * one derived from its members' planning ids, stable for a given solution.
     */
    static UUID sessionId(List<ServiceSession> members) {
        if (members.get(0).getExistingSessionId() != null) {
            return members.get(0).getExistingSessionId();
        }
        String key = members.stream().map(ServiceSession::getId).sorted().collect(Collectors.joining(","));
        return UUID.nameUUIDFromBytes(("planned-session:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String noCandidateReason(ServiceSession s) {
        return s.isPushIn()
                ? "no structured block of the student's class that takes push-in while the provider is at the school"
                : "the provider is never at the student's school long enough outside protected blocks";
    }
}
