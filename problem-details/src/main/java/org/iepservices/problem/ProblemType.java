package org.iepservices.problem;

import java.net.URI;

/** The kinds of problem the APIs report; each has a stable type URI clients can switch on. */
public enum ProblemType {
    VALIDATION(400, "Invalid request"),
    MALFORMED_BODY(400, "Malformed request body"),
    NOT_FOUND(404, "Resource not found"),
    CONFLICT(409, "Conflict with the current state"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    UNPROCESSABLE(422, "Request violates a domain rule"),
    /** A roster file (OneRoster zip) that cannot be imported as a whole; nothing was written. */
    INVALID_ROSTER(422, "Roster file rejected"),
    HTTP(0, null),
    INTERNAL(500, "Internal error");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create("https://iepservices.org/problems/" + name().toLowerCase().replace('_', '-'));
    }
}
