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

@Schema(description = "A correction to a completed, locked session log: per student it changes, the new attendance "
        + "and minutes, goal data or progress note. What a correction leaves out stays as it was. The original "
        + "values stay readable in the log's addenda. Who wrote it is taken from the token (author defaults to the "
        + "writer's name in the roster).")
public record AddendumRequest(
        @Size(max = 200) String author,
        @Size(max = 100) String credentials,
        @NotBlank @Size(max = 2000) @Schema(example = "Student left at 10:20 for a nurse visit; minutes corrected")
        String reason,
        @NotEmpty List<@Valid @NotNull StudentCorrection> students) {

    @Schema(description = "attendance left out keeps the current one; minutes left out keep the current minutes "
            + "(or, with a new attendance PRESENT, credit the session's length). goalData, when given, replaces the "
            + "student's goal data; progressNote, when given, replaces the note.")
    public record StudentCorrection(@NotNull UUID studentId, Attendance attendance, Integer minutes,
                                    List<SessionLogRequest.@Valid @NotNull GoalData> goalData,
                                    @Size(max = 4000) String progressNote) {
    }
}
