package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An IEP (or an amendment) took effect: the full set of service mandates that apply from
 * {@code effectiveFrom}, superseding whatever the student's previous IEP said from that date on.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IepActivated(
        UUID iepId,
        UUID studentId,
        UUID supersedesIepId,
        LocalDate effectiveFrom,
        LocalDate endDate,
        List<Mandate> mandates) {

    public static final EventType<IepActivated> TYPE =
            new EventType<>("IepActivated", Topics.IEP, 1, IepActivated.class);

    public IepActivated {
        mandates = mandates == null ? List.of() : List.copyOf(mandates);
    }

    /**
     * "Speech 2 x 30 min per WEEK: 1 pull-out + 1 push-in" is one mandate with
     * sessionsPerInterval=2, minutesPerSession=30, pushInSessions=1, pullOutSessions=1.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mandate(
            UUID mandateId,
            String serviceType,
            int sessionsPerInterval,
            int minutesPerSession,
            String interval,
            int pushInSessions,
            int pullOutSessions,
            int maxGroupSize,
            LocalDate startDate,
            LocalDate endDate) {
    }
}
