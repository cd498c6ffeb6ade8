package org.iepservices.session.domain.medicaid;

import java.util.List;

/**
 * One claim line (student x session), billable or with the reasons it is not. {@code regrouped}
 * is true when a group session ended with fewer than two students present and is billed with the
 * group code's individual pair.
 */
public record ClaimLine(
        ClaimFacts facts,
        BillingFormat billingFormat,
        boolean regrouped,
        String serviceCode,
        DisciplineModifier modifier,
        UnitRule unitRule,
        int units,
        String placeOfService,
        String diagnosisCode,
        List<NotBillable> notBillable) {

    public ClaimLine {
        notBillable = List.copyOf(notBillable);
    }

    public boolean billable() {
        return notBillable.isEmpty();
    }

    public List<NotBillableReason> notBillableReasons() {
        return notBillable.stream().map(NotBillable::reason).toList();
    }
}
