package org.iepservices.student.domain;

public enum ServiceType {
    SPEECH_LANGUAGE,
    OCCUPATIONAL_THERAPY,
    PHYSICAL_THERAPY,
    COUNSELING
}
