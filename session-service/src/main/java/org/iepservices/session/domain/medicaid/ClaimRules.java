package org.iepservices.session.domain.medicaid;

import org.iepservices.session.domain.SessionFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a delivered session line into a claim line: service code by discipline and (re-flagged)
 * format, units by the 15-minute rule, place of service school (03), the primary diagnosis, and
 * every reason the line cannot be billed.
 */
public final class ClaimRules {

    /** CMS place-of-service code for a school. */
    public static final String PLACE_OF_SERVICE_SCHOOL = "03";

    private ClaimRules() {
    }

    public static ClaimLine line(ClaimFacts facts, ServiceCodeTable codes) {
        BillingFormat format = BillingFormat.of(facts.format(), facts.studentsPresent());
        boolean regrouped = facts.format() != SessionFormat.INDIVIDUAL && format == BillingFormat.INDIVIDUAL;
        Optional<ServiceCode> code = codes.find(facts.discipline(), format);
        int units = BillingUnits.of(facts.minutes());
        String diagnosis = facts.diagnosisCodes().isEmpty() ? null : facts.diagnosisCodes().get(0);

        List<NotBillableReason> reasons = new ArrayList<>();
        if (!facts.signed()) {
            reasons.add(NotBillableReason.UNSIGNED);
        }
        if (!facts.consentOnFile()) {
            reasons.add(NotBillableReason.NO_CONSENT);
        }
        if (facts.medicaidId() == null || facts.medicaidId().isBlank()) {
            reasons.add(NotBillableReason.MISSING_MEDICAID_ID);
        }
        if (diagnosis == null || diagnosis.isBlank()) {
            reasons.add(NotBillableReason.MISSING_DIAGNOSIS);
        }
        if (units == 0) {
            reasons.add(NotBillableReason.UNDER_8_MINUTES);
        }
        if (code.isEmpty()) {
            reasons.add(NotBillableReason.NO_SERVICE_CODE);
        }
        return new ClaimLine(facts, format, regrouped, code.map(ServiceCode::code).orElse(null), units,
                PLACE_OF_SERVICE_SCHOOL, diagnosis, reasons.isEmpty(), reasons);
    }
}
