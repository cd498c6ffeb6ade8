package org.iepservices.session.domain.medicaid;

import java.util.List;

/**
 * One claim line (student x session), billable or with the reasons it is not. {@code regrouped}
 * is true when a group session ended with fewer than two students present and is billed with the
 * individual code.
 */
public record ClaimLine(
        ClaimFacts facts,
        BillingFormat billingFormat,
        boolean regrouped,
        String serviceCode,
        int units,
        String placeOfService,
        String diagnosisCode,
        boolean billable,
        List<NotBillableReason> notBillableReasons) {

    public ClaimLine {
        notBillableReasons = List.copyOf(notBillableReasons);
    }
}
