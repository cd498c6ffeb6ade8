package org.iepservices.session.domain;

/**
 * How goal data was taken. TRIALS: correct/total (percent accuracy); FREQUENCY: a tally;
 * INTERVAL: intervals observed / intervals with the target behaviour; PROBE: a structured probe at
 * the end of a session (may be scored as correct/total); ANECDOTAL: a note only; DURATION: how long
 * something lasted, in seconds (a DURATION goal's data); RUBRIC: a score on the goal's rubric scale
 * (a RUBRIC goal's data).
 */
public enum GoalMeasure {
    TRIALS,
    FREQUENCY,
    INTERVAL,
    PROBE,
    ANECDOTAL,
    DURATION,
    RUBRIC
}
