package org.iepservices.session.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MakeupAllocationTest {

    @Test
    void minutesRepayMissesInOrderEachUpToItsOutstanding() {
        assertEquals(List.of(30, 15), MakeupAllocation.allocate(45, List.of(30, 30)));
    }

    @Test
    void minutesBeyondEveryMissAreNotAllocated() {
        assertEquals(List.of(30), MakeupAllocation.allocate(40, List.of(30)));
    }

    @Test
    void anAlreadyRepaidMissTakesNothing() {
        assertEquals(List.of(0, 20), MakeupAllocation.allocate(20, List.of(0, 30)));
    }
}
