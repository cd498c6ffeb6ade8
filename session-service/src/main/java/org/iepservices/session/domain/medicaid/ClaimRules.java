package org.iepservices.session.domain.medicaid;

import org.iepservices.session.domain.SessionFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a delivered session line into a claim line: the district's code for the therapy and format
 * (a group session with fewer than 2 students present is billed with the group code's individual
 * pair), units by the code's rule, its modifier, place of service school (03), the primary
 * diagnosis, and every reason the line cannot be billed.
 */
public final class ClaimRules {

    /** CMS place-of-service code for a school. */
    public static final String PLACE_OF_SERVICE_SCHOOL = "03";

    private ClaimRules() {
    }

    public static ClaimLine line(ClaimFacts facts, ServiceCodeTable codes) {
        boolean documentedAsGroup = facts.format() != SessionFormat.INDIVIDUAL;
        boolean regrouped = documentedAsGroup && facts.studentsPresent() < 2;
        Optional<ServiceCode> code = codes.find(facts.discipline(),
                documentedAsGroup ? BillingFormat.GROUP : BillingFormat.INDIVIDUAL);
        if (regrouped) {
            code = individualPair(codes, facts.discipline(), code);
        }
        BillingFormat format = regrouped || !documentedAsGroup ? BillingFormat.INDIVIDUAL : BillingFormat.GROUP;
        int units = code.map(c -> c.unitRule().units(facts.minutes())).orElse(0);
        String diagnosis = facts.diagnosisCodes().isEmpty() ? null : facts.diagnosisCodes().get(0);

        List<NotBillable> reasons = new ArrayList<>();
        if (!facts.signed()) {
            reasons.add(NotBillable.of(NotBillableReason.UNSIGNED));
        }
        if (!facts.consentOnFile()) {
            reasons.add(NotBillable.of(NotBillableReason.NO_CONSENT));
        }
        if (facts.medicaidId() == null || facts.medicaidId().isBlank()) {
            reasons.add(NotBillable.of(NotBillableReason.MISSING_MEDICAID_ID));
        }
        if (diagnosis == null || diagnosis.isBlank()) {
            reasons.add(NotBillable.of(NotBillableReason.MISSING_DIAGNOSIS));
        }
        if (code.isEmpty()) {
            reasons.add(NotBillable.of(NotBillableReason.NO_SERVICE_CODE));
        } else if (units == 0) {
            reasons.add(NotBillable.of(NotBillableReason.UNDER_8_MINUTES));
        }
        reasons.addAll(providerReasons(facts.rendering(), code));
        return new ClaimLine(facts, format, regrouped, code.map(ServiceCode::code).orElse(null),
                code.map(ServiceCode::modifier).orElse(null), code.map(ServiceCode::unitRule).orElse(null), units,
                PLACE_OF_SERVICE_SCHOOL, diagnosis, reasons);
    }

    /** The group code's individual pair; without a pair named, the therapy's individual code. */
    private static Optional<ServiceCode> individualPair(ServiceCodeTable codes, String discipline,
                                                       Optional<ServiceCode> group) {
        if (group.isPresent() && group.get().pairedCode() != null) {
            return codes.code(discipline, group.get().pairedCode())
                    .filter(c -> c.billingFormat() == BillingFormat.INDIVIDUAL);
        }
        return codes.find(discipline, BillingFormat.INDIVIDUAL);
    }

    private static List<NotBillable> providerReasons(RenderingProvider rendering, Optional<ServiceCode> code) {
        List<NotBillable> reasons = new ArrayList<>();
        if (code.isPresent() && !code.get().billableBy(rendering.discipline())) {
            reasons.add(new NotBillable(NotBillableReason.DISCIPLINE_NOT_ALLOWED,
                    (rendering.discipline() == null ? "a provider of unknown discipline" : rendering.discipline())
                            + " may not bill " + code.get().code() + " (billable by "
                            + String.join(", ", code.get().billableBy()) + ")"));
        }
        if (rendering.npi() == null || rendering.npi().isBlank()) {
            reasons.add(NotBillable.of(NotBillableReason.MISSING_NPI));
        }
        if (rendering.assistant() && (rendering.supervisorNpi() == null || rendering.supervisorNpi().isBlank())) {
            reasons.add(new NotBillable(NotBillableReason.MISSING_SUPERVISOR, rendering.supervisorId() == null
                    ? "an assistant (" + rendering.discipline() + ") bills under a supervising clinician; none is on file"
                    : "the supervising clinician " + rendering.supervisorId() + " has no NPI on file"));
        }
        return reasons;
    }
}
