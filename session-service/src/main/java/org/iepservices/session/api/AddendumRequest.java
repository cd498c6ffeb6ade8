package org.iepservices.session.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.session.domain.Attendance;

import java.util.List;
import java.util.UUID;

@Schema(description = "A correction to a completed, locked session log: the new attendance and minutes of the "
        + "students it changes. The original values stay readable in the log's addenda.")
public record AddendumRequest(
        @NotBlank @Size(max = 200) String author,
        @Size(max = 100) String credentials,
        @NotBlank @Size(max = 2000) @Schema(example = "Student left at 10:20 for a nurse visit; minutes corrected")
        String reason,
        @NotEmpty List<@Valid StudentCorrection> students) {

    public record StudentCorrection(@NotNull UUID studentId, @NotNull Attendance attendance, Integer minutes) {
    }
}
