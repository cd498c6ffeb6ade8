package org.iepservices.session.domain.medicaid;

import org.iepservices.session.domain.SessionFormat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What is known about one student's part in one session, as the claim rules need it. {@code discipline}
 * is the therapy of the student's service (it picks the code); {@code rendering} says who delivered it.
 */
public record ClaimFacts(
        UUID sessionLogId,
        LocalDate sessionDate,
        LocalTime startTime,
        LocalTime endTime,
        boolean signed,
        String signedBy,
        String signerCredentials,
        OffsetDateTime signedAt,
        UUID providerId,
        String providerName,
        String discipline,
        String serviceType,
        SessionFormat format,
        long studentsPresent,
        UUID studentId,
        String studentGivenName,
        String studentFamilyName,
        int minutes,
        String medicaidId,
        List<String> diagnosisCodes,
        boolean consentOnFile,
        RenderingProvider rendering) {

    public ClaimFacts {
        diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
        rendering = rendering == null ? RenderingProvider.UNKNOWN : rendering;
    }
}
