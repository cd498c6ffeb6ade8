package org.iepservices.session.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.session.domain.medicaid.BillingFormat;
import org.iepservices.session.domain.medicaid.DisciplineModifier;
import org.iepservices.session.domain.medicaid.ServiceCode;
import org.iepservices.session.domain.medicaid.UnitRule;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** One code of a district's service-code table, as a district admin creates or replaces it. */
public record ServiceCodeRequest(
        @NotBlank @Size(max = 10) @Schema(example = "92508") String code,
        @Size(max = 300) @Schema(example = "Treatment of speech, language, voice, communication; group") String description,
        @NotBlank @Size(max = 40) @Schema(description = "The therapy the code bills (a session's service picks it)",
                example = "SLP") String discipline,
        @NotNull BillingFormat billingFormat,
        @NotNull @Schema(description = "UNTIMED: one unit per session; TIMED_15: 8-minute rule") UnitRule unitRule,
        @Schema(description = "GN speech, GO occupational, GP physical therapy; default: the therapy's usual one")
        DisciplineModifier modifier,
        @Size(max = 10) @Schema(description = "The code of the other format: a group code's individual counterpart "
                + "and vice versa", example = "92507") String pairedCode,
        @NotNull @Size(min = 1, max = 10) @Schema(description = "Provider disciplines allowed to bill it",
                example = "[\"SLP\", \"SLPA\"]") List<@NotBlank @Size(max = 40) String> billableBy) {

    ServiceCode toCode() {
        String therapy = upper(discipline);
        return new ServiceCode(null, therapy, billingFormat, upper(code), description, unitRule,
                modifier != null ? modifier : DisciplineModifier.usualFor(therapy).orElse(null), upper(pairedCode),
                billableBy.stream().map(ServiceCodeRequest::upper).distinct().toList());
    }

    static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    /** A code as the API shows it. */
    public record View(UUID id, String code, String description, String discipline, BillingFormat billingFormat,
                       UnitRule unitRule, DisciplineModifier modifier, String pairedCode, List<String> billableBy) {
        static View of(ServiceCode c) {
            return new View(c.id(), c.code(), c.description(), c.discipline(), c.billingFormat(), c.unitRule(),
                    c.modifier(), c.pairedCode(), c.billableBy());
        }
    }
}
