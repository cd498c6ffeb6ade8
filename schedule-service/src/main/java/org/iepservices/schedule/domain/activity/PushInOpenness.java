package org.iepservices.schedule.domain.activity;

/**
 * What the class teacher said about a provider joining this block. NEVER is a refusal; on a core
 * block it also marks protected instruction (no push-in then, and no pulling a student out of it
 * either). One vocabulary for the stored blocks, the conflict rules, the push-in/pull-out
 * recommendation and the automatic scheduler.
 */
public enum PushInOpenness {
    WELCOMES,
    OPEN,
    PREFERS_NOT,
    NEVER
}
