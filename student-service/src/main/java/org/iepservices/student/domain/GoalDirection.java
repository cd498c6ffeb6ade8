package org.iepservices.student.domain;

/**
 * Which way a goal's numbers should move. Most goals build a skill (INCREASE: more accurate, more
 * often, longer on task); some reduce something (DECREASE: fewer disfluencies, shorter or fewer
 * outbursts), and for those falling numbers are progress.
 */
public enum GoalDirection {
    INCREASE,
    DECREASE
}
