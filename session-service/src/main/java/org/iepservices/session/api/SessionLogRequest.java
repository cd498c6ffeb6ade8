package org.iepservices.session.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.Attendance;
import org.iepservices.session.domain.SessionFormat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

@Schema(description = "A session as the provider documents it: when, where (setting), how (format) and, per student, attendance and credited minutes.")
public record SessionLogRequest(
        @NotNull UUID providerId,
        @NotNull @Schema(example = "2026-09-15") LocalDate sessionDate,
        @NotNull @Schema(example = "10:00:00") LocalTime startTime,
        @NotNull @Schema(example = "10:30:00") LocalTime endTime,
        @NotNull ServiceSetting setting,
        @NotNull SessionFormat format,
        @Size(max = 4000) String note,
        @NotEmpty List<@Valid StudentLine> students) {

    @Schema(description = "minutes may be left out for a PRESENT student: the session's length is credited. "
            + "makeupFor makes this a makeup session for the listed misses (of this student and mandate, owed or in "
            + "review); at completion its minutes repay them oldest first.")
    public record StudentLine(
            @NotNull UUID studentId,
            @NotNull @Schema(description = "The IEP service mandate these minutes count toward") UUID mandateId,
            @NotNull Attendance attendance,
            Integer minutes,
            List<@NotNull UUID> makeupFor) {

        public List<UUID> makeupFor() {
            return makeupFor == null ? List.of() : makeupFor;
        }
    }
}
