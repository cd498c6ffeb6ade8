package org.iepservices.student.api;

import org.iepservices.problem.ProblemException;

/** ETags are the entity version; If-Match carries one back (quotes and W/ tolerated). */
final class Versions {

    private Versions() {
    }

    static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "not an ETag of this API: " + ifMatch);
        }
    }
}
