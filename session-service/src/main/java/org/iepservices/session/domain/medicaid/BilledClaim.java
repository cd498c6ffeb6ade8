package org.iepservices.session.domain.medicaid;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a claim line bills, as it goes into an export: the facts a payer sees, nothing about why
 * (a billable line has no reasons). Two lines bill the same thing exactly when their
 * {@link #fingerprint()}s are equal.
 */
public record BilledClaim(UUID sessionLogId, LocalDate serviceDate, LocalTime startTime, LocalTime endTime,
                          UUID studentId, String studentFamilyName, String studentGivenName, String medicaidId,
                          String diagnosisCode, UUID providerId, String providerName, String renderingDiscipline,
                          String npi, UUID supervisingProviderId, String supervisingProviderName,
                          String supervisingNpi, String serviceCode, DisciplineModifier modifier, UnitRule unitRule,
                          BillingFormat billingFormat, boolean regroupedAsIndividual, long studentsPresent,
                          int minutes, int units, String placeOfService, String signedBy, String signerCredentials,
                          OffsetDateTime signedAt) {

    public static BilledClaim of(ClaimLine line) {
        ClaimFacts f = line.facts();
        RenderingProvider r = f.rendering();
        return new BilledClaim(f.sessionLogId(), f.sessionDate(), f.startTime(), f.endTime(), f.studentId(),
                f.studentFamilyName(), f.studentGivenName(), f.medicaidId(), line.diagnosisCode(), f.providerId(),
                f.providerName(), r.discipline(), r.npi(), r.assistant() ? r.supervisorId() : null,
                r.assistant() ? r.supervisorName() : null, r.assistant() ? r.supervisorNpi() : null,
                line.serviceCode(), line.modifier(), line.unitRule(), line.billingFormat(), line.regrouped(),
                f.studentsPresent(), f.minutes(), line.units(), line.placeOfService(), f.signedBy(),
                f.signerCredentials(), f.signedAt());
    }

    /**
     * What the payer is billed for (service, when, who, how much): an addendum that changes none of
     * it (a progress note, goal data) changes no claim. Names are left out: a roster rename is not a
     * correction of the service.
     */
    public String fingerprint() {
        String billed = String.join("|", String.valueOf(serviceDate), String.valueOf(startTime),
                String.valueOf(endTime), String.valueOf(studentId), String.valueOf(medicaidId),
                String.valueOf(diagnosisCode), String.valueOf(providerId), String.valueOf(npi),
                String.valueOf(supervisingNpi), String.valueOf(serviceCode), String.valueOf(modifier),
                String.valueOf(billingFormat), Integer.toString(minutes), Integer.toString(units),
                String.valueOf(placeOfService));
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(billed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
