package org.iepservices.session.events;

/** Shared checks of the copy consumers. */
final class Copies {

    private Copies() {
    }

    /**
     * An event without the id its copy is keyed by cannot be applied; throwing sends the record to
     * the dead-letter topic instead of dropping it silently.
     */
    static void require(Object id, String field) {
        if (id == null) {
            throw new IllegalArgumentException("event data lacks " + field);
        }
    }
}
