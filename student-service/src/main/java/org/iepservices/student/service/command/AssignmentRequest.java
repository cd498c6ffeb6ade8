package org.iepservices.student.service.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.student.domain.ServiceType;
import java.time.LocalDate;
import java.util.UUID;

/** A caseload assignment to make or change (the body of /api/v1/caseload-assignments). Validated at the API, carried out by the service. */
public record AssignmentRequest(@NotNull UUID studentId,
                                @NotNull @Schema(description = "The staff id of the provider") UUID providerId,
                                @Schema(description = "The service covered; omit for every service of the provider's "
                                        + "discipline") ServiceType serviceType,
                                @Schema(description = "Default: today") LocalDate startDate,
                                @Schema(description = "Last day; omit for open-ended") LocalDate endDate,
                                @Size(max = 500) @Schema(example = "covering during Ms. Whitfield's leave") String note) {
}
