package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The compliance status of one student x service (mandate chain) x period changed, e.g. ON_TRACK to
 * AT_RISK when the forecast falls short, or AT_RISK to OUT_OF_COMPLIANCE when the period closes short.
 * Published by reporting-service (topic {@code reporting.events}) when its projection re-evaluates a
 * period; the first evaluation of a period is not a change and publishes nothing. Minutes are the
 * sums over both settings; no clinical content.
 *
 * @param chainId        the first mandate version of the service (stable across IEP amendments)
 * @param mandateId      the mandate version in force at the end of the period
 * @param interval       WEEK, MONTH or IEP_TERM
 * @param previousStatus NOT_STARTED, ON_TRACK, AT_RISK, OUT_OF_COMPLIANCE or OVER_DELIVERED
 * @param status         the new status (same values)
 * @param districtId     the district of the student's school; null when reporting does not know it yet
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplianceStatusChanged(
        UUID studentId,
        UUID districtId,
        UUID schoolId,
        UUID chainId,
        UUID mandateId,
        String serviceType,
        UUID providerId,
        String interval,
        LocalDate periodStart,
        LocalDate periodEnd,
        String previousStatus,
        String status,
        int mandatedMinutes,
        int deliveredMinutes,
        LocalDate evaluatedOn) {

    public static final EventType<ComplianceStatusChanged> TYPE =
            new EventType<>("ComplianceStatusChanged", Topics.REPORTING, 1, ComplianceStatusChanged.class);
}
