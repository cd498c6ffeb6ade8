package org.iepservices.session.domain;

/** Whether a missed session must be made up: decided by the district makeup policy per reason. */
public enum OwedVerdict {
    OWED,
    NOT_OWED,
    /** The IEP team decides case by case; resolved later. */
    REVIEW
}
