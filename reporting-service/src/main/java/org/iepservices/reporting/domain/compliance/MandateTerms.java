package org.iepservices.reporting.domain.compliance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a mandate requires per interval and setting, between its dates. "Speech 2 x 30/week,
 * 1 pull-out + 1 push-in" is minutesPerSession 30, pushInSessions 1, pullOutSessions 1, WEEK.
 */
public record MandateTerms(UUID mandateId, String serviceType, int minutesPerSession, Interval interval,
                           int pushInSessions, int pullOutSessions, LocalDate startDate, LocalDate endDate) {

    public enum Interval { WEEK, MONTH, IEP_TERM }

    public SettingMinutes perInterval() {
        return new SettingMinutes(pushInSessions * minutesPerSession, pullOutSessions * minutesPerSession);
    }
}
