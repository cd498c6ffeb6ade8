package org.iepservices.student.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class CaseloadAssignmentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static CaseloadAssignment open(LocalDate end) {
        CaseloadAssignment a = new CaseloadAssignment();
        a.mandateId = UUID.randomUUID();
        a.serviceType = ServiceType.SPEECH_LANGUAGE;
        a.startDate = LocalDate.of(2026, 9, 1);
        a.endDate = end;
        a.active = true;
        return a;
    }

    @Test
    void inEffectUntilItsEndDateEvenBeforeItStarts() {
        CaseloadAssignment a = open(TODAY);
        a.startDate = TODAY.plusDays(10);
        assertTrue(a.inEffectOn(TODAY));
        assertFalse(a.inEffectOn(TODAY.plusDays(1)));
        a.active = false;
        assertFalse(a.inEffectOn(TODAY.minusDays(5)));
    }

    @Test
    void endingInTheFutureKeepsItActiveUntilThen() {
        CaseloadAssignment a = open(LocalDate.of(2027, 8, 31));
        assertTrue(a.endAfter(TODAY.plusDays(30), TODAY));
        assertEquals(TODAY.plusDays(30), a.endDate);
        assertTrue(a.active);
        assertFalse(a.endAfter(TODAY.plusDays(30), TODAY), "the same end again changes nothing");
    }

    @Test
    void endingInThePastDeactivatesAndNeverExtends() {
        CaseloadAssignment a = open(TODAY.minusDays(10));
        assertTrue(a.endAfter(TODAY.minusDays(1), TODAY));
        assertEquals(TODAY.minusDays(10), a.endDate, "an earlier end date stays");
        assertFalse(a.active);
    }

    @Test
    void followingTheContinuingMandateTakesItsEndDate() {
        CaseloadAssignment a = open(LocalDate.of(2027, 8, 31));
        UUID next = UUID.randomUUID();
        assertTrue(a.followMandate(next, ServiceType.SPEECH_LANGUAGE, LocalDate.of(2027, 6, 30), TODAY));
        assertEquals(next, a.mandateId);
        assertEquals(LocalDate.of(2027, 6, 30), a.endDate);
        assertFalse(a.followMandate(next, ServiceType.SPEECH_LANGUAGE, LocalDate.of(2027, 6, 30), TODAY));
    }

    @Test
    void releasingEndsTodayAtTheLatest() {
        CaseloadAssignment open = open(null);
        open.release(TODAY);
        assertEquals(TODAY, open.endDate);
        assertFalse(open.active);
        CaseloadAssignment ending = open(TODAY.minusDays(2));
        ending.release(TODAY);
        assertEquals(TODAY.minusDays(2), ending.endDate);
    }
}
