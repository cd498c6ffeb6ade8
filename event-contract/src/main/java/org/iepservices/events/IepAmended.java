package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An IEP in force was amended: a new version ({@code iepId}) with the full set of mandates and
 * goals from {@code effectiveFrom}; the amended version ({@code amendsIepId}) stays readable and
 * is superseded from that date. Consumers end the old version's mandates the day before.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IepAmended(
        UUID iepId,
        UUID studentId,
        UUID amendsIepId,
        LocalDate effectiveFrom,
        LocalDate endDate,
        List<IepActivated.Mandate> mandates,
        List<IepActivated.Goal> goals,
        String reason) {

    public static final EventType<IepAmended> TYPE =
            new EventType<>("IepAmended", Topics.IEP, 1, IepAmended.class);

    public IepAmended {
        mandates = mandates == null ? List.of() : List.copyOf(mandates);
        goals = goals == null ? List.of() : List.copyOf(goals);
    }
}
