package org.iepservices.reporting.progress.domain;

import java.time.LocalDate;

/**
 * A goal's status with the numbers it was decided on, so a reader can check it.
 *
 * @param target          the numeric target in the goal's metric, null if none
 * @param projectionDate  the date the trend was projected to (the IEP's end date)
 * @param projectedValue  the trend line's value on that date (within the metric's range: 0-100 for percent,
 *                        not below 0, on the rubric's scale)
 * @param lastMeetingTarget how many of the most recent points in a row meet the target (at or above it for an
 *                        INCREASE goal, at or below it for a DECREASE goal)
 */
public record StatusVerdict(GoalStatus status, Double target, LocalDate projectionDate, Double projectedValue,
                            int lastMeetingTarget) {
}
