package org.iepservices.reporting.domain.compliance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What one mandate version requires per interval and setting, between its dates. "Speech 2 x
 * 30/week, 1 pull-out + 1 push-in" is minutesPerSession 30, pushInSessions 1, pullOutSessions 1,
 * WEEK. {@code endDate} is the day it stops being in force (superseded, ended, student left);
 * {@code statedEndDate} the end the IEP wrote, which an IEP-term mandate is prorated against.
 */
public record MandateTerms(UUID mandateId, String serviceType, int minutesPerSession, Interval interval,
                           int pushInSessions, int pullOutSessions, LocalDate startDate, LocalDate endDate,
                           LocalDate statedEndDate) {

    public enum Interval { WEEK, MONTH, IEP_TERM }

    public MandateTerms(UUID mandateId, String serviceType, int minutesPerSession, Interval interval,
                        int pushInSessions, int pullOutSessions, LocalDate startDate, LocalDate endDate) {
        this(mandateId, serviceType, minutesPerSession, interval, pushInSessions, pullOutSessions, startDate, endDate,
                endDate);
    }

    public SettingMinutes perInterval() {
        return new SettingMinutes(pushInSessions * minutesPerSession, pullOutSessions * minutesPerSession);
    }

    /** False when the mandate was superseded before it ever took effect. */
    public boolean inForce() {
        return !endDate.isBefore(startDate);
    }

    public static Interval interval(String name) {
        try {
            return Interval.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            // An interval this projection does not know is judged per IEP term rather than dropped.
            return Interval.IEP_TERM;
        }
    }
}
