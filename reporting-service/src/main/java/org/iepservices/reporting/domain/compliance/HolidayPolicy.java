package org.iepservices.reporting.domain.compliance;

import java.time.LocalDate;

/**
 * What a district does with a weekly or monthly mandate in a period with non-instructional days
 * (holidays, breaks, professional days), a setting per district.
 *
 * <p>Under both policies, days outside the IEP term and outside the school year carry no mandate:
 * a period partly outside is prorated by the days inside over the period's weekdays.
 */
public enum HolidayPolicy {

    /**
     * The mandate is prorated by instructional days: mandated = stated × instructional days
     * covered ÷ weekdays of the period (60 min/week with 3 of 5 days instructional: 36).
     */
    PRORATE,

    /**
     * The mandate stays whole, and the sessions the student's series would have held on a
     * non-instructional day are excused: the period requires mandated − those minutes.
     */
    EXCUSE;

    /** The days of [from, to] that carry the mandate under this policy (the numerator of proration). */
    public int mandateDays(SchoolCalendar calendar, LocalDate from, LocalDate to) {
        return this == PRORATE ? calendar.countInstructionalDays(from, to)
                : calendar.countSchoolYearWeekdays(from, to);
    }

    /** PRORATE unless {@code name} names the other policy (null or unknown: the given default). */
    public static HolidayPolicy parse(String name, HolidayPolicy otherwise) {
        if (name == null) {
            return otherwise;
        }
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }
}
