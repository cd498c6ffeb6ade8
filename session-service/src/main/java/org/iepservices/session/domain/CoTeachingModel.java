package org.iepservices.session.domain;

/** How the provider and the classroom teacher shared a push-in session. */
public enum CoTeachingModel {
    ONE_TEACH_ONE_ASSIST,
    STATION,
    PARALLEL,
    TEAM,
    CONSULT
}
