package org.iepservices.student.domain.roster;

import java.util.List;

/**
 * OneRoster grades are CEDS entry-grade codes (PK, KG, 01 ... 12, UG, ...); our students carry
 * PK, K, 1 ... 12, or UG when the SIS gives nothing we can place (ungraded, adult, other).
 */
public final class RosterGrades {

    public static final String UNGRADED = "UG";

    public static String toStudentGrade(List<String> cedsGrades) {
        if (cedsGrades.isEmpty()) {
            return UNGRADED;
        }
        String code = cedsGrades.get(0).trim().toUpperCase(java.util.Locale.ROOT);
        switch (code) {
            case "IT", "PR", "PK", "TK":
                return "PK";
            case "KG", "K":
                return "K";
            default:
                break;
        }
        if (code.matches("\\d{1,2}")) {
            int grade = Integer.parseInt(code);
            if (grade >= 1 && grade <= 12) {
                return Integer.toString(grade);
            }
        }
        return UNGRADED;
    }

    private RosterGrades() {
    }
}
