package org.iepservices.student.domain;

public enum GoalArea {
    ARTICULATION,
    EXPRESSIVE_LANGUAGE,
    RECEPTIVE_LANGUAGE,
    PRAGMATICS_SOCIAL,
    FLUENCY,
    VOICE,
    FINE_MOTOR,
    SENSORY_REGULATION,
    GROSS_MOTOR,
    SOCIAL_EMOTIONAL,
    OTHER
}
