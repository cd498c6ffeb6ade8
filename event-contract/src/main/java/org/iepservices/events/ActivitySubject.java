package org.iepservices.events;

import java.util.Set;

/**
 * What a class is doing during an activity block: the shared vocabulary of class activities
 * (schedule-service), mandate constraints (student-service) and what pull-out costs (reporting).
 */
public enum ActivitySubject {
    ELA_READING,
    WRITING,
    MATH,
    SCIENCE,
    SOCIAL_STUDIES,
    CENTERS,
    SPECIALS,
    MORNING_MEETING,
    INDEPENDENT_WORK,
    LUNCH,
    RECESS,
    TRANSITION,
    ARRIVAL,
    DISMISSAL,
    OTHER;

    /** Blocks with nothing to push into: a push-in there is "performative" at best. */
    public static final Set<ActivitySubject> NON_INSTRUCTIONAL = Set.of(LUNCH, RECESS, TRANSITION, ARRIVAL, DISMISSAL);
}
