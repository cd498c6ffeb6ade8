package org.iepservices.session.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.MissReason;

import java.time.LocalDate;
import java.util.UUID;

public record MissRequest(
        @NotNull UUID studentId,
        @NotNull UUID mandateId,
        @NotNull UUID providerId,
        @NotNull ServiceSetting setting,
        @NotNull LocalDate sessionDate,
        @NotNull @Positive Integer minutes,
        @NotNull MissReason reason,
        @Size(max = 2000) String note) {
}
