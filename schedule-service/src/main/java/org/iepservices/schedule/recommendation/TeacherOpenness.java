package org.iepservices.schedule.recommendation;

/**
 * How the classroom teacher receives a provider during a block. NEVER also marks a protected block:
 * no push-in then, and no pulling the student out of it either.
 */
public enum TeacherOpenness {
    WELCOMES,
    OPEN,
    PREFERS_NOT,
    NEVER
}
