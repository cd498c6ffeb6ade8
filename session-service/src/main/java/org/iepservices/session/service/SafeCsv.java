package org.iepservices.session.service;

/**
 * CSV cells a spreadsheet will not run: a cell starting with = + - @, a tab or a carriage return
 * is read as a formula by Excel and friends (CSV injection), so it gets a leading apostrophe. A
 * name or note typed by a user must never become a formula on the biller's machine.
 */
public final class SafeCsv {

    private SafeCsv() {
    }

    public static Object cell(Object value) {
        if (!(value instanceof CharSequence text) || text.isEmpty()) {
            return value;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return value;
    }

    public static Object[] cells(Object... values) {
        Object[] safe = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = cell(values[i]);
        }
        return safe;
    }
}
