package org.iepservices.webhooks.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class RetryScheduleTest {

    @Test
    void doublesUpToTheMaximumWithAtMostTenPercentJitter() {
        RetrySchedule s = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), 15);
        assertEquals(Duration.ofSeconds(10), s.backoff(1));
        assertEquals(Duration.ofSeconds(20), s.backoff(2));
        assertEquals(Duration.ofSeconds(40), s.backoff(3));
        assertEquals(Duration.ofSeconds(2560), s.backoff(9));
        assertEquals(Duration.ofHours(1), s.backoff(10));
        assertEquals(Duration.ofHours(1), s.backoff(60));
        assertEquals(Duration.ofSeconds(40), s.backoff(3, 0.0));
        assertEquals(Duration.ofMillis(43_999), s.backoff(3, 0.9999));
        assertFalse(s.exhausted(14));
        assertTrue(s.exhausted(15));
    }

    @Test
    void refusesANonsenseSchedule() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
    }
}
