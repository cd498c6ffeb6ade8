package org.iepservices.student.service.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.UUID;

/** A school to create or change (the body of POST / PUT /api/v1/schools). Validated at the API, carried out by the service. */
public record SchoolRequest(@NotBlank @Size(max = 200) @Schema(example = "Maple Elementary") String name,
                            UUID districtId,
                            @Size(max = 255) String sourcedId,
                            @Size(max = 64) @Schema(example = "America/New_York") String timeZone) {
}
