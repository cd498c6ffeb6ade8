package org.iepservices.reporting.progress.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An IEP version (IepActivated or IepAmended, table iep_version) with its early end (IepEnded,
 * table iep_ending), as the compliance IEP consumer keeps them.
 */
public record IepVersion(UUID iepId, LocalDate effectiveFrom, LocalDate endDate, LocalDate endedOn,
                         OffsetDateTime eventTime) {

    /** The last day the IEP is in force as far as its own events say (early end wins). */
    public LocalDate lastDay() {
        if (endedOn != null && (endDate == null || endedOn.isBefore(endDate))) {
            return endedOn;
        }
        return endDate;
    }
}
