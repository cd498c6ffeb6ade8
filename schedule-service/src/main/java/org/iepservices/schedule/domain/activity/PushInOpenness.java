package org.iepservices.schedule.domain.activity;

/** What the class teacher said about a provider joining this block. NEVER is a refusal. */
public enum PushInOpenness {
    WELCOMES,
    OPEN,
    PREFERS_NOT,
    NEVER
}
