package org.iepservices.schedule.domain.conflict;

/** Every way a proposed session can clash with the schedule, the school day or the IEP. */
public enum ConflictKind {
    /** The provider has another session at that time. */
    PROVIDER_DOUBLE_BOOKED,
    /** A student has another session (any provider) at that time. */
    STUDENT_DOUBLE_BOOKED,
    /** The provider is not available at that school then. */
    OUTSIDE_PROVIDER_AVAILABILITY,
    /** Too little time to travel between two schools on the same day. */
    INSUFFICIENT_TRAVEL_TIME,
    /** More sessions on a day than the provider's maximum. */
    PROVIDER_DAILY_MAX_EXCEEDED,
    /** A pull-out during core instruction of the student's class (severity by district policy). */
    PULL_OUT_DURING_CORE,
    /** A pull-out during a subject the student's mandate excludes (NOT_DURING_SUBJECT). */
    PULL_OUT_DURING_EXCLUDED_SUBJECT,
    /** A push-in into lunch, recess, a transition, no activity at all, or an unstructured block. */
    NOTHING_TO_PUSH_INTO,
    /** A push-in into a block whose teacher said NEVER (hard) or PREFERS_NOT (soft). */
    TEACHER_DECLINES_PUSH_IN,
    /** A push-in into a class the student is not enrolled in. */
    STUDENT_NOT_IN_CLASS,
    /** More students than the mandate's maximum group size. */
    GROUP_TOO_LARGE,
    /** A group session for a mandate that says INDIVIDUAL. */
    GROUP_FOR_INDIVIDUAL_MANDATE,
    /** A setting the mandate has no sessions of. */
    SETTING_NOT_MANDATED,
    /** More weekly series of a setting than the mandate's frequency of that setting. */
    SETTING_OVER_MANDATE,
    /**
     * On an early-release day the session runs past the shortened dismissal: soft for a series (move
     * or cancel that date), hard for a move onto that date.
     */
    AFTER_EARLY_DISMISSAL,
    /**
     * The IEP changed (amendment, new version) and the continuing mandate no longer fits the series'
     * minutes, setting or group size: reschedule it.
     */
    MANDATE_CHANGED
}
