package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A provider was assigned to (or released from) a student for a service: the caseload that
 * decides what a provider may see (FERPA legitimate educational interest). Assignments follow
 * the providers named on IEP mandates and can be added by hand (a covering SLP); they change
 * without an IEP amendment, because reassigning a provider is not an IEP change. Subject: the
 * student id. {@code active} false, or an {@code endDate} in the past, ends the assignment.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseloadAssignmentChanged(
        UUID assignmentId,
        UUID studentId,
        UUID providerId,
        String serviceType,
        UUID mandateId,
        LocalDate startDate,
        LocalDate endDate,
        boolean active) {

    public static final EventType<CaseloadAssignmentChanged> TYPE =
            new EventType<>("CaseloadAssignmentChanged", Topics.ROSTER, 1, CaseloadAssignmentChanged.class);
}
