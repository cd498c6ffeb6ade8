package org.iepservices.access;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/** An export of a whole district is recorded as several events, none near Kafka's 1 MB limit. */
class AccessAuditChunksTest {

    @Test
    void twentySixThousandStudentsBecomeEventsOfAtMostAThousand() {
        List<UUID> students = IntStream.range(0, 26_000).mapToObj(i -> UUID.randomUUID()).toList();
        List<List<UUID>> chunks = AccessAudit.chunks(students, 1000);
        assertEquals(26, chunks.size());
        assertTrue(chunks.stream().allMatch(c -> c.size() <= 1000));
        List<UUID> joined = new ArrayList<>();
        chunks.forEach(joined::addAll);
        assertEquals(students, joined, "every student once, in order");
    }

    @Test
    void theLastChunkHoldsTheRestAndDuplicatesCountOnce() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        assertEquals(List.of(List.of(a, b), List.of(c)), AccessAudit.chunks(List.of(a, b, a, c, b), 2));
    }

    @Test
    void anAccessThatShowedNoStudentIsStillOneEvent() {
        assertEquals(List.of(List.of()), AccessAudit.chunks(List.of(), 1000));
    }

    @Test
    void aChunkSizeBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> AccessAudit.chunks(List.of(UUID.randomUUID()), 0));
    }
}
