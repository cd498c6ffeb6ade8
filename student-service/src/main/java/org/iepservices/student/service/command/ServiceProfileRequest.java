package org.iepservices.student.service.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.student.domain.RegulationSupport;
import java.time.LocalDate;
import java.util.List;

/** A student's service profile as a whole (the body of PUT .../service-profile). Validated at the API, carried out by the service. */
@Schema(description = "The whole profile; PUT replaces it.")
public record ServiceProfileRequest(
        @NotNull @Schema(description = "Sensory and self-regulation support: NONE, SOME or HIGH (favours a quiet "
                + "pull-out room)") RegulationSupport regulationSupport,
        @NotNull Boolean needsQuietSetting,
        @Size(max = 20) @Schema(description = "The state Medicaid id", example = "NY12345678") String medicaidId,
        @Size(max = 20) @Schema(description = "ICD-10-CM codes, dotted or not (F80.2, F802)",
                example = "[\"F80.2\", \"R48.2\"]") List<@NotBlank @Size(max = 10) String> diagnosisCodes,
        @NotNull @Schema(description = "Parental consent to bill Medicaid is on file") Boolean billingConsentOnFile,
        @Schema(description = "When the consent was signed; required when on file, not in the future",
                example = "2026-08-20") LocalDate billingConsentDate) {
}
