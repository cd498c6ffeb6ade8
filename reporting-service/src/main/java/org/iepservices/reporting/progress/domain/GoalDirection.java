package org.iepservices.reporting.progress.domain;

/**
 * Which way a goal's numbers should move. A skill to build (INCREASE: accuracy, turns taken, time on
 * task) improves as values rise; a behaviour to reduce (DECREASE: disfluencies, outbursts, their
 * length) improves as values fall. Trends, status against the target, charts and family wording all
 * read "better" through this, never through the sign of a number alone.
 */
public enum GoalDirection {
    INCREASE,
    DECREASE;

    /** The direction an event or projection row states; absent (older events) or unknown means INCREASE. */
    public static GoalDirection of(String name) {
        return "DECREASE".equals(name) ? DECREASE : INCREASE;
    }

    public boolean lowerIsBetter() {
        return this == DECREASE;
    }

    /** Whether {@code value} meets {@code target}: at or above it for INCREASE, at or below it for DECREASE. */
    public boolean meets(double value, double target) {
        return this == INCREASE ? value >= target : value <= target;
    }

    /** A change in value expressed as progress: positive when it moves the better way. */
    public double progress(double change) {
        return this == INCREASE ? change : -change;
    }
}
