package org.iepservices.schedule.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.schedule.domain.availability.AvailabilityWindow;
import org.iepservices.schedule.domain.availability.ProviderLimits;
import org.iepservices.schedule.domain.availability.TravelTime;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** Request and response shapes of provider availability, travel times and limits. */
public final class AvailabilityDtos {

    private AvailabilityDtos() {
    }

    public record WindowRequest(@NotNull UUID schoolId,
                                @NotNull @Schema(example = "TUESDAY") DayOfWeek dayOfWeek,
                                @NotNull @Schema(example = "08:00:00") LocalTime startTime,
                                @NotNull @Schema(example = "12:00:00") LocalTime endTime) {
    }

    public record WindowResponse(UUID id, UUID providerId, UUID schoolId, DayOfWeek dayOfWeek, LocalTime startTime,
                                 LocalTime endTime, long version) {
        public static WindowResponse of(AvailabilityWindow w) {
            return new WindowResponse(w.id, w.providerId, w.schoolId, w.dayOfWeek, w.startTime, w.endTime, w.version);
        }
    }

    @Schema(description = "Minutes between two schools, either way; without providerId it is the district default")
    public record TravelTimeRequest(UUID providerId,
                                    @NotNull UUID fromSchoolId,
                                    @NotNull UUID toSchoolId,
                                    @NotNull @Min(0) @Max(240) @Schema(example = "20") Integer minutes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TravelTimeResponse(UUID id, UUID providerId, UUID fromSchoolId, UUID toSchoolId, int minutes) {
        public static TravelTimeResponse of(TravelTime t) {
            return new TravelTimeResponse(t.id, t.providerId, t.schoolA, t.schoolB, t.minutes);
        }
    }

    public record LimitsRequest(@Min(1) @Max(20) @Schema(example = "8", description = "null: no limit")
                                Integer maxSessionsPerDay) {
    }

    public record LimitsResponse(UUID providerId, Integer maxSessionsPerDay, long version) {
        public static LimitsResponse of(ProviderLimits l) {
            return new LimitsResponse(l.providerId, l.maxSessionsPerDay, l.version);
        }
    }
}
