package org.iepservices.schedule.domain.scheduling;

import org.iepservices.events.ServiceSetting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a mandate asks for, as the scheduling rules read it: frequency and duration per interval,
 * split by setting, delivery (individual or group up to {@code maxGroupSize}), the dates it is in
 * force ({@code endDate} already clipped by a later IEP version or an early end) and constraints.
 */
public record MandateTerms(
        UUID mandateId,
        UUID iepId,
        UUID studentId,
        UUID continuesMandateId,
        String serviceType,
        UUID providerId,
        int sessionsPerInterval,
        int minutesPerSession,
        Interval interval,
        int pushInSessions,
        int pullOutSessions,
        String delivery,
        int maxGroupSize,
        LocalDate startDate,
        LocalDate endDate,
        List<Constraint> constraints) {

    public static final String NOT_DURING_SUBJECT = "NOT_DURING_SUBJECT";
    public static final String PREFER_SUBJECT = "PREFER_SUBJECT";

    public enum Interval {
        WEEK,
        MONTH,
        IEP_TERM;

        /** Unknown values read as WEEK, the usual unit, rather than failing a whole event. */
        public static Interval parse(String value) {
            if (value == null) {
                return WEEK;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return WEEK;
            }
        }
    }

    public record Constraint(String kind, String subject, String note) {
    }

    public MandateTerms {
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    public int sessions(ServiceSetting setting) {
        return setting == ServiceSetting.PUSH_IN ? pushInSessions : pullOutSessions;
    }

    public int minutes(ServiceSetting setting) {
        return sessions(setting) * minutesPerSession;
    }

    /** INDIVIDUAL delivery, or no group size above one when delivery is not stated. */
    public boolean individual() {
        if (delivery != null) {
            return "INDIVIDUAL".equalsIgnoreCase(delivery);
        }
        return maxGroupSize <= 1;
    }

    /** The largest group the mandate allows; 0 or less in a GROUP mandate means no stated limit. */
    public boolean groupTooLarge(int size) {
        return !individual() && maxGroupSize > 0 && size > maxGroupSize;
    }

    /** Subjects (ActivitySubject names) the student must not be pulled out of. */
    public Set<String> excludedSubjects() {
        return subjectsOf(NOT_DURING_SUBJECT);
    }

    /** Subjects a push-in should join when it can. */
    public Set<String> preferredSubjects() {
        return subjectsOf(PREFER_SUBJECT);
    }

    public boolean inForceDuring(LocalDate from, LocalDate to) {
        return !startDate.isAfter(to) && !endDate.isBefore(from) && !endDate.isBefore(startDate);
    }

    /**
     * How many weekly series of a setting the mandate's frequency allows: per week as stated, per
     * month the sessions a month over four weeks (a weekly series gives at least four a month),
     * and an IEP-term frequency cannot be compared with a weekly pattern (no limit).
     */
    public int weeklySeriesAllowed(ServiceSetting setting) {
        int sessions = sessions(setting);
        return switch (interval) {
            case WEEK -> sessions;
            case MONTH -> sessions / 4;
            case IEP_TERM -> Integer.MAX_VALUE;
        };
    }

    /**
     * Sessions of a setting a weekly series pattern must hold so the mandate is never under-served
     * (series recur weekly; there is no every-other-week pattern): per WEEK as stated; per MONTH
     * the monthly count over four weeks, rounded up (a month has four or five school weeks, so
     * 4 a month is 1 a week, and 2 a month is also 1 a week, over-serving); per IEP_TERM the
     * count over the calendar weeks from {@link #startDate} to {@link #endDate}, rounded up.
     */
    public int weeklySessionsNeeded(ServiceSetting setting) {
        int sessions = sessions(setting);
        if (sessions <= 0) {
            return 0;
        }
        return switch (interval) {
            case WEEK -> sessions;
            case MONTH -> ceilDiv(sessions, 4);
            case IEP_TERM -> ceilDiv(sessions, termWeeks());
        };
    }

    /** Calendar weeks the mandate is in force (at least one). */
    public int termWeeks() {
        long days = ChronoUnit.DAYS.between(startDate, endDate) + 1;
        return (int) Math.max(1, (days + 6) / 7);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private Set<String> subjectsOf(String kind) {
        return constraints.stream().filter(c -> kind.equalsIgnoreCase(c.kind()) && c.subject() != null)
                .map(c -> c.subject().trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
