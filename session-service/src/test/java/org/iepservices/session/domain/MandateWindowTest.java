package org.iepservices.session.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

class MandateWindowTest {

    private static final LocalDate SEP_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate JUN_30 = LocalDate.of(2027, 6, 30);

    @Test
    void inForceFromTheIepsEffectiveDateToTheMandatesEnd() {
        MandateWindow w = MandateWindow.of(SEP_1, JUN_30, SEP_1, JUN_30, null, null).orElseThrow();
        assertTrue(w.covers(SEP_1));
        assertTrue(w.covers(JUN_30));
        assertFalse(w.covers(SEP_1.minusDays(1)));
        assertFalse(w.covers(JUN_30.plusDays(1)));
    }

    @Test
    void anAmendmentEndsTheOldVersionTheDayBefore() {
        LocalDate amendment = LocalDate.of(2026, 11, 2);
        MandateWindow w = MandateWindow.of(SEP_1, JUN_30, SEP_1, JUN_30, amendment, null).orElseThrow();
        assertEquals(amendment.minusDays(1), w.to());
        assertFalse(w.covers(amendment));
    }

    @Test
    void anAmendedVersionStartsOnItsEffectiveDateEvenIfItsMandatesSayEarlier() {
        LocalDate amendment = LocalDate.of(2026, 11, 2);
        MandateWindow w = MandateWindow.of(SEP_1, JUN_30, amendment, JUN_30, null, null).orElseThrow();
        assertEquals(amendment, w.from());
    }

    @Test
    void anEndedIepIsInForceUpToAndIncludingTheEndDay() {
        LocalDate ended = LocalDate.of(2026, 12, 18);
        MandateWindow w = MandateWindow.of(SEP_1, JUN_30, SEP_1, JUN_30, null, ended).orElseThrow();
        assertTrue(w.covers(ended));
        assertFalse(w.covers(ended.plusDays(1)));
    }

    @Test
    void anIepNotReceivedYetOrSupersededBeforeItStartedIsNeverInForce() {
        assertTrue(MandateWindow.of(SEP_1, JUN_30, null, JUN_30, null, null).isEmpty());
        assertTrue(MandateWindow.of(SEP_1, JUN_30, SEP_1, JUN_30, SEP_1, null).isEmpty());
    }

    @Test
    void openEndsStayOpen() {
        MandateWindow w = MandateWindow.of(null, null, SEP_1, null, null, null).orElseThrow();
        assertNull(w.to());
        assertTrue(w.covers(LocalDate.of(2030, 1, 1)));
    }
}
