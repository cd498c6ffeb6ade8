package org.iepservices.session.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.MissCircumstance;
import org.iepservices.session.domain.MissReason;

import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A scheduled session one student did not receive. With occurrenceId the mandate, provider, "
        + "setting, date and minutes are taken from the scheduled occurrence unless given; without it they are "
        + "required. A note is required for reason OTHER.")
public record MissRequest(
        @NotNull UUID studentId,
        @Schema(description = "The scheduled occurrence that did not happen (from schedule-service)") UUID occurrenceId,
        UUID mandateId,
        UUID providerId,
        ServiceSetting setting,
        @Schema(example = "2026-09-17") LocalDate sessionDate,
        @Schema(example = "30") Integer minutes,
        @NotNull MissReason reason,
        @Schema(description = "The finer reason: TESTING, FIELD_TRIP, DISCIPLINE (STUDENT_UNAVAILABLE); IEP_MEETING, "
                + "DUTY, EVALUATION (PROVIDER_REASSIGNED)") MissCircumstance circumstance,
        @Size(max = 2000) String note) {
}
