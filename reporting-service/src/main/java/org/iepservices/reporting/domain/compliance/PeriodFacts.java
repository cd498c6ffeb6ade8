package org.iepservices.reporting.domain.compliance;

import org.iepservices.events.ServiceSetting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the events say happened to a service, as plain values the compliance rules read. */
public final class PeriodFacts {

    private PeriodFacts() {
    }

    /** A student's credited minutes in one session log (the latest state: completion, then addenda). */
    public record Delivered(UUID sessionLogId, UUID mandateId, ServiceSetting setting, LocalDate date, int minutes,
                            UUID occurrenceId, List<Repayment> repayments, OffsetDateTime eventTime) {
        public Delivered {
            repayments = repayments == null ? List.of() : List.copyOf(repayments);
        }
    }

    /** {@code minutes} of a session repay the miss {@code missId}. */
    public record Repayment(UUID missId, int minutes) {
    }

    /** A missed session with the verdict in force (OWED, NOT_OWED or REVIEW). */
    public record Miss(UUID missId, UUID mandateId, ServiceSetting setting, LocalDate date, int minutes,
                       String verdict, UUID occurrenceId, OffsetDateTime eventTime) {
        public boolean owed() {
            return "OWED".equals(verdict);
        }

        public boolean notOwed() {
            return "NOT_OWED".equals(verdict);
        }
    }

    /** Minutes of a makeup session (in {@code setting}) credited to the miss they repay. */
    public record MakeupCredit(UUID missId, UUID sessionLogId, ServiceSetting setting, LocalDate sessionDate,
                               int minutes, OffsetDateTime eventTime) {
    }

    /**
     * An occurrence of the student's schedule for the service, moves applied: {@code scheduled} is
     * false when it was cancelled (or falls on a closure); {@code logged} when a completed log or a
     * miss documents it.
     */
    public record Occurrence(UUID occurrenceId, UUID mandateId, ServiceSetting setting, LocalDate date, int minutes,
                             boolean scheduled, boolean logged) {
    }
}
