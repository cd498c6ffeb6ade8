package org.iepservices.student.domain;

/** Acquisition favours pull-out drill; generalization and maintenance favour push-in. */
public enum SkillStage {
    ACQUISITION,
    GENERALIZATION,
    MAINTENANCE
}
