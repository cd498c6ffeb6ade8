package org.iepservices.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The student's service profile changed: what the push-in/pull-out recommendation and Medicaid
 * billing need beyond the IEP. {@code regulationSupport} NONE, SOME or HIGH (sensory and
 * regulation needs; HIGH favours a quiet pull-out room); {@code diagnosisCodes} ICD-10 codes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceProfileUpdated(
        UUID studentId,
        String regulationSupport,
        boolean needsQuietSetting,
        String medicaidId,
        List<String> diagnosisCodes,
        boolean billingConsentOnFile,
        LocalDate billingConsentDate) {

    public static final EventType<ServiceProfileUpdated> TYPE =
            new EventType<>("ServiceProfileUpdated", Topics.IEP, 1, ServiceProfileUpdated.class);

    public ServiceProfileUpdated {
        diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
    }
}
