package org.iepservices.student.service.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/** A student to create or change (the body of POST / PUT /api/v1/students). Validated at the API, carried out by the service. */
public record StudentRequest(@NotBlank @Size(max = 100) String givenName,
                             @NotBlank @Size(max = 100) String familyName,
                             @NotBlank @Pattern(regexp = "PK|K|[1-9]|1[0-2]|UG", message = "must be PK, K, 1 to 12 or UG (ungraded)")
                             @Schema(example = "2") String grade,
                             @NotNull UUID schoolId,
                             @PastOrPresent LocalDate dateOfBirth,
                             @Size(max = 255) String sourcedId) {
}
