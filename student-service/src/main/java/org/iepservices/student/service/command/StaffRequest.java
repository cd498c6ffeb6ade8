package org.iepservices.student.service.command;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.student.domain.Discipline;
import java.util.List;
import java.util.UUID;

/** A staff member to create or change (the body of POST / PUT /api/v1/staff). Validated at the API, carried out by the service. */
public record StaffRequest(@NotBlank @Size(max = 100) String givenName,
                           @NotBlank @Size(max = 100) String familyName,
                           @NotBlank @Email @Size(max = 255) String email,
                           @NotNull Discipline discipline,
                           @Size(max = 100) @Schema(example = "M.S., CCC-SLP") String credentials,
                           @NotNull List<@NotNull UUID> schoolIds) {
}
