package org.iepservices.backbone.outbox;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which refusals park a row at once, which count towards max-attempts, and which never park (broker outage). */
class ParkingRulesTest {

    @Test
    void aRecordTooLargeIsRefusedForGood() {
        assertTrue(OutboxRelay.refusedForGood(new RecordTooLargeException("1.2 MB")));
        assertTrue(OutboxRelay.refusedForGood(new RecordBatchTooLargeException("batch")));
        assertFalse(OutboxRelay.refusedForGood(new InvalidTopicException("bad")));
    }

    @Test
    void aBrokerOutageBlamesNoRow() {
        assertTrue(OutboxRelay.brokerOutage(new TimeoutException("metadata")));
        assertTrue(OutboxRelay.brokerOutage(new NotLeaderOrFollowerException("moving")));
        assertTrue(OutboxRelay.brokerOutage(new java.util.concurrent.TimeoutException()));
        assertFalse(OutboxRelay.brokerOutage(new InvalidTopicException("bad")), "counts towards max-attempts");
        assertFalse(OutboxRelay.brokerOutage(new RecordTooLargeException("1.2 MB")));
    }
}
