package org.iepservices.schedule.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.schedule.domain.BellPeriod;
import org.iepservices.schedule.domain.BellSchedule;
import org.iepservices.schedule.domain.DayKind;
import org.iepservices.schedule.domain.NonInstructionalDay;
import org.iepservices.schedule.domain.SchoolCalendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of bell schedules and calendars. */
public final class ScheduleDtos {

    private ScheduleDtos() {
    }

    public record PeriodDto(@NotBlank @Size(max = 100) @Schema(example = "Period 1") String name,
                            @NotNull @Schema(example = "08:15:00") LocalTime startTime,
                            @NotNull @Schema(example = "09:05:00") LocalTime endTime,
                            @Schema(description = "false for lunch, recess and the like (default true): left out of "
                                    + "the day's instructional minutes") Boolean instructional) {
        static PeriodDto of(BellPeriod p) {
            return new PeriodDto(p.name(), p.startTime(), p.endTime(), p.instructional());
        }

        public boolean countsAsInstruction() {
            return instructional == null || instructional;
        }
    }

    public record BellScheduleRequest(@NotBlank @Size(max = 100) @Schema(example = "Regular") String name,
                                      boolean isDefault,
                                      @NotEmpty List<@Valid @NotNull PeriodDto> periods) {
    }

    public record BellScheduleResponse(UUID id, UUID schoolId, String name, boolean isDefault,
                                       List<PeriodDto> periods, long version) {
        static BellScheduleResponse of(BellSchedule b) {
            return new BellScheduleResponse(b.id, b.schoolId, b.name, b.isDefault,
                    b.periods.stream().map(PeriodDto::of).toList(), b.version);
        }
    }

    public record DayAssignment(@NotNull UUID bellScheduleId) {
    }

    public record DaySchedule(UUID schoolId, LocalDate date, boolean instructional, String nonInstructionalReason,
                              BellScheduleResponse bellSchedule) {
    }

    public record CalendarDay(@NotNull LocalDate date, @NotNull DayKind kind, @Size(max = 200) String description) {
        public NonInstructionalDay toDomain() {
            return new NonInstructionalDay(date, kind, description);
        }

        static CalendarDay of(NonInstructionalDay d) {
            return new CalendarDay(d.date(), d.kind(), d.description());
        }
    }

    public record CalendarRequest(@NotNull @Schema(example = "2026-09-02") LocalDate firstDay,
                                  @NotNull @Schema(example = "2027-06-18") LocalDate lastDay,
                                  @NotNull List<@Valid @NotNull CalendarDay> nonInstructionalDays) {
    }

    public record CalendarResponse(UUID id, UUID schoolId, String schoolYear, LocalDate firstDay, LocalDate lastDay,
                                   List<CalendarDay> nonInstructionalDays, int instructionalDayCount, long version) {
        static CalendarResponse of(SchoolCalendar c) {
            return new CalendarResponse(c.id, c.schoolId, c.schoolYear, c.firstDay, c.lastDay,
                    c.nonInstructionalDays.stream().sorted(java.util.Comparator.comparing(NonInstructionalDay::date))
                            .map(CalendarDay::of).toList(),
                    c.year().instructionalDays(c.firstDay, c.lastDay).size(), c.version);
        }
    }

    public record InstructionalDays(UUID schoolId, String schoolYear, LocalDate from, LocalDate to, int count,
                                    List<LocalDate> dates) {
    }

    public record ClosureRequest(@NotNull LocalDate date, @NotBlank @Size(max = 200) @Schema(example = "Snow day")
                                 String reason) {
    }
}
