package org.iepservices.backbone.faults;

import org.iepservices.events.EventType;

/** The test event: {@code amount} added to {@code counter}; {@code note} only gives it a size. */
public record TallyAdded(String counter, long amount, String note) {

    public static final String TOPIC = "test.tallies";
    public static final EventType<TallyAdded> TYPE = new EventType<>("test.TallyAdded", TOPIC, 1, TallyAdded.class);
}
