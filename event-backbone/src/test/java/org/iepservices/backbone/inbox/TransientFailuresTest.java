package org.iepservices.backbone.inbox;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailuresTest {

    @Test
    void connectionLockAndShutdownFailuresAreTransientAnywhereInTheCauseChain() {
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(TransientFailures.isTransient(new IllegalStateException(new RuntimeException(new SQLException("deadlock", "40P01")))));
        assertTrue(TransientFailures.isTransient(new SQLException("terminating connection", "57P01")));
        assertTrue(TransientFailures.isTransient(new SQLException("lock not available", "55P03")));
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("pool")));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(TransientFailures.isTransient(new jakarta.persistence.OptimisticLockException("raced")));
    }

    @Test
    void brokenRulesAndMalformedEventsAreNot() {
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("not a CloudEvents envelope")));
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("unique violation", "23505"))));
        assertFalse(TransientFailures.isTransient(new SQLException("syntax", "42601")));
    }

    @Test
    void retriesTransientFailuresWithBackoffThenGivesUp() {
        ConsumerRetry retry = new ConsumerRetry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                4, Duration.ofMillis(1), Duration.ofMillis(4));
        int[] calls = {0};
        assertEquals("done", retry.call("test", () -> {
            if (++calls[0] < 3) {
                throw new RuntimeException(new SQLException("down", "08006"));
            }
            return "done";
        }));
        assertEquals(3, calls[0]);

        calls[0] = 0;
        assertThrows(RuntimeException.class, () -> retry.call("test", () -> {
            calls[0]++;
            throw new RuntimeException(new SQLException("down", "08006"));
        }));
        assertEquals(4, calls[0], "bounded");

        calls[0] = 0;
        assertThrows(IllegalArgumentException.class, () -> retry.call("test", () -> {
            calls[0]++;
            throw new IllegalArgumentException("poison");
        }));
        assertEquals(1, calls[0], "a deterministic failure is not retried");
    }

    @Test
    void theLedgerMustOutliveEveryRedelivery() {
        LedgerRetention.check(Duration.ofDays(30), Duration.ofDays(7));
        LedgerRetention.check(Duration.ofDays(7), Duration.ofDays(7));
        assertThrows(IllegalStateException.class, () -> LedgerRetention.check(Duration.ofDays(3), Duration.ofDays(1)));
        assertThrows(IllegalStateException.class, () -> LedgerRetention.check(Duration.ofDays(10), Duration.ofDays(14)));
    }
}
