package org.iepservices.student.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class IepRulesTest {

    private static final LocalDate SEP = LocalDate.of(2026, 9, 1);
    private static final LocalDate AUG = LocalDate.of(2027, 8, 31);

    @Test
    void aCombinedMandateSplitExactlyIsCoherent() {
        assertEquals(List.of(), IepRules.check(SEP, AUG, null, List.of(new IepRules.MandateShape(2, 1, 1))));
    }

    @Test
    void sessionsNotSplitExactlyByOneSettingOrTheOtherAreAViolation() {
        var violations = IepRules.check(SEP, AUG, null, List.of(new IepRules.MandateShape(2, 1, 1),
                new IepRules.MandateShape(3, 1, 1)));
        assertEquals(1, violations.size());
        assertEquals("mandates[1].pushInSessions", violations.get(0).field());
    }

    @Test
    void datesMustBeInOrder() {
        assertEquals("endDate", IepRules.check(AUG, SEP, null, List.of(new IepRules.MandateShape(1, 1, 0)))
                .get(0).field());
        assertEquals("annualReviewDate", IepRules.check(SEP, AUG, SEP.minusDays(1),
                List.of(new IepRules.MandateShape(1, 1, 0))).get(0).field());
    }

    @Test
    void anIepWithoutMandatesIsRefused() {
        assertEquals("mandates", IepRules.check(SEP, AUG, null, List.of()).get(0).field());
    }

    @Test
    void onlyDraftsAreEditable() {
        assertTrue(IepRules.isEditable(IepStatus.DRAFT));
        assertFalse(IepRules.isEditable(IepStatus.ACTIVE));
        assertFalse(IepRules.isEditable(IepStatus.SUPERSEDED));
    }
}
