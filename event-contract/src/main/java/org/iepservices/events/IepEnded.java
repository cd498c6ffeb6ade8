package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An IEP stopped being in force before or at its end date (exit from services, moved out of
 * district). Its mandates end on {@code endedOn}; nothing is owed after it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IepEnded(UUID iepId, UUID studentId, LocalDate endedOn, String reason) {

    public static final EventType<IepEnded> TYPE =
            new EventType<>("IepEnded", Topics.IEP, 1, IepEnded.class);
}
