package org.iepservices.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "What pull-out costs a student between two dates: core instruction missed by subject, the "
        + "share of the school day spent in general education, and the setting mix delivered against mandated")
public record PullOutCostResponse(
        UUID studentId,
        UUID schoolId,
        LocalDate from,
        LocalDate to,
        LocalDate today,
        @Schema(description = "Per subject: minutes of core instruction during pull-out sessions held (missedMinutes) "
                + "and during pull-outs still scheduled from today (plannedMinutes), from the occurrences' coreOverlap")
        List<SubjectCost> coreInstruction,
        int coreMinutesMissed,
        int coreMinutesPlanned,
        SchoolTime schoolTime,
        GeneralEducation generalEducation,
        SettingMix settingMix) {

    public record SubjectCost(String subject, int missedMinutes, int plannedMinutes) {
    }

    @Schema(description = "School time in the range: the default bell schedule's instructional minutes x "
            + "instructional days (weekdays less closures); null minutes when no default bell schedule is known")
    public record SchoolTime(UUID bellScheduleId, String bellSchedule, Integer instructionalMinutesPerDay,
                             int instructionalDays, Integer schoolMinutes) {
    }

    @Schema(description = "Minutes in general education = school minutes less pull-out minutes (push-in happens in "
            + "the classroom); share is of the school minutes, 0..1. scheduledShare uses the scheduled pull-outs")
    public record GeneralEducation(int pullOutMinutesDelivered, int pullOutMinutesScheduled, Integer minutes,
                                   Double share, Double scheduledShare) {
    }

    public record SettingMix(SettingShare delivered, SettingShare mandated) {
    }

    @Schema(description = "Minutes by setting and each setting's percent of their sum (null when the sum is 0)")
    public record SettingShare(int pushIn, int pullOut, Double pushInPercent, Double pullOutPercent) {
        public static SettingShare of(int pushIn, int pullOut) {
            int total = pushIn + pullOut;
            return new SettingShare(pushIn, pullOut, total == 0 ? null : round(100.0 * pushIn / total),
                    total == 0 ? null : round(100.0 * pullOut / total));
        }

        static double round(double value) {
            return Math.round(value * 10) / 10.0;
        }
    }
}
