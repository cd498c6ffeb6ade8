package org.iepservices.rest;

/**
 * One CSV cell, written so a spreadsheet shows it as text. Exports hold text a person typed (a
 * purpose header, a note, a name): a cell starting with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return is run as a formula by Excel, LibreOffice and Google Sheets (CSV
 * injection, e.g. {@code =HYPERLINK("http://…"&A1)} sending the row away). Such a cell gets a leading
 * apostrophe, which the spreadsheet shows as text; then the cell is quoted per RFC 4180 when it holds
 * a comma, quote or line break.
 * <p>
 * Numbers the export writes itself (minutes, a negative balance) are not text a person typed; pass
 * them as numbers with {@link #number}, which leaves a leading minus alone.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell for a text value: neutralised, then quoted if needed; null is an empty cell. */
    public static String safe(String value) {
        if (value == null) {
            return "";
        }
        return quoted(isFormula(value) ? "'" + value : value);
    }

    /** The cell for any value: numbers as they are, everything else as text through {@link #safe}. */
    public static String cell(Object value) {
        if (value instanceof Number number) {
            return number(number);
        }
        return safe(value == null ? null : value.toString());
    }

    /** A number the export computed; never a formula, so a minus sign stays a minus sign. */
    public static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    /**
     * For a CSV writer that quotes by itself (commons-csv's {@code CSVPrinter}): text neutralised
     * but not quoted, numbers and booleans as they are, null as an empty cell.
     */
    public static Object forPrinter(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String text = value.toString();
        return isFormula(text) ? "'" + text : text;
    }

    /** {@link #forPrinter} for each value of a record. */
    public static Object[] forPrinter(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = forPrinter(values[i]);
        }
        return cells;
    }

    /** One CSV line of text cells, without the line break. */
    public static String row(Object... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.toString();
    }

    /** Would a spreadsheet read this cell as a formula (or a DDE command)? */
    static boolean isFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** RFC 4180: a cell with a comma, a double quote or a line break is enclosed in quotes, its quotes doubled. */
    static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
