package org.iepservices.schedule.domain;

/** Why students are not in school on a date. CLOSURE is unplanned (snow day, emergency). */
public enum DayKind {
    HOLIDAY,
    BREAK,
    PROFESSIONAL_DAY,
    CLOSURE
}
