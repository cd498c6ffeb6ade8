package org.iepservices.reporting.progress.service;

import org.iepservices.reporting.progress.domain.GoalDataPoint;
import org.iepservices.reporting.progress.domain.GoalEvaluation;
import org.iepservices.reporting.progress.projection.ProgressGoal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One goal of a student: its wording from the latest IEP version that states it (null while no IEP
 * event naming it has arrived), its data points in date order and their evaluation.
 *
 * @param inCurrentIep whether the IEP in force (latest version effective by the reference date)
 *                     lists this goal (or a goal it continues)
 * @param continuesGoalIds the goals of earlier versions this one continues, nearest first: their
 *                     data points are among {@code points}
 */
public record GoalProgress(UUID studentId, UUID goalId, ProgressGoal wording, IepVersion iep, boolean inCurrentIep,
                           List<GoalDataPoint> points, GoalEvaluation evaluation, List<UUID> continuesGoalIds) {

    /** This goal or one it continues. */
    public boolean answersTo(UUID id) {
        return goalId.equals(id) || continuesGoalIds.contains(id);
    }

    public boolean known() {
        return wording != null;
    }

    public LocalDate iepEndDate() {
        return iep == null ? null : iep.lastDay();
    }

    public Integer targetPercent() {
        return wording == null ? null : wording.targetPercent;
    }

    public String measurementMethod() {
        return wording == null ? null : wording.measurementMethod;
    }

    public List<GoalDataPoint> pointsBetween(LocalDate from, LocalDate to) {
        return points.stream().filter(p -> !p.date().isBefore(from) && !p.date().isAfter(to)).toList();
    }
}
