package org.iepservices.schedule.solver;

import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * Where a session goes in the weekly template: a weekday and a start minute on the grid and, for a
 * push-in, the class activity block it joins. One value of the planning variable.
 */
public record Placement(DayOfWeek day, int startMinute, ActivityBlock block) {

    public LocalTime start() {
        return LocalTime.ofSecondOfDay(startMinute * 60L);
    }

    @Override
    public String toString() {
        return day.toString().substring(0, 3) + " " + start() + (block == null ? "" : " in " + block.subject());
    }
}
