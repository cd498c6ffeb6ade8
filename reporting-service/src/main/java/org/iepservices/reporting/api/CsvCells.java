package org.iepservices.reporting.api;

/**
 * Keeps CSV cells from being read as formulas by a spreadsheet (CSV injection): a text cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * {@code '}, which spreadsheets show as text and do not evaluate. Numbers are written as they are
 * (a negative number is no formula).
 *
 * <p>Local to reporting for now: a shared {@code org.iepservices.rest.CsvCells} in problem-details
 * is on its way; this class should give way to it.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The value to write for one cell: numbers and booleans as they are, text neutralised, null as empty. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return text(value.toString());
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }
}
