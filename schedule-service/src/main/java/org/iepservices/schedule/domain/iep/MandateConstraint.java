package org.iepservices.schedule.domain.iep;

import jakarta.persistence.Embeddable;

/** A scheduling constraint of a mandate: NOT_DURING_SUBJECT or PREFER_SUBJECT an ActivitySubject. */
@Embeddable
public record MandateConstraint(String kind, String subject, String note) {
}
