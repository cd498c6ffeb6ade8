package org.iepservices.reporting.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.iepservices.events.ServiceSetting;
import org.iepservices.reporting.progress.config.ProgressConfig;
import org.iepservices.reporting.progress.domain.GoalDataPoint;
import org.iepservices.reporting.progress.domain.GoalDirection;
import org.iepservices.reporting.progress.domain.GoalEvaluation;
import org.iepservices.reporting.progress.domain.GoalSpec;
import org.iepservices.reporting.progress.domain.ProgressRules;
import org.iepservices.reporting.progress.projection.ProgressGoal;
import org.iepservices.reporting.progress.projection.ProgressGoalPoint;
import org.iepservices.reporting.projection.Sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a student's goals and goal data and evaluates them. Which IEP version words a goal, and
 * which version is in force, is decided here from the versions' effective dates (never from the
 * order their events arrived in). Goals and goal data are the progress projection's; the IEP
 * versions and the sessions' credit (date, setting, minutes after addenda) are the compliance
 * consumers' copies of the same events.
 */
@ApplicationScoped
public class GoalProgressService {

    private static final Comparator<IepVersion> BY_EFFECTIVE = Comparator
            .comparing(IepVersion::effectiveFrom)
            .thenComparing(IepVersion::eventTime);

    private final EntityManager em;
    private final Sql sql;
    private final ProgressRules rules;

    GoalProgressService(EntityManager em, Sql sql, ProgressConfig config) {
        this.em = em;
        this.sql = sql;
        this.rules = config.rules();
    }

    public ProgressRules rules() {
        return rules;
    }

    /**
     * Every goal of the student: those of the IEP in force on {@code asOf} first (in the IEP's
     * order), then goals of other versions, then goals known only from session data. Evaluations
     * use the points dated up to {@code asOf} (all points when null).
     */
    public List<GoalProgress> goals(UUID studentId, LocalDate asOf) {
        Map<UUID, IepVersion> ieps = iepVersions(studentId);
        IepVersion inForce = ieps.values().stream()
                .filter(i -> asOf == null || !i.effectiveFrom().isAfter(asOf))
                .max(BY_EFFECTIVE)
                .orElseGet(() -> ieps.values().stream().min(BY_EFFECTIVE).orElse(null));

        // The wording of each goal comes from the latest version that lists it.
        List<ProgressGoal> allVersions = ProgressGoal.list("studentId", studentId);
        Map<UUID, ProgressGoal> wording = new HashMap<>();
        for (ProgressGoal g : allVersions) {
            IepVersion version = ieps.get(g.key.iepId());
            if (version == null) {
                continue;
            }
            ProgressGoal known = wording.get(g.key.goalId());
            if (known == null || BY_EFFECTIVE.compare(version, ieps.get(known.key.iepId())) > 0) {
                wording.put(g.key.goalId(), g);
            }
        }
        Map<UUID, List<GoalDataPoint>> ownPoints = pointsByGoal(studentId);
        // Chains as of asOf: a report on a past period names a goal as the versions in force then word it.
        GoalChains chains = GoalChains.of(allVersions.stream()
                .filter(g -> asOf == null || (ieps.containsKey(g.key.iepId())
                        && !ieps.get(g.key.iepId()).effectiveFrom().isAfter(asOf)))
                .toList());

        List<UUID> order = new ArrayList<>();
        List<ProgressGoal> current = allVersions.stream()
                .filter(g -> inForce != null && g.key.iepId().equals(inForce.iepId()))
                .sorted(Comparator.comparingInt(g -> g.position))
                .toList();
        current.forEach(g -> order.add(g.key.goalId()));
        wording.values().stream()
                .filter(g -> !order.contains(g.key.goalId()))
                .sorted(Comparator.comparing((ProgressGoal g) -> ieps.get(g.key.iepId()), BY_EFFECTIVE.reversed())
                        .thenComparingInt(g -> g.position))
                .forEach(g -> order.add(g.key.goalId()));
        ownPoints.keySet().stream().filter(id -> !order.contains(id)).forEach(order::add);

        // A goal continued by a later version's goal is listed once, as the latest goal of its chain.
        List<UUID> heads = order.stream().map(chains::latest).distinct().toList();
        List<GoalProgress> result = new ArrayList<>();
        for (UUID goalId : heads) {
            ProgressGoal goal = wording.get(goalId);
            IepVersion iep = goal == null ? null : ieps.get(goal.key.iepId());
            List<UUID> earlier = chains.continued(goalId);
            boolean inCurrent = current.stream().anyMatch(g -> g.key.goalId().equals(goalId)
                    || earlier.contains(g.key.goalId()));
            List<GoalDataPoint> points = new ArrayList<>();
            for (int i = earlier.size() - 1; i >= 0; i--) {
                points.addAll(ownPoints.getOrDefault(earlier.get(i), List.of()));
            }
            points.addAll(ownPoints.getOrDefault(goalId, List.of()));
            points.sort(Comparator.comparing(GoalDataPoint::date)); // stable: same-day points keep their order
            result.add(progress(studentId, goalId, goal, iep, inCurrent, points, asOf, earlier));
        }
        return result;
    }

    public Optional<GoalProgress> goal(UUID studentId, UUID goalId) {
        // A goal an amendment continued answers with the goal that continues it, data of both included.
        return goals(studentId, null).stream().filter(g -> g.answersTo(goalId)).findFirst();
    }

    /** Evaluates one goal as of {@code asOf} (all points when null). */
    public GoalProgress progress(UUID studentId, UUID goalId, ProgressGoal wording, IepVersion iep,
                                 boolean inCurrentIep, List<GoalDataPoint> points, LocalDate asOf,
                                 List<UUID> continuesGoalIds) {
        List<GoalDataPoint> upTo = asOf == null ? points
                : points.stream().filter(p -> !p.date().isAfter(asOf)).toList();
        GoalEvaluation evaluation = GoalEvaluation.of(spec(wording), iep == null ? null : iep.lastDay(), upTo, rules);
        return new GoalProgress(studentId, goalId, wording, iep, inCurrentIep, points, evaluation,
                List.copyOf(continuesGoalIds));
    }

    /** How the IEP judges the goal; a goal known only from session data: higher is better, no target. */
    static GoalSpec spec(ProgressGoal wording) {
        if (wording == null) {
            return GoalSpec.UNKNOWN;
        }
        return new GoalSpec(wording.measurementMethod, GoalDirection.of(wording.direction), wording.targetPercent,
                wording.targetValue, wording.durationUnit, wording.scaleMin, wording.scaleMax);
    }

    /** The student's IEP versions with their early ends, by id. */
    private Map<UUID, IepVersion> iepVersions(UUID studentId) {
        Map<UUID, IepVersion> versions = new HashMap<>();
        sql.list("""
                select v.iep_id, v.effective_from, v.end_date, e.ended_on, v.event_time
                from iep_version v left join iep_ending e on e.iep_id = v.iep_id
                where v.student_id = ?""", rs -> versions.put(rs.uuid("iep_id"), new IepVersion(rs.uuid("iep_id"),
                rs.date("effective_from"), rs.date("end_date"), rs.date("ended_on"), rs.timestamp("event_time"))),
                studentId);
        return versions;
    }

    /**
     * The student's goal data from sessions that count (still credited with minutes), in session
     * order, each dated and placed in the setting of its session after addenda. A session amended
     * to 0 minutes did not happen for the student: its data is left out.
     */
    Map<UUID, List<GoalDataPoint>> pointsByGoal(UUID studentId) {
        List<Object[]> rows = em.createQuery("select p, d.sessionDate, d.setting from ProgressGoalPoint p, "
                        + "DeliveredSession d, ProgressSession s "
                        + "where d.key.sessionLogId = p.key.sessionLogId and d.key.studentId = p.key.studentId "
                        + "and s.key.sessionLogId = p.key.sessionLogId and s.key.studentId = p.key.studentId "
                        + "and p.key.studentId = :student and d.minutes > 0 "
                        + "order by d.sessionDate, s.startTime nulls first, p.key.sessionLogId, p.key.position",
                Object[].class).setParameter("student", studentId).getResultList();
        Map<UUID, List<GoalDataPoint>> byGoal = new LinkedHashMap<>();
        for (Object[] row : rows) {
            ProgressGoalPoint p = (ProgressGoalPoint) row[0];
            byGoal.computeIfAbsent(p.goalId, id -> new ArrayList<>()).add(new GoalDataPoint(p.key.sessionLogId(),
                    p.goalId, (LocalDate) row[1], (ServiceSetting) row[2], p.measure, p.correct, p.total, p.percent,
                    p.count, p.intervalsObserved, p.intervalsWithBehavior, p.cueLevel, p.probeResult, p.note,
                    p.durationSeconds, p.rubricScore));
        }
        return byGoal;
    }
}
