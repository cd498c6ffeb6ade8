package org.iepservices.reporting.api;

import org.iepservices.reporting.domain.compliance.ComplianceWindow;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ComplianceResponse(UUID studentId, LocalDate from, LocalDate to, LocalDate today, String timeZone,
                                 List<MandateCompliance> mandates) {

    public record MandateCompliance(UUID mandateId, UUID iepId, String serviceType, int sessionsPerInterval,
                                    int minutesPerSession, String interval, LocalDate startDate, LocalDate endDate,
                                    List<ComplianceWindow> periods) {
    }
}
