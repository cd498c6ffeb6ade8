package org.iepservices.reporting.domain.compliance;

import org.iepservices.events.SessionSeriesScheduled.SubjectMinutes;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class OccurrenceResolutionTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 9, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final LocalDate THU = LocalDate.of(2026, 9, 17);
    private final UUID occurrence = UUID.randomUUID();
    private final List<OccurrenceResolution.Planned> planned = List.of(new OccurrenceResolution.Planned(occurrence,
            THU, LocalTime.of(10, 0), 30, List.of(new SubjectMinutes("MATH", 30))));

    private OccurrenceResolution.Resolved resolve(Map<UUID, OccurrenceResolution.Move> moves,
                                                  Map<UUID, OccurrenceResolution.Cancellation> cancellations,
                                                  OccurrenceResolution.SeriesEnd end, SchoolCalendar calendar) {
        return OccurrenceResolution.resolve(T0, planned, moves, cancellations, end, calendar).get(0);
    }

    @Test
    void aMoveAfterTheSeriesStateAppliesAndAnOlderOneDoesNot() {
        OccurrenceResolution.Move move = new OccurrenceResolution.Move(occurrence, THU.plusDays(1), LocalTime.NOON, 30,
                List.of(new SubjectMinutes("ELA_READING", 30)), T0.plusHours(1));
        OccurrenceResolution.Resolved moved = resolve(Map.of(occurrence, move), Map.of(), null, SchoolCalendar.WEEKDAYS);
        assertEquals(THU.plusDays(1), moved.date());
        assertEquals("ELA_READING", moved.coreOverlap().get(0).subject());
        assertTrue(moved.scheduled());

        OccurrenceResolution.Move older = new OccurrenceResolution.Move(occurrence, THU.plusDays(1), LocalTime.NOON, 30,
                List.of(), T0.minusHours(1));
        assertEquals(THU, resolve(Map.of(occurrence, older), Map.of(), null, SchoolCalendar.WEEKDAYS).date(),
                "a series state published after the move already has it applied");
    }

    @Test
    void theLaterOfAMoveAndACancellationWins() {
        OccurrenceResolution.Move move = new OccurrenceResolution.Move(occurrence, THU.plusDays(1), LocalTime.NOON, 30,
                List.of(), T0.plusHours(2));
        OccurrenceResolution.Cancellation cancel = new OccurrenceResolution.Cancellation(occurrence,
                "PROVIDER_UNAVAILABLE", T0.plusHours(1));
        assertTrue(resolve(Map.of(occurrence, move), Map.of(occurrence, cancel), null, SchoolCalendar.WEEKDAYS)
                .scheduled(), "moved after it was cancelled: it takes place");
        OccurrenceResolution.Cancellation later = new OccurrenceResolution.Cancellation(occurrence,
                "PROVIDER_UNAVAILABLE", T0.plusHours(3));
        OccurrenceResolution.Resolved r = resolve(Map.of(occurrence, move), Map.of(occurrence, later), null,
                SchoolCalendar.WEEKDAYS);
        assertFalse(r.scheduled());
        assertEquals("PROVIDER_UNAVAILABLE", r.cancelReason());
    }

    @Test
    void seriesEndAndClosuresCancel() {
        assertEquals(OccurrenceResolution.SERIES_CANCELLED, resolve(Map.of(), Map.of(),
                new OccurrenceResolution.SeriesEnd(THU, T0.plusDays(1)), SchoolCalendar.WEEKDAYS).cancelReason());
        assertTrue(resolve(Map.of(), Map.of(), new OccurrenceResolution.SeriesEnd(THU.plusDays(1), T0.plusDays(1)),
                SchoolCalendar.WEEKDAYS).scheduled());
        assertEquals(OccurrenceResolution.SCHOOL_CLOSED, resolve(Map.of(), Map.of(), null,
                new SchoolCalendar(Set.of(THU))).cancelReason());
    }
}
