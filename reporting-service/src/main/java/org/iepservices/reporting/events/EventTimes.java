package org.iepservices.reporting.events;

import org.iepservices.events.EventEnvelope;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The time an event was recorded by its producer (envelope {@code time}), which decides between
 * two states of one fact whatever order they arrive in. An envelope without a time counts as the
 * oldest possible, so that it never overrides a timed one, and a replay decides the same way.
 */
public final class EventTimes {

    public static final OffsetDateTime UNKNOWN = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private EventTimes() {
    }

    public static OffsetDateTime of(EventEnvelope event) {
        return event.time() != null ? event.time() : UNKNOWN;
    }
}
