package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The IEP team decided a miss that the policy sent to REVIEW (or a coordinator corrected a
 * verdict): {@code owed} is now OWED or NOT_OWED. Replaces the verdict of the {@link SessionMissed}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MissResolved(
        UUID missId,
        UUID studentId,
        UUID mandateId,
        String owed,
        String decidedBy,
        LocalDate decidedOn,
        String note) {

    public static final EventType<MissResolved> TYPE =
            new EventType<>("MissResolved", Topics.SESSION, 1, MissResolved.class);
}
