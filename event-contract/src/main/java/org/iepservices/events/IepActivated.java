package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An IEP took effect: the full set of service mandates and goals that apply from
 * {@code effectiveFrom}, superseding whatever the student's previous IEP said from that date on.
 * {@link IepAmended} has the same shape for an amendment of an IEP in force.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IepActivated(
        UUID iepId,
        UUID studentId,
        UUID supersedesIepId,
        LocalDate effectiveFrom,
        LocalDate endDate,
        List<Mandate> mandates,
        List<Goal> goals) {

    public static final EventType<IepActivated> TYPE =
            new EventType<>("IepActivated", Topics.IEP, 1, IepActivated.class);

    public IepActivated {
        mandates = mandates == null ? List.of() : List.copyOf(mandates);
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    /**
     * "Speech 2 x 30 min per WEEK: 1 pull-out + 1 push-in" is one mandate with
     * sessionsPerInterval=2, minutesPerSession=30, pushInSessions=1, pullOutSessions=1.
     *
     * @param continuesMandateId the mandate of the superseded IEP version this one carries on
     *                           (same service), so compliance can follow a service across versions
     * @param providerDiscipline SLP, OT, PT or COUNSELOR
     * @param delivery           INDIVIDUAL or GROUP (then at most {@code maxGroupSize} students)
     * @param constraints        scheduling constraints such as "not during core reading"
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mandate(
            UUID mandateId,
            UUID continuesMandateId,
            String serviceType,
            String providerDiscipline,
            UUID providerId,
            int sessionsPerInterval,
            int minutesPerSession,
            String interval,
            int pushInSessions,
            int pullOutSessions,
            String delivery,
            int maxGroupSize,
            LocalDate startDate,
            LocalDate endDate,
            String pushInLocation,
            String pullOutLocation,
            List<Constraint> constraints) {

        public Mandate {
            constraints = constraints == null ? List.of() : List.copyOf(constraints);
        }

        public int pushInMinutes() {
            return pushInSessions * minutesPerSession;
        }

        public int pullOutMinutes() {
            return pullOutSessions * minutesPerSession;
        }
    }

    /**
     * A scheduling constraint of a mandate. {@code kind}: NOT_DURING_SUBJECT (e.g. never pull out
     * during ELA_READING) or PREFER_SUBJECT (push in during WRITING); {@code subject} is an
     * {@link ActivitySubject} name; {@code setting} the {@link ServiceSetting} it applies to
     * (PUSH_IN or PULL_OUT), null for every session of the mandate. A pull-out that must avoid
     * core reading and a push-in that should happen in it are both common for one mandate.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Constraint(String kind, String subject, String note, String setting) {

        /** A constraint on every session of the mandate, whatever the setting. */
        public Constraint(String kind, String subject, String note) {
            this(kind, subject, note, null);
        }
    }

    /**
     * An annual goal. {@code area} e.g. ARTICULATION, EXPRESSIVE_LANGUAGE, FINE_MOTOR;
     * {@code measurementMethod} PERCENT_ACCURACY, FREQUENCY, DURATION or RUBRIC;
     * {@code skillStage} ACQUISITION, GENERALIZATION or MAINTENANCE; {@code serviceType} the
     * service that works on it; {@code continuesGoalId} the goal of the amended IEP version this
     * one carries on, so goal progress can be followed across versions.
     *
     * <p>Added later, optional (absent in older events, then read as the defaults):
     * {@code direction} INCREASE (higher is better, the default) or DECREASE (lower is better: fewer
     * disfluencies, shorter meltdowns); {@code targetValue} the numeric target in the goal's own
     * measure when it is not a percentage (a count per session for FREQUENCY, a duration in
     * {@code durationUnit} for DURATION, a score for RUBRIC); {@code durationUnit} SECONDS or MINUTES
     * (DURATION goals); {@code scaleMin}/{@code scaleMax} the rubric's scale (RUBRIC goals).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Goal(
            UUID goalId,
            String area,
            String description,
            String baseline,
            String target,
            Integer targetPercent,
            String measurementMethod,
            String skillStage,
            String serviceType,
            UUID continuesGoalId,
            String direction,
            Double targetValue,
            String durationUnit,
            Integer scaleMin,
            Integer scaleMax) {

        /** A goal as written before direction and measure details existed: higher is better. */
        public Goal(UUID goalId, String area, String description, String baseline, String target,
                    Integer targetPercent, String measurementMethod, String skillStage, String serviceType,
                    UUID continuesGoalId) {
            this(goalId, area, description, baseline, target, targetPercent, measurementMethod, skillStage,
                    serviceType, continuesGoalId, null, null, null, null, null);
        }

        /** A goal that continues none of an earlier version. */
        public Goal(UUID goalId, String area, String description, String baseline, String target,
                    Integer targetPercent, String measurementMethod, String skillStage, String serviceType) {
            this(goalId, area, description, baseline, target, targetPercent, measurementMethod, skillStage,
                    serviceType, null);
        }

        /** True when lower values are better; an event without a direction means INCREASE. */
        public boolean lowerIsBetter() {
            return "DECREASE".equals(direction);
        }
    }
}
