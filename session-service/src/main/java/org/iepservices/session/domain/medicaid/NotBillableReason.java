package org.iepservices.session.domain.medicaid;

/** Why a delivered session line cannot be claimed (yet). */
public enum NotBillableReason {
    UNSIGNED("the session log is not signed and completed"),
    NO_CONSENT("no parental consent to bill Medicaid on file for the session date"),
    MISSING_MEDICAID_ID("the student has no Medicaid id"),
    MISSING_DIAGNOSIS("the student has no diagnosis code"),
    UNDER_8_MINUTES("under 8 minutes: no billable unit of a timed code"),
    NO_SERVICE_CODE("no service code is configured for this discipline and format"),
    DISCIPLINE_NOT_ALLOWED("the provider's discipline may not bill this code"),
    MISSING_NPI("the rendering provider has no NPI on file"),
    MISSING_SUPERVISOR("an assistant bills under a supervising clinician with an NPI; none is on file");

    private final String message;

    NotBillableReason(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
