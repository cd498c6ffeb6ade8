package org.iepservices.session.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.iepservices.session.domain.DocumentationStatus.*;
import static org.junit.jupiter.api.Assertions.*;

class DocumentationStatusTest {

    @Test
    void aStudentsPart() {
        assertEquals(MISSED, ofStudent(true, true, false, true), "a miss wins, also for a cancelled occurrence");
        assertEquals(DOCUMENTED, ofStudent(true, false, true, false));
        assertEquals(UNDOCUMENTED, ofStudent(true, false, false, false));
        assertEquals(SCHEDULED, ofStudent(false, false, false, false));
        assertEquals(CANCELLED, ofStudent(true, false, false, true));
    }

    @Test
    void anOccurrenceIsUndocumentedWhileAnyStudentIs() {
        assertEquals(UNDOCUMENTED, ofOccurrence(List.of(DOCUMENTED, UNDOCUMENTED)));
        assertEquals(DOCUMENTED, ofOccurrence(List.of(DOCUMENTED, MISSED)), "a group log with an absent member");
        assertEquals(MISSED, ofOccurrence(List.of(MISSED, MISSED)));
        assertEquals(SCHEDULED, ofOccurrence(List.of(SCHEDULED)));
        assertEquals(CANCELLED, ofOccurrence(List.of(CANCELLED)));
    }
}
