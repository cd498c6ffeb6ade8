package org.iepservices.session.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.session.domain.OwedVerdict;

import java.time.LocalDate;

@Schema(description = "The IEP team's decision on a miss in REVIEW")
public record ResolutionRequest(
        @NotNull @Schema(description = "OWED or NOT_OWED") OwedVerdict owed,
        @NotBlank @Size(max = 200) @Schema(example = "IEP team (chair: K. Moreno)") String decidedBy,
        @Schema(description = "Date of the decision; today in the district's time zone when left out")
        LocalDate decidedOn,
        @Size(max = 2000) @Schema(example = "State testing week: services resume after testing, no makeup")
        String note) {
}
