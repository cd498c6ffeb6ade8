package org.iepservices.student.service.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.student.domain.ConstraintKind;
import org.iepservices.student.domain.Delivery;
import org.iepservices.student.domain.Discipline;
import org.iepservices.student.domain.DurationUnit;
import org.iepservices.student.domain.GoalArea;
import org.iepservices.student.domain.GoalDirection;
import org.iepservices.student.domain.MandateInterval;
import org.iepservices.student.domain.MeasurementMethod;
import org.iepservices.student.domain.ServiceType;
import org.iepservices.student.domain.SkillStage;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the IEP lifecycle is asked to do: draft, edit or amend a version (its goals, mandates and
 * their constraints), or end the version in force. Validated at the API, carried out by the service.
 */
public final class IepCommands {

    private IepCommands() {
    }

    @Schema(description = "An IEP version: term, dates, eligibility, goals and the related-service mandates split by "
            + "setting. The same shape drafts an IEP, edits a draft and amends an IEP in force (then effectiveFrom "
            + "and amendmentReason are required, startDate stays the IEP's).")
    public record IepRequest(
            @NotNull @Schema(description = "First day of the IEP term", example = "2026-09-01") LocalDate startDate,
            @NotNull @Schema(description = "Last day of the IEP term", example = "2027-08-31") LocalDate endDate,
            @Schema(description = "First day this version applies: the startDate for an IEP, the amendment date for "
                    + "an amendment", example = "2026-11-02") LocalDate effectiveFrom,
            @Schema(description = "Date of the annual review, within the term", example = "2027-05-15")
            LocalDate annualReviewDate,
            @Schema(description = "Date the next re-evaluation (usually triennial) is due", example = "2028-10-01")
            LocalDate reevaluationDate,
            @NotBlank @Size(max = 200) @Schema(example = "Speech or Language Impairment") String eligibility,
            @Size(max = 1000) @Schema(description = "Why the IEP is amended (amendments only)",
                    example = "Team agreed to move both sessions into the classroom") String amendmentReason,
            @NotNull @Size(max = 50) List<@Valid @NotNull GoalRequest> goals,
            @NotNull @Size(max = 20) List<@Valid @NotNull MandateRequest> mandates) {
    }

    @Schema(description = "An annual goal. serviceType defaults to the service usually working on the area when "
            + "the IEP mandates it.")
    public record GoalRequest(@NotNull GoalArea area,
                              @NotBlank @Size(max = 2000) @Schema(example = "Retell a story with beginning, middle and end")
                              String description,
                              @Size(max = 2000) @Schema(example = "Retells 1 of 3 story parts with maximal cues")
                              String baseline,
                              @Size(max = 500) @Schema(example = "80% accuracy in 4 of 5 sessions") String target,
                              @Min(0) @Max(100) @Schema(example = "80") Integer targetPercent,
                              MeasurementMethod measurementMethod,
                              @NotNull SkillStage skillStage,
                              ServiceType serviceType,
                              @Schema(description = "Amendments: the goal of the amended version this one carries on; "
                                      + "defaults to a goal with the same area and description") UUID continuesGoalId,
                              @Schema(description = "INCREASE when higher values are better (the default), DECREASE "
                                      + "when lower values are (fewer disfluencies, shorter outbursts): trends, status "
                                      + "and family wording follow it") GoalDirection direction,
                              @DecimalMin("0") @DecimalMax("100000") @Schema(description = "The target in the goal's "
                                      + "own measure when it is not a percentage: a count per session (FREQUENCY), a "
                                      + "duration in durationUnit (DURATION), a score on the rubric (RUBRIC)",
                                      example = "2") Double targetValue,
                              @Schema(description = "DURATION goals: the unit the goal is written in (default SECONDS)")
                              DurationUnit durationUnit,
                              @Min(0) @Max(100) @Schema(description = "RUBRIC goals: the rubric's lowest score",
                                      example = "1") Integer scaleMin,
                              @Min(0) @Max(100) @Schema(description = "RUBRIC goals: the rubric's highest score",
                                      example = "4") Integer scaleMax) {
    }

    @Schema(description = "A scheduling constraint: NOT_DURING_SUBJECT ELA_READING for the PULL_OUT sessions keeps "
            + "the student in core reading; PREFER_SUBJECT WRITING for PUSH_IN anchors the visit to a matching "
            + "activity. setting null means every session of the mandate.")
    public record ConstraintRequest(@NotNull ConstraintKind kind,
                                    @NotNull ActivitySubject subject,
                                    ServiceSetting setting,
                                    @Size(max = 500) String note) {
    }

    @Schema(description = "\"Speech 2 x 30 min per week: 1 pull-out + 1 push-in\" is sessionsPerInterval 2, "
            + "minutesPerSession 30, interval WEEK, pushInSessions 1, pullOutSessions 1. Defaults: providerDiscipline "
            + "from the service type, delivery GROUP when maxGroupSize > 1, dates the version's, locations "
            + "'general education classroom' (push-in) and the service's therapy room (pull-out).")
    public record MandateRequest(@NotNull ServiceType serviceType,
                                 Discipline providerDiscipline,
                                 UUID providerId,
                                 @NotNull @Min(1) @Max(100) Integer sessionsPerInterval,
                                 @NotNull @Min(1) @Max(600) Integer minutesPerSession,
                                 @NotNull MandateInterval interval,
                                 @NotNull @Min(0) Integer pushInSessions,
                                 @NotNull @Min(0) Integer pullOutSessions,
                                 Delivery delivery,
                                 @Min(1) @Max(30) Integer maxGroupSize,
                                 LocalDate startDate,
                                 LocalDate endDate,
                                 @Size(max = 200) @Schema(example = "general education classroom") String pushInLocation,
                                 @Size(max = 200) @Schema(example = "speech room") String pullOutLocation,
                                 @Size(max = 20) List<@Valid @NotNull ConstraintRequest> constraints,
                                 @Schema(description = "Amendments: the mandate of the amended version this one carries "
                                         + "on; defaults to the only mandate of the same service") UUID continuesMandateId) {
    }

    @Schema(description = "Ends the IEP in force on a date (exit from services, moved out of district).")
    public record EndRequest(@NotNull @Schema(example = "2027-01-29") LocalDate endedOn,
                             @NotBlank @Size(max = 1000) @Schema(example = "Moved out of district") String reason) {
    }
}
