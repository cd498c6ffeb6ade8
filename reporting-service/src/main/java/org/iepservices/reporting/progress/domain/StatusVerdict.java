package org.iepservices.reporting.progress.domain;

import java.time.LocalDate;

/**
 * A goal's status with the numbers it was decided on, so a reader can check it.
 *
 * @param target          the numeric target (percent), null if none
 * @param projectionDate  the date the trend was projected to (the IEP's end date)
 * @param projectedValue  the trend line's value on that date (percent clamped to 0-100)
 * @param lastAtOrAboveTarget how many of the most recent points in a row are at or above target
 */
public record StatusVerdict(GoalStatus status, Double target, LocalDate projectionDate, Double projectedValue,
                            int lastAtOrAboveTarget) {
}
