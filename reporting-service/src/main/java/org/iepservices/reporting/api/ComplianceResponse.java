package org.iepservices.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.reporting.domain.compliance.ComplianceWindow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "Compliance of one student's mandates per period and setting")
public record ComplianceResponse(UUID studentId, LocalDate from, LocalDate to,
                                 @Schema(description = "The district's date the periods were evaluated for")
                                 LocalDate today, String timeZone, DayOfWeek weekStart,
                                 List<MandateCompliance> mandates) {

    /**
     * One mandate version with the periods it owns (the periods whose last covered day it is in
     * force on). A period in which an amendment took effect belongs to the new version and lists
     * both in {@code mandateIds}; its mandated minutes are both versions' prorated shares.
     */
    public record MandateCompliance(UUID mandateId, UUID iepId,
                                    @Schema(description = "First version of this service (continuesMandateId links versions)")
                                    UUID serviceId, UUID continuesMandateId, String serviceType, UUID providerId,
                                    int sessionsPerInterval, int minutesPerSession, String interval,
                                    int pushInSessions, int pullOutSessions, LocalDate startDate,
                                    @Schema(description = "Last day in force: the stated end, or earlier when superseded, ended or the student left")
                                    LocalDate endDate, LocalDate statedEndDate,
                                    List<ComplianceWindow> periods) {
    }
}
