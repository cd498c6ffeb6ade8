package org.iepservices.session.domain.medicaid;

import java.util.regex.Pattern;

/**
 * National Provider Identifier: ten digits whose last is a Luhn check digit computed over the
 * prefix 80840 and the first nine digits (CMS, "NPI check digit").
 */
public final class Npi {

    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

    private Npi() {
    }

    public static boolean isValid(String npi) {
        if (npi == null || !TEN_DIGITS.matcher(npi).matches()) {
            return false;
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The check digit for nine digits. */
    static int checkDigit(String nineDigits) {
        String digits = "80840" + nineDigits;
        int sum = 0;
        boolean doubled = true; // the rightmost digit of the payload is doubled (the check digit follows it)
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
