package org.iepservices.session.domain.medicaid;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A billing code (CPT/HCPCS) of a district's table: the therapy ({@code discipline}) and format it
 * bills, how its units count, its modifier, the code of the other format ({@code pairedCode}: a group
 * code's individual counterpart and vice versa) and the provider disciplines allowed to bill it.
 */
public record ServiceCode(UUID id, String discipline, BillingFormat billingFormat, String code, String description,
                          UnitRule unitRule, DisciplineModifier modifier, String pairedCode, List<String> billableBy) {

    public ServiceCode {
        billableBy = billableBy == null ? List.of() : List.copyOf(billableBy);
    }

    /** Whether a provider billing as {@code renderingDiscipline} may bill this code. */
    public boolean billableBy(String renderingDiscipline) {
        return renderingDiscipline != null
                && billableBy.contains(renderingDiscipline.trim().toUpperCase(Locale.ROOT));
    }
}
