package org.iepservices.student.domain;

import org.iepservices.problem.Problem.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What a service profile must satisfy before billing and scheduling rely on it. */
public final class ServiceProfileRules {

    /** A claim carries at most 12 diagnosis codes (CMS-1500 box 21, A to L). */
    public static final int MAX_DIAGNOSIS_CODES = 12;

    /** State Medicaid ids differ in shape; all are letters and digits, 20 characters at most. */
    private static final Pattern MEDICAID_ID = Pattern.compile("[A-Za-z0-9]{1,20}");

    private ServiceProfileRules() {
    }

    /**
     * Checks the raw input and returns the violations; {@code normalizedCodes} receives the
     * diagnosis codes in dotted form, in order.
     */
    public static List<Violation> check(String medicaidId, List<String> diagnosisCodes, boolean consentOnFile,
                                        LocalDate consentDate, LocalDate today, List<String> normalizedCodes) {
        List<Violation> violations = new ArrayList<>();
        if (medicaidId != null && !MEDICAID_ID.matcher(medicaidId).matches()) {
            violations.add(new Violation("medicaidId", "letters and digits only, at most 20"));
        }
        if (diagnosisCodes.size() > MAX_DIAGNOSIS_CODES) {
            violations.add(new Violation("diagnosisCodes", "at most " + MAX_DIAGNOSIS_CODES
                    + " codes, as many as a claim carries"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < diagnosisCodes.size(); i++) {
            Optional<String> code = Icd10Code.normalize(diagnosisCodes.get(i));
            if (code.isEmpty()) {
                violations.add(new Violation("diagnosisCodes[" + i + "]", "'" + diagnosisCodes.get(i)
                        + "' is not an ICD-10-CM code (e.g. F80.2 or F802)"));
            } else if (!seen.add(code.get())) {
                violations.add(new Violation("diagnosisCodes[" + i + "]", code.get() + " is listed twice"));
            } else {
                normalizedCodes.add(code.get());
            }
        }
        if (consentOnFile && consentDate == null) {
            violations.add(new Violation("billingConsentDate", "the date the parent signed the consent is required "
                    + "when it is on file"));
        }
        if (!consentOnFile && consentDate != null) {
            violations.add(new Violation("billingConsentDate", "no consent is on file, so it has no date"));
        }
        if (consentDate != null && consentDate.isAfter(today)) {
            violations.add(new Violation("billingConsentDate", "cannot be in the future"));
        }
        return violations;
    }
}
