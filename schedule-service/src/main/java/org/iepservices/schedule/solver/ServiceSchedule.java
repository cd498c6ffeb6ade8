package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;
import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.TravelTime;

import java.util.List;

/**
 * The planning solution: one provider's week. Hard: conflicts (double booking, availability, travel,
 * protected blocks, push-in rules, group size); medium: mandated minutes left unplaced; soft: how
 * well the week serves the students (alignment, rotation, grouping, spread, consistency, teachers).
 */
@PlanningSolution
public class ServiceSchedule {

    private ScheduleProblem problem;

    /** PlaceableMinutesBound of this week's problem, when computed (not a fact the rules read). */
    private PlaceableMinutesBound.Bound bound;

    @ProblemFactCollectionProperty
    private List<ActivityBlock> activityBlocks;

    @ProblemFactCollectionProperty
    private List<AvailabilityWindow> availability;

    @ProblemFactCollectionProperty
    private List<TravelTime> travelTimes;

    /** The provider's daily maximum, if any (zero or one element). */
    @ProblemFactCollectionProperty
    private List<DailyLimit> dailyLimits;

    @PlanningEntityCollectionProperty
    private List<ServiceSession> sessions;

    @PlanningScore
    private HardMediumSoftScore score;

    public ServiceSchedule() {
    }

    public ServiceSchedule(ScheduleProblem problem, List<ActivityBlock> activityBlocks,
                           List<AvailabilityWindow> availability, List<TravelTime> travelTimes,
                           List<ServiceSession> sessions) {
        this(problem, activityBlocks, availability, travelTimes, List.of(), sessions);
    }

    public ServiceSchedule(ScheduleProblem problem, List<ActivityBlock> activityBlocks,
                           List<AvailabilityWindow> availability, List<TravelTime> travelTimes,
                           List<DailyLimit> dailyLimits, List<ServiceSession> sessions) {
        this.problem = problem;
        this.dailyLimits = dailyLimits;
        this.activityBlocks = activityBlocks;
        this.availability = availability;
        this.travelTimes = travelTimes;
        this.sessions = sessions;
    }

    public PlaceableMinutesBound.Bound getBound() {
        return bound;
    }

    /** Computes the bound of placeable minutes once, before solving (ScheduleMetrics reports placed/bound). */
    public ServiceSchedule withBound() {
        this.bound = PlaceableMinutesBound.of(this);
        return this;
    }

    public void setBound(PlaceableMinutesBound.Bound bound) {
        this.bound = bound;
    }

    public ScheduleProblem getProblem() {
        return problem;
    }

    public List<ActivityBlock> getActivityBlocks() {
        return activityBlocks;
    }

    public List<AvailabilityWindow> getAvailability() {
        return availability;
    }

    public List<TravelTime> getTravelTimes() {
        return travelTimes;
    }

    public List<DailyLimit> getDailyLimits() {
        return dailyLimits;
    }

    public List<ServiceSession> getSessions() {
        return sessions;
    }

    public void setSessions(List<ServiceSession> sessions) {
        this.sessions = sessions;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
