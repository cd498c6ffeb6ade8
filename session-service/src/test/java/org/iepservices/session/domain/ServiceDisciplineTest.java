package org.iepservices.session.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ServiceDisciplineTest {

    @Test
    void eachServiceIsDeliveredByItsDiscipline() {
        assertEquals("SLP", ServiceDiscipline.of("SPEECH_LANGUAGE", null));
        assertEquals("OT", ServiceDiscipline.of("OCCUPATIONAL_THERAPY", null));
        assertEquals("PT", ServiceDiscipline.of("PHYSICAL_THERAPY", null));
        assertEquals("COUNSELOR", ServiceDiscipline.of("COUNSELING", null));
        assertNull(ServiceDiscipline.of("MUSIC_THERAPY", null));
    }

    @Test
    void theMandatesOwnDisciplineWins() {
        assertEquals("PT", ServiceDiscipline.of("OCCUPATIONAL_THERAPY", "pt"));
        assertTrue(ServiceDiscipline.matches("SLP", "slp"));
        assertFalse(ServiceDiscipline.matches("SLP", "OT"));
        assertFalse(ServiceDiscipline.matches(null, "OT"));
    }
}
