package org.iepservices.student.domain;

/** The period a mandate's frequency refers to. */
public enum MandateInterval {
    WEEK,
    MONTH,
    IEP_TERM
}
