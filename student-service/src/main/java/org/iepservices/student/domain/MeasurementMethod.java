package org.iepservices.student.domain;

/** How progress on a goal is measured in session data (trials correct/total, tallies, time, rubric). */
public enum MeasurementMethod {
    PERCENT_ACCURACY,
    FREQUENCY,
    DURATION,
    RUBRIC
}
