package org.iepservices.session.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MissRulesTest {

    @Test
    void otherNeedsANote() {
        assertEquals("note", MissRules.check(MissReason.OTHER, null, " ", 30).get(0).field());
        assertTrue(MissRules.check(MissReason.OTHER, null, "fire drill", 30).isEmpty());
    }

    @Test
    void aCircumstanceMustBelongToTheReason() {
        assertTrue(MissRules.check(MissReason.STUDENT_UNAVAILABLE, MissCircumstance.TESTING, null, 30).isEmpty());
        assertTrue(MissRules.check(MissReason.PROVIDER_REASSIGNED, MissCircumstance.IEP_MEETING, null, 30).isEmpty());
        assertEquals("circumstance",
                MissRules.check(MissReason.PROVIDER_ABSENT, MissCircumstance.FIELD_TRIP, null, 30).get(0).field());
    }

    @Test
    void aMissHasMinutes() {
        assertEquals("minutes", MissRules.check(MissReason.PROVIDER_ABSENT, null, null, 0).get(0).field());
        assertEquals("minutes", MissRules.check(MissReason.PROVIDER_ABSENT, null, null, -5).get(0).field());
    }
}
