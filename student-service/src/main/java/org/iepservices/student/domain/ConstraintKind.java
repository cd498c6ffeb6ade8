package org.iepservices.student.domain;

/** How a mandate's sessions relate to what the class is doing (an ActivitySubject). */
public enum ConstraintKind {
    /** Never schedule during that subject, e.g. no pull-out during core reading. */
    NOT_DURING_SUBJECT,
    /** Schedule during that subject when possible, e.g. language push-in during ELA. */
    PREFER_SUBJECT
}
