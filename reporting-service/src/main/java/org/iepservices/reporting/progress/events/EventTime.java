package org.iepservices.reporting.progress.events;

import org.iepservices.events.EventEnvelope;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The time an event says it happened, which decides between two events about the same thing.
 * The projection never uses the time it consumed an event, so a replay rebuilds it exactly. An
 * envelope without a time counts as the oldest possible: any timed event about the same thing wins.
 */
final class EventTime {

    static final OffsetDateTime UNKNOWN = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private EventTime() {
    }

    static OffsetDateTime of(EventEnvelope event) {
        return event.time() == null ? UNKNOWN : event.time();
    }

    /** True when an event at {@code incoming} must not overwrite state set by one at {@code stored}. */
    static boolean isStale(OffsetDateTime incoming, OffsetDateTime stored) {
        return stored != null && incoming.isBefore(stored);
    }
}
