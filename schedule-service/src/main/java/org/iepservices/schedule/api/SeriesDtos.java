package org.iepservices.schedule.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.conflict.Conflict;
import org.iepservices.schedule.domain.conflict.ConflictKind;
import org.iepservices.schedule.domain.conflict.Severity;
import org.iepservices.schedule.domain.series.CancellationReason;
import org.iepservices.schedule.domain.series.OccurrenceStatus;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Request and response shapes of session series, occurrences and conflicts. */
public final class SeriesDtos {

    private SeriesDtos() {
    }

    public record StudentRef(@NotNull UUID studentId,
                             @NotNull @Schema(description = "The student's mandate this series serves") UUID mandateId) {
    }

    @Schema(description = "Accept the hard conflicts found, on purpose; the reason is recorded")
    public record Override(@NotBlank @Size(max = 500) @Schema(example = "Only slot the teacher offered this term")
                           String reason) {
    }

    @Schema(description = "A weekly session: PUSH_IN needs classId and activityBlockId (the class activity it "
            + "joins), PULL_OUT needs a room")
    public record SeriesRequest(
            @NotNull UUID providerId,
            @NotNull UUID schoolId,
            @NotBlank @Size(max = 40) @Schema(example = "SPEECH_LANGUAGE") String serviceType,
            @NotNull ServiceSetting setting,
            UUID classId,
            UUID activityBlockId,
            @Size(max = 100) @Schema(example = "Speech room 104") String room,
            @NotNull @Schema(example = "TUESDAY") DayOfWeek dayOfWeek,
            @NotNull @Schema(example = "10:00:00") LocalTime startTime,
            @NotNull @Min(5) @Max(240) @Schema(example = "30") Integer durationMinutes,
            @NotNull @Schema(example = "2026-09-14") LocalDate effectiveFrom,
            @Schema(description = "Last date; defaults to the last day of the school year that contains effectiveFrom")
            LocalDate effectiveTo,
            @NotEmpty @Size(max = 12) List<@Valid @NotNull StudentRef> students,
            @Valid Override override,
            @Schema(description = "Updates only: occurrences dated before it stay as they were; defaults to today "
                    + "(or the series' first day if later)")
            LocalDate changeFrom) {
    }

    public record CancelSeriesRequest(
            @Schema(description = "First date without the series; defaults to today (or its first day if later)")
            LocalDate effectiveFrom,
            @NotBlank @Size(max = 500) @Schema(example = "Student moved to consult-only services") String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConflictDto(UUID seriesId, UUID occurrenceId, ConflictKind kind, Severity severity, String message,
                              UUID studentId, UUID otherSeriesId, LocalDate date, String subject, boolean overridden) {
        public static ConflictDto of(Conflict c, UUID seriesId, UUID occurrenceId, boolean overridden) {
            return new ConflictDto(seriesId, occurrenceId, c.kind(), c.severity(), c.message(), c.studentId(),
                    c.otherSeriesId(), c.date(), c.subject(), overridden && c.hard());
        }
    }

    /** {@code previousMandateId}/{@code mandateFrom}: the IEP changed while in the group (null otherwise). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberDto(UUID studentId, UUID mandateId, LocalDate joinedFrom, LocalDate leftFrom,
                            UUID previousMandateId, LocalDate mandateFrom) {
        static MemberDto of(SeriesMember m) {
            return new MemberDto(m.studentId(), m.mandateId(), m.joinedFrom(), m.leftFrom(), m.previousMandateId(),
                    m.mandateFrom());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OverrideDto(String reason, List<ConflictKind> conflicts) {
        static OverrideDto of(SessionSeries s) {
            if (s.overrideReason == null) {
                return null;
            }
            List<ConflictKind> kinds = s.overriddenConflicts == null || s.overriddenConflicts.isBlank() ? List.of()
                    : Arrays.stream(s.overriddenConflicts.split(",")).map(ConflictKind::valueOf).toList();
            return new OverrideDto(s.overrideReason, kinds);
        }
    }

    public record SeriesResponse(UUID id, UUID providerId, UUID schoolId, String serviceType, ServiceSetting setting,
                                 UUID classId, UUID activityBlockId, String room, DayOfWeek dayOfWeek,
                                 LocalTime startTime, LocalTime endTime, int durationMinutes,
                                 LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate cancelledFrom,
                                 String cancelReason, List<MemberDto> students, OverrideDto override,
                                 int scheduledOccurrences, List<ConflictDto> conflicts, long version) {
        public static SeriesResponse of(SessionSeries s, int scheduledOccurrences, List<Conflict> conflicts) {
            return of(s, scheduledOccurrences, conflicts, id -> true);
        }

        /**
         * As the caller may see it: students outside their scope are not named ({@code named} false),
         * nor are conflicts about them shown.
         */
        public static SeriesResponse of(SessionSeries s, int scheduledOccurrences, List<Conflict> conflicts,
                                        Predicate<UUID> named) {
            Set<ConflictKind> overridden = overriddenKinds(s);
            return new SeriesResponse(s.id, s.providerId, s.schoolId, s.serviceType, s.setting, s.classId,
                    s.activityBlockId, s.room, s.dayOfWeek, s.startTime, s.time().end(), s.durationMinutes,
                    s.effectiveFrom, s.effectiveTo, s.cancelledFrom, s.cancelReason,
                    s.members.stream().filter(m -> named.test(m.studentId())).map(MemberDto::of).toList(),
                    OverrideDto.of(s), scheduledOccurrences,
                    conflicts.stream().filter(c -> c.studentId() == null || named.test(c.studentId()))
                            .map(c -> ConflictDto.of(c, null, null, overridden.contains(c.kind()))).toList(),
                    s.version);
        }
    }

    static Set<ConflictKind> overriddenKinds(SessionSeries s) {
        if (s.overriddenConflicts == null || s.overriddenConflicts.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(s.overriddenConflicts.split(",")).map(ConflictKind::valueOf).collect(Collectors.toSet());
    }

    public record CheckResponse(boolean refused, int hardConflicts, int softConflicts, List<ConflictDto> conflicts) {
        public static CheckResponse of(List<Conflict> conflicts) {
            int hard = (int) conflicts.stream().filter(Conflict::hard).count();
            return new CheckResponse(hard > 0, hard, conflicts.size() - hard,
                    conflicts.stream().map(c -> ConflictDto.of(c, null, null, false)).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OccurrenceResponse(UUID id, UUID seriesId, LocalDate originalDate, LocalDate date,
                                     LocalTime startTime, LocalTime endTime, int minutes, OccurrenceStatus status,
                                     CancellationReason cancelReason, String cancelNote, boolean moved,
                                     String overrideReason, List<ConflictDto> conflicts, long version) {
        public static OccurrenceResponse of(SessionOccurrence o, List<Conflict> conflicts) {
            boolean overridden = o.overrideReason != null;
            return new OccurrenceResponse(o.id, o.seriesId, o.originalDate, o.date, o.startTime, o.time().end(),
                    o.minutes, o.status, o.cancelReason, o.cancelNote, o.moved, o.overrideReason,
                    conflicts == null ? null : conflicts.stream().map(c -> ConflictDto.of(c, o.seriesId, o.id,
                            overridden)).toList(), o.version);
        }
    }

    public record CancelOccurrenceRequest(@NotNull @Schema(example = "PROVIDER_UNAVAILABLE") CancellationReason reason,
                                          @Size(max = 500) String note) {
    }

    public record MoveOccurrenceRequest(@NotNull @Schema(example = "2026-09-17") LocalDate date,
                                        @NotNull @Schema(example = "13:00:00") LocalTime startTime,
                                        @Valid Override override) {
    }
}
