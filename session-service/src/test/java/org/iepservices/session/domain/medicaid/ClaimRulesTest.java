package org.iepservices.session.domain.medicaid;

import org.iepservices.session.domain.SessionFormat;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class ClaimRulesTest {

    private static final ServiceCodeTable CODES = new ServiceCodeTable(List.of(
            new ServiceCode("SLP", BillingFormat.INDIVIDUAL, "92507", null),
            new ServiceCode("SLP", BillingFormat.GROUP, "92508", null),
            new ServiceCode("OT", BillingFormat.INDIVIDUAL, "97530", null),
            new ServiceCode("OT", BillingFormat.GROUP, "97150", null)));

    private static ClaimFacts facts(String discipline, SessionFormat format, long present, int minutes,
                                    boolean signed, String medicaidId, List<String> diagnoses, boolean consent) {
        return new ClaimFacts(UUID.randomUUID(), LocalDate.of(2026, 9, 15), LocalTime.of(10, 0),
                LocalTime.of(10, 30), signed, signed ? "Dana Whitfield" : null, signed ? "CCC-SLP" : null,
                signed ? OffsetDateTime.now() : null, UUID.randomUUID(), "Dana Whitfield", discipline,
                "SPEECH_LANGUAGE", format, present, UUID.randomUUID(), "Ava", "Johnson", minutes, medicaidId,
                diagnoses, consent);
    }

    private static ClaimFacts billable(String discipline, SessionFormat format, long present, int minutes) {
        return facts(discipline, format, present, minutes, true, "MA123", List.of("F80.0", "F80.2"), true);
    }

    @Test
    void anIndividualSpeechSessionIsBilledWithTheIndividualCodeAtSchool() {
        ClaimLine line = ClaimRules.line(billable("SLP", SessionFormat.INDIVIDUAL, 1, 30), CODES);
        assertTrue(line.billable());
        assertEquals("92507", line.serviceCode());
        assertEquals(2, line.units());
        assertEquals("03", line.placeOfService());
        assertEquals("F80.0", line.diagnosisCode(), "the primary diagnosis");
        assertFalse(line.regrouped());
        assertEquals(List.of(), line.notBillableReasons());
    }

    @Test
    void aGroupWithTwoPresentUsesTheGroupCode() {
        ClaimLine line = ClaimRules.line(billable("SLP", SessionFormat.SMALL_GROUP, 2, 30), CODES);
        assertEquals(BillingFormat.GROUP, line.billingFormat());
        assertEquals("92508", line.serviceCode());
        assertFalse(line.regrouped());
        assertEquals("97150", ClaimRules.line(billable("OT", SessionFormat.WHOLE_CLASS, 5, 30), CODES).serviceCode());
    }

    @Test
    void aGroupThatEndedWithOneStudentPresentIsReflaggedAsIndividual() {
        ClaimLine speech = ClaimRules.line(billable("SLP", SessionFormat.SMALL_GROUP, 1, 30), CODES);
        assertEquals(BillingFormat.INDIVIDUAL, speech.billingFormat());
        assertEquals("92507", speech.serviceCode());
        assertTrue(speech.regrouped());
        ClaimLine ot = ClaimRules.line(billable("OT", SessionFormat.WHOLE_CLASS, 1, 30), CODES);
        assertEquals("97530", ot.serviceCode());
        assertTrue(ot.regrouped());
    }

    @Test
    void everyReasonALineCannotBeBilledIsListed() {
        ClaimLine line = ClaimRules.line(facts("SLP", SessionFormat.INDIVIDUAL, 1, 7, false, " ", List.of(), false),
                CODES);
        assertFalse(line.billable());
        assertEquals(List.of(NotBillableReason.UNSIGNED, NotBillableReason.NO_CONSENT,
                NotBillableReason.MISSING_MEDICAID_ID, NotBillableReason.MISSING_DIAGNOSIS,
                NotBillableReason.UNDER_8_MINUTES), line.notBillableReasons());
        assertEquals(0, line.units());
    }

    @Test
    void aDisciplineWithoutACodeIsNotBillable() {
        ClaimLine line = ClaimRules.line(billable("COUNSELOR", SessionFormat.INDIVIDUAL, 1, 30), CODES);
        assertEquals(List.of(NotBillableReason.NO_SERVICE_CODE), line.notBillableReasons());
        assertNull(line.serviceCode());
    }

    @Test
    void unitsAtTheRoundingEdges() {
        for (int[] edge : new int[][]{{7, 0}, {8, 1}, {22, 1}, {23, 2}, {37, 2}, {38, 3}}) {
            ClaimLine line = ClaimRules.line(billable("SLP", SessionFormat.INDIVIDUAL, 1, edge[0]), CODES);
            assertEquals(edge[1], line.units(), edge[0] + " minutes");
            assertEquals(edge[1] > 0, line.billable(), edge[0] + " minutes");
        }
    }
}
