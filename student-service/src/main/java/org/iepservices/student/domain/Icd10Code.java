package org.iepservices.student.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of an ICD-10-CM diagnosis code as Medicaid claims carry it: a letter (U is reserved
 * for special purposes and not used in ICD-10-CM), two characters (digit, then digit or letter) for
 * the category, then up to four characters of detail after the dot, e.g. F80.0 (phonological
 * disorder), F80.81 (childhood-onset fluency disorder), F84.0 (autism), R48.2 (apraxia), F82.
 * Claims often drop the dot; both forms are accepted and kept in the dotted form. This checks the
 * format only, not that the code exists in the current code set.
 */
public final class Icd10Code {

    private static final Pattern DOTTED = Pattern.compile("[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");
    private static final Pattern UNDOTTED = Pattern.compile("[A-TV-Z][0-9][0-9A-Z][0-9A-Z]{0,4}");

    private Icd10Code() {
    }

    /** The code in its dotted, upper-case form, or empty when it is not ICD-10-CM shaped. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        if (DOTTED.matcher(code).matches()) {
            return Optional.of(code);
        }
        if (UNDOTTED.matcher(code).matches()) {
            return Optional.of(code.length() == 3 ? code : code.substring(0, 3) + "." + code.substring(3));
        }
        return Optional.empty();
    }
}
