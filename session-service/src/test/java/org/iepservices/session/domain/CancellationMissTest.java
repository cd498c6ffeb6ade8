package org.iepservices.session.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class CancellationMissTest {

    @Test
    void scheduleReasonsBecomeMissReasons() {
        assertEquals(Optional.of(MissReason.SCHOOL_CLOSED), CancellationMiss.reasonOf("SCHOOL_CLOSED"));
        assertEquals(Optional.of(MissReason.PROVIDER_ABSENT), CancellationMiss.reasonOf("PROVIDER_UNAVAILABLE"));
        assertEquals(Optional.of(MissReason.PROVIDER_ABSENT), CancellationMiss.reasonOf("PROVIDER_ABSENT"));
        assertEquals(Optional.of(MissReason.STUDENT_UNAVAILABLE), CancellationMiss.reasonOf("STUDENT_UNAVAILABLE"));
        assertEquals(Optional.of(MissReason.SCHOOL_EVENT), CancellationMiss.reasonOf("SCHOOL_EVENT"));
        assertEquals(Optional.of(MissReason.OTHER), CancellationMiss.reasonOf("OTHER"));
        assertEquals(Optional.of(MissReason.OTHER), CancellationMiss.reasonOf("FIRE_DRILL"));
    }

    @Test
    void aWithdrawnSeriesIsNoMiss() {
        assertEquals(Optional.empty(), CancellationMiss.reasonOf("SERIES_CANCELLED"));
        assertEquals(Optional.empty(), CancellationMiss.reasonOf(null));
    }

    @Test
    void theNoteSaysWhyItWasCancelled() {
        assertEquals("occurrence cancelled (OTHER): bus strike", CancellationMiss.note("OTHER", "bus strike"));
        assertEquals("occurrence cancelled (SCHOOL_EVENT)", CancellationMiss.note("SCHOOL_EVENT", null));
    }
}
