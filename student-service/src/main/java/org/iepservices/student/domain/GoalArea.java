package org.iepservices.student.domain;

/** What an annual goal works on; each area has the service that usually addresses it. */
public enum GoalArea {
    ARTICULATION(ServiceType.SPEECH_LANGUAGE),
    EXPRESSIVE_LANGUAGE(ServiceType.SPEECH_LANGUAGE),
    RECEPTIVE_LANGUAGE(ServiceType.SPEECH_LANGUAGE),
    PRAGMATICS_SOCIAL(ServiceType.SPEECH_LANGUAGE),
    FLUENCY(ServiceType.SPEECH_LANGUAGE),
    VOICE(ServiceType.SPEECH_LANGUAGE),
    FINE_MOTOR(ServiceType.OCCUPATIONAL_THERAPY),
    SENSORY_REGULATION(ServiceType.OCCUPATIONAL_THERAPY),
    GROSS_MOTOR(ServiceType.PHYSICAL_THERAPY),
    SOCIAL_EMOTIONAL(ServiceType.COUNSELING),
    OTHER(null);

    private final ServiceType usualService;

    GoalArea(ServiceType usualService) {
        this.usualService = usualService;
    }

    /** The service that usually works on this area; null for OTHER. */
    public ServiceType usualService() {
        return usualService;
    }
}
