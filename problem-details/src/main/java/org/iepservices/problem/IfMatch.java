package org.iepservices.problem;

/**
 * Optimistic concurrency: ETags are the entity's version, and If-Match sends one back. A
 * malformed header is the client's error (400), never a silent overwrite.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version in an If-Match header, or null when absent or {@code *} (no precondition). */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.trim().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "not an ETag of this API: " + ifMatch);
        }
    }

    /** Throws 412 when the client's version is not the current one. */
    public static void check(String what, Object id, Long expected, long current) {
        if (expected != null && expected != current) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, what + " " + id + " changed since version "
                    + expected + " (now " + current + "); read it again");
        }
    }
}
