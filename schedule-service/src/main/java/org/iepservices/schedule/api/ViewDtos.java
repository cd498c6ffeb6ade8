package org.iepservices.schedule.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.coverage.CoverageWindow;
import org.iepservices.schedule.domain.coverage.SettingMinutes;
import org.iepservices.schedule.domain.series.CancellationReason;
import org.iepservices.schedule.domain.series.OccurrenceStatus;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Shapes of the schedule views (week of a provider, student or class, day of a school) and coverage. */
public final class ViewDtos {

    private ViewDtos() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attendee(UUID studentId, String name, UUID mandateId) {
    }

    /**
     * One occurrence as people read it. {@code forClass} (class views only): PROVIDER_JOINS for a
     * push-in into the class, STUDENTS_LEAVE for a pull-out of some of its students.
     * {@code afterEarlyDismissal}: the date is an early-release day and this scheduled session ends
     * after students leave at that time (conflict AFTER_EARLY_DISMISSAL); absent otherwise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduledSession(UUID occurrenceId, UUID seriesId, LocalDate date, LocalTime startTime,
                                   LocalTime endTime, int minutes, OccurrenceStatus status,
                                   CancellationReason cancelReason, String cancelNote, boolean moved,
                                   LocalDate originalDate, UUID providerId, String providerName, UUID schoolId,
                                   ServiceSetting setting, String serviceType, UUID classId, String classTitle,
                                   UUID activityBlockId, String activitySubject, String room, int groupSize,
                                   List<Attendee> students, String forClass, LocalTime afterEarlyDismissal) {
    }

    public record ScheduleView(LocalDate from, LocalDate to, int scheduled, int cancelled,
                               List<ScheduledSession> sessions) {
        public static ScheduleView of(LocalDate from, LocalDate to, List<ScheduledSession> sessions) {
            int scheduled = (int) sessions.stream().filter(s -> s.status() == OccurrenceStatus.SCHEDULED).count();
            return new ScheduleView(from, to, scheduled, sessions.size() - scheduled, sessions);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MandateCoverage(UUID mandateId, UUID iepId, String serviceType, UUID providerId, String interval,
                                  int minutesPerSession, int pushInSessions, int pullOutSessions,
                                  LocalDate startDate, LocalDate endDate, SettingMinutes mandated,
                                  SettingMinutes scheduled, SettingMinutes gap, int periodsWithGap,
                                  List<CoverageWindow> periods) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StudentCoverage(UUID studentId, String name, LocalDate from, LocalDate to, SettingMinutes gap,
                                  List<MandateCoverage> mandates) {
    }

    public record CaseloadCoverage(UUID providerId, LocalDate from, LocalDate to, int students,
                                   int studentsWithGaps, SettingMinutes gap, List<StudentCoverage> caseload) {
    }
}
