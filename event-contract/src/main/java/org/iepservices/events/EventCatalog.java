package org.iepservices.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the contract, so tooling and tests can walk them all. */
public final class EventCatalog {

    public static final List<EventType<?>> ALL = List.of(
            StudentUpserted.TYPE,
            IepActivated.TYPE,
            SessionCompleted.TYPE,
            SessionAmended.TYPE,
            SessionMissed.TYPE,
            SchoolClosed.TYPE);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private EventCatalog() {
    }
}
