package org.iepservices.student.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.student.domain.ConstraintKind;
import org.iepservices.student.domain.Delivery;
import org.iepservices.student.domain.Discipline;
import org.iepservices.student.domain.DurationUnit;
import org.iepservices.student.domain.GoalArea;
import org.iepservices.student.domain.GoalDirection;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.IepGoal;
import org.iepservices.student.domain.IepStatus;
import org.iepservices.student.domain.MandateChanges;
import org.iepservices.student.domain.MandateConstraint;
import org.iepservices.student.domain.MandateInterval;
import org.iepservices.student.domain.MeasurementMethod;
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

    public record IepResponse(UUID id, UUID studentId, IepStatus status, int versionNumber, UUID originalIepId,
                              UUID amendsIepId, String amendmentReason, LocalDate startDate, LocalDate endDate,
                              LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate annualReviewDate,
                              LocalDate reevaluationDate, String eligibility, UUID supersedesId, UUID supersededById,
                              LocalDate supersededFrom, LocalDate endedOn, String endReason,
                              OffsetDateTime activatedAt, List<GoalResponse> goals, List<MandateResponse> mandates,
                              long version) {
        public static IepResponse of(Iep iep) {
            return new IepResponse(iep.id, iep.studentId, iep.status, iep.versionNumber, iep.originalIepId,
                    iep.amendsId, iep.amendmentReason, iep.startDate, iep.endDate, iep.effectiveFrom,
                    iep.effectiveTo(), iep.annualReviewDate, iep.reevaluationDate, iep.eligibility, iep.supersedesId,
                    iep.supersededById, iep.supersededFrom, iep.endedOn, iep.endReason, iep.activatedAt,
                    iep.goals.stream().map(GoalResponse::of).toList(),
                    iep.mandates.stream().map(MandateResponse::of).toList(), iep.version);
        }
    }

    public record GoalResponse(UUID id, GoalArea area, String description, String baseline, String target,
                               Integer targetPercent, MeasurementMethod measurementMethod, SkillStage skillStage,
                               ServiceType serviceType, UUID continuesGoalId, GoalDirection direction,
                               Double targetValue, DurationUnit durationUnit, Integer scaleMin, Integer scaleMax) {
        static GoalResponse of(IepGoal g) {
            return new GoalResponse(g.id, g.area, g.description, g.baseline, g.target, g.targetPercent,
                    g.measurementMethod, g.skillStage, g.serviceType, g.continuesGoalId,
                    g.direction == null ? GoalDirection.INCREASE : g.direction, g.targetValue, g.durationUnit,
                    g.scaleMin, g.scaleMax);
        }
    }

    public record ConstraintResponse(ConstraintKind kind, ActivitySubject subject, ServiceSetting setting, String note) {
        static ConstraintResponse of(MandateConstraint c) {
            return new ConstraintResponse(c.kind, c.subject, c.setting, c.note);
        }
    }

    public record MandateResponse(UUID id, ServiceType serviceType, Discipline providerDiscipline, UUID providerId,
                                  int sessionsPerInterval, int minutesPerSession, MandateInterval interval,
                                  int pushInSessions, int pullOutSessions, int pushInMinutes, int pullOutMinutes,
                                  Delivery delivery, int maxGroupSize, LocalDate startDate, LocalDate endDate,
                                  String pushInLocation, String pullOutLocation, List<ConstraintResponse> constraints,
                                  UUID continuesMandateId) {
        static MandateResponse of(ServiceMandate m) {
            return new MandateResponse(m.id, m.serviceType, m.providerDiscipline, m.providerId, m.sessionsPerInterval,
                    m.minutesPerSession, m.interval, m.pushInSessions, m.pullOutSessions,
                    m.pushInSessions * m.minutesPerSession, m.pullOutSessions * m.minutesPerSession, m.delivery,
                    m.maxGroupSize, m.startDate, m.endDate, m.pushInLocation, m.pullOutLocation,
                    m.constraints.stream().map(ConstraintResponse::of).toList(), m.continuesMandateId);
        }
    }

    /** What a student record shows of the IEP in force. */
    public record IepSummary(UUID id, LocalDate startDate, LocalDate endDate, List<MandateResponse> mandates) {
        static IepSummary of(Iep iep) {
            return iep == null ? null : new IepSummary(iep.id, iep.startDate, iep.endDate,
                    iep.mandates.stream().map(MandateResponse::of).toList());
        }
    }

    @Schema(description = "One version of the IEP in its amendment chain, with what it changed in the mandates "
            + "compared with the version it amends.")
    public record VersionResponse(UUID id, int versionNumber, IepStatus status, LocalDate effectiveFrom,
                                  LocalDate effectiveTo, UUID amendsIepId, String amendmentReason,
                                  OffsetDateTime activatedAt, LocalDate endedOn, String endReason,
                                  List<MandateChanges.Change> mandateChanges) {
    }

    @Schema(description = "The amendment chain of one IEP, oldest version first (amendment drafts included).")
    public record HistoryResponse(UUID originalIepId, UUID studentId, LocalDate startDate, LocalDate endDate,
                                  List<VersionResponse> versions) {
    }
}
