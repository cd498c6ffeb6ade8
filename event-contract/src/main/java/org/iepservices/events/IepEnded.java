package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An IEP stopped being in force before or at its end date (exit from services, moved out of
 * district). Its mandates end on {@code endedOn}; nothing is owed after it. {@code mandates} and
 * {@code goals} are those of the ended version, each mandate's {@code endDate} cut to
 * {@code endedOn}, so a consumer can close exactly those mandates without having kept the version.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IepEnded(UUID iepId, UUID studentId, LocalDate endedOn, String reason,
                       List<IepActivated.Mandate> mandates, List<IepActivated.Goal> goals) {

    public static final EventType<IepEnded> TYPE =
            new EventType<>("IepEnded", Topics.IEP, 1, IepEnded.class);

    public IepEnded {
        mandates = mandates == null ? List.of() : List.copyOf(mandates);
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    /** An end that does not repeat the ended version's mandates and goals. */
    public IepEnded(UUID iepId, UUID studentId, LocalDate endedOn, String reason) {
        this(iepId, studentId, endedOn, reason, List.of(), List.of());
    }
}
