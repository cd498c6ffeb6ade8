package org.iepservices.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the contract, so tooling and tests can walk them all. */
public final class EventCatalog {

    public static final List<EventType<?>> ALL = List.of(
            // roster.events
            SchoolUpserted.TYPE,
            StudentUpserted.TYPE,
            StudentDeactivated.TYPE,
            StaffUpserted.TYPE,
            ClassUpserted.TYPE,
            EnrollmentChanged.TYPE,
            CaseloadAssignmentChanged.TYPE,
            RosterImportCompleted.TYPE,
            // iep.events
            IepActivated.TYPE,
            IepAmended.TYPE,
            IepEnded.TYPE,
            ServiceProfileUpdated.TYPE,
            // schedule.events
            SchoolClosed.TYPE,
            CalendarChanged.TYPE,
            BellScheduleChanged.TYPE,
            SessionSeriesScheduled.TYPE,
            SessionSeriesScheduled.CHANGED,
            SessionSeriesCancelled.TYPE,
            OccurrenceCancelled.TYPE,
            OccurrenceRescheduled.TYPE,
            // session.events
            SessionCompleted.TYPE,
            SessionAmended.TYPE,
            SessionMissed.TYPE,
            MissResolved.TYPE,
            // reporting.events
            ComplianceStatusChanged.TYPE,
            // audit.events
            RecordAccessed.TYPE);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private EventCatalog() {
    }
}
