package org.iepservices.student.domain.roster;

/**
 * A problem found in an import, located as precisely as we can: file, line of the CSV (the header is
 * line 1), column. Line and column are null for file-level issues.
 */
public record RowIssue(String file, Long line, String column, String message) {

    public static RowIssue ofFile(String file, String message) {
        return new RowIssue(file, null, null, message);
    }
}
