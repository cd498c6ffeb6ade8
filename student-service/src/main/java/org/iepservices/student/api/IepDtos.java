package org.iepservices.student.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.student.domain.GoalArea;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.IepGoal;
import org.iepservices.student.domain.IepStatus;
import org.iepservices.student.domain.MandateInterval;
import org.iepservices.student.domain.ServiceMandate;
import org.iepservices.student.domain.ServiceType;
import org.iepservices.student.domain.SkillStage;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of IEPs, goals and service mandates. */
public final class IepDtos {

    private IepDtos() {
    }

    @Schema(description = "An IEP draft: dates, eligibility, goals and the related-service mandates split by setting.")
    public record IepRequest(
            @NotNull @Schema(example = "2026-09-01") LocalDate startDate,
            @NotNull @Schema(example = "2027-08-31") LocalDate endDate,
            LocalDate annualReviewDate,
            LocalDate reevaluationDate,
            @NotBlank @Size(max = 200) @Schema(example = "Speech or Language Impairment") String eligibility,
            @NotNull List<@Valid @NotNull GoalRequest> goals,
            @NotNull List<@Valid @NotNull MandateRequest> mandates) {
    }

    public record GoalRequest(@NotNull GoalArea area,
                              @NotBlank @Size(max = 2000) String description,
                              @Min(0) @Max(100) Integer targetPercent,
                              @NotNull SkillStage skillStage) {
    }

    @Schema(description = "\"Speech 2 x 30 min per week: 1 pull-out + 1 push-in\" is sessionsPerInterval 2, "
            + "minutesPerSession 30, interval WEEK, pushInSessions 1, pullOutSessions 1.")
    public record MandateRequest(@NotNull ServiceType serviceType,
                                 @NotNull @Min(1) Integer sessionsPerInterval,
                                 @NotNull @Min(1) @Max(600) Integer minutesPerSession,
                                 @NotNull MandateInterval interval,
                                 @NotNull @Min(0) Integer pushInSessions,
                                 @NotNull @Min(0) Integer pullOutSessions,
                                 @Min(1) @Max(30) Integer maxGroupSize,
                                 UUID providerId) {
    }

    public record IepResponse(UUID id, UUID studentId, IepStatus status, LocalDate startDate, LocalDate endDate,
                              LocalDate annualReviewDate, LocalDate reevaluationDate, String eligibility,
                              UUID supersedesId, OffsetDateTime activatedAt, List<GoalResponse> goals,
                              List<MandateResponse> mandates, long version) {
        public static IepResponse of(Iep iep) {
            return new IepResponse(iep.id, iep.studentId, iep.status, iep.startDate, iep.endDate,
                    iep.annualReviewDate, iep.reevaluationDate, iep.eligibility, iep.supersedesId, iep.activatedAt,
                    iep.goals.stream().map(GoalResponse::of).toList(),
                    iep.mandates.stream().map(MandateResponse::of).toList(), iep.version);
        }
    }

    public record GoalResponse(UUID id, GoalArea area, String description, Integer targetPercent,
                               SkillStage skillStage) {
        static GoalResponse of(IepGoal g) {
            return new GoalResponse(g.id, g.area, g.description, g.targetPercent, g.skillStage);
        }
    }

    public record MandateResponse(UUID id, ServiceType serviceType, int sessionsPerInterval, int minutesPerSession,
                                  MandateInterval interval, int pushInSessions, int pullOutSessions,
                                  int maxGroupSize, UUID providerId) {
        static MandateResponse of(ServiceMandate m) {
            return new MandateResponse(m.id, m.serviceType, m.sessionsPerInterval, m.minutesPerSession, m.interval,
                    m.pushInSessions, m.pullOutSessions, m.maxGroupSize, m.providerId);
        }
    }

    /** What a student record shows of the IEP in force. */
    public record IepSummary(UUID id, LocalDate startDate, LocalDate endDate, List<MandateResponse> mandates) {
        static IepSummary of(Iep iep) {
            return iep == null ? null : new IepSummary(iep.id, iep.startDate, iep.endDate,
                    iep.mandates.stream().map(MandateResponse::of).toList());
        }
    }
}
