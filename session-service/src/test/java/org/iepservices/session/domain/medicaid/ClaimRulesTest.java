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

    private static final List<String> SPEECH = List.of("SLP", "SLPA");
    private static final List<String> OT = List.of("OT", "COTA");

    static final ServiceCodeTable CODES = new ServiceCodeTable(List.of(
            code("SLP", BillingFormat.INDIVIDUAL, "92507", UnitRule.UNTIMED, DisciplineModifier.GN, "92508", SPEECH),
            code("SLP", BillingFormat.GROUP, "92508", UnitRule.UNTIMED, DisciplineModifier.GN, "92507", SPEECH),
            code("OT", BillingFormat.INDIVIDUAL, "97530", UnitRule.TIMED_15, DisciplineModifier.GO, "97150", OT),
            code("OT", BillingFormat.GROUP, "97150", UnitRule.UNTIMED, DisciplineModifier.GO, "97530", OT)));

    static ServiceCode code(String discipline, BillingFormat format, String code, UnitRule rule,
                            DisciplineModifier modifier, String pair, List<String> billableBy) {
        return new ServiceCode(UUID.randomUUID(), discipline, format, code, null, rule, modifier, pair, billableBy);
    }

    private static final RenderingProvider SLP = new RenderingProvider("SLP", "1234567893", null, null, null);

    private static ClaimFacts facts(String discipline, SessionFormat format, long present, int minutes,
                                    boolean signed, String medicaidId, List<String> diagnoses, boolean consent,
                                    RenderingProvider rendering) {
        return new ClaimFacts(UUID.randomUUID(), LocalDate.of(2026, 9, 15), LocalTime.of(10, 0),
                LocalTime.of(10, 30), signed, signed ? "Dana Whitfield" : null, signed ? "CCC-SLP" : null,
                signed ? OffsetDateTime.now() : null, UUID.randomUUID(), "Dana Whitfield", discipline,
                "SPEECH_LANGUAGE", format, present, UUID.randomUUID(), "Ava", "Johnson", minutes, medicaidId,
                diagnoses, consent, rendering);
    }

    private static ClaimFacts billable(String discipline, SessionFormat format, long present, int minutes) {
        RenderingProvider rendering = new RenderingProvider(discipline, "1234567893", null, null, null);
        return facts(discipline, format, present, minutes, true, "MA123", List.of("F80.0", "F80.2"), true, rendering);
    }

    @Test
    void anIndividualSpeechSessionIsOneUntimedUnitWhateverItsLength() {
        ClaimLine line = ClaimRules.line(billable("SLP", SessionFormat.INDIVIDUAL, 1, 45), CODES);
        assertTrue(line.billable());
        assertEquals("92507", line.serviceCode());
        assertEquals(UnitRule.UNTIMED, line.unitRule());
        assertEquals(DisciplineModifier.GN, line.modifier());
        assertEquals(1, line.units());
        assertEquals("03", line.placeOfService());
        assertEquals("F80.0", line.diagnosisCode(), "the primary diagnosis");
        assertFalse(line.regrouped());
        assertEquals(List.of(), line.notBillableReasons());
        assertEquals(1, ClaimRules.line(billable("SLP", SessionFormat.INDIVIDUAL, 1, 5), CODES).units(),
                "an untimed code has no 8-minute floor");
    }

    @Test
    void aTimedCodeCountsFifteenMinuteUnits() {
        assertEquals(3, ClaimRules.line(billable("OT", SessionFormat.INDIVIDUAL, 1, 38), CODES).units());
        assertEquals(1, ClaimRules.line(billable("OT", SessionFormat.INDIVIDUAL, 1, 22), CODES).units());
        ClaimLine seven = ClaimRules.line(billable("OT", SessionFormat.INDIVIDUAL, 1, 7), CODES);
        assertEquals(0, seven.units());
        assertEquals(List.of(NotBillableReason.UNDER_8_MINUTES), seven.notBillableReasons());
    }

    @Test
    void aGroupWithTwoPresentUsesTheGroupCode() {
        ClaimLine line = ClaimRules.line(billable("SLP", SessionFormat.SMALL_GROUP, 2, 30), CODES);
        assertEquals(BillingFormat.GROUP, line.billingFormat());
        assertEquals("92508", line.serviceCode());
        assertEquals(1, line.units());
        assertFalse(line.regrouped());
        assertEquals("97150", ClaimRules.line(billable("OT", SessionFormat.WHOLE_CLASS, 5, 30), CODES).serviceCode());
    }

    @Test
    void aGroupThatEndedWithOneStudentPresentIsBilledWithItsIndividualPair() {
        ClaimLine speech = ClaimRules.line(billable("SLP", SessionFormat.SMALL_GROUP, 1, 30), CODES);
        assertEquals(BillingFormat.INDIVIDUAL, speech.billingFormat());
        assertEquals("92507", speech.serviceCode());
        assertTrue(speech.regrouped());
        ClaimLine ot = ClaimRules.line(billable("OT", SessionFormat.WHOLE_CLASS, 1, 30), CODES);
        assertEquals("97530", ot.serviceCode());
        assertEquals(2, ot.units(), "the individual pair's rule counts the units: timed, 30 minutes");
        assertTrue(ot.regrouped());
    }

    @Test
    void theNamedPairWinsOverTheTherapysOtherIndividualCode() {
        ServiceCodeTable table = new ServiceCodeTable(List.of(
                code("SLP", BillingFormat.GROUP, "92508", UnitRule.UNTIMED, DisciplineModifier.GN, "T1018", SPEECH),
                code("SLP", BillingFormat.INDIVIDUAL, "T1018", UnitRule.TIMED_15, null, "92508", SPEECH)));
        ClaimLine line = ClaimRules.line(billable("SLP", SessionFormat.SMALL_GROUP, 1, 30), table);
        assertEquals("T1018", line.serviceCode());
        assertEquals(2, line.units());
    }

    @Test
    void everyReasonALineCannotBeBilledIsListed() {
        ClaimLine line = ClaimRules.line(facts("OT", SessionFormat.INDIVIDUAL, 1, 7, false, " ", List.of(), false,
                RenderingProvider.UNKNOWN), CODES);
        assertFalse(line.billable());
        assertEquals(List.of(NotBillableReason.UNSIGNED, NotBillableReason.NO_CONSENT,
                NotBillableReason.MISSING_MEDICAID_ID, NotBillableReason.MISSING_DIAGNOSIS,
                NotBillableReason.UNDER_8_MINUTES, NotBillableReason.DISCIPLINE_NOT_ALLOWED,
                NotBillableReason.MISSING_NPI), line.notBillableReasons());
        assertEquals(0, line.units());
    }

    @Test
    void aDisciplineWithoutACodeIsNotBillable() {
        ClaimLine line = ClaimRules.line(billable("COUNSELOR", SessionFormat.INDIVIDUAL, 1, 30), CODES);
        assertEquals(List.of(NotBillableReason.NO_SERVICE_CODE), line.notBillableReasons());
        assertNull(line.serviceCode());
    }

    @Test
    void aDisciplineNotAllowedForTheCodeIsNotBilledAndTheReasonNamesIt() {
        RenderingProvider pta = new RenderingProvider("PTA", "1234567893", UUID.randomUUID(), "Pat", "1245319599");
        ClaimLine line = ClaimRules.line(facts("SLP", SessionFormat.INDIVIDUAL, 1, 30, true, "MA1", List.of("F80.0"),
                true, pta), CODES);
        assertEquals(List.of(NotBillableReason.DISCIPLINE_NOT_ALLOWED), line.notBillableReasons());
        assertEquals("PTA may not bill 92507 (billable by SLP, SLPA)", line.notBillable().get(0).message());
    }

    @Test
    void anAssistantBillsUnderASupervisorWithAnNpi() {
        UUID supervisor = UUID.randomUUID();
        RenderingProvider supervised = new RenderingProvider("SLPA", "1245319599", supervisor, "Dana", "1234567893");
        assertTrue(ClaimRules.line(facts("SLP", SessionFormat.INDIVIDUAL, 1, 30, true, "MA1", List.of("F80.0"), true,
                supervised), CODES).billable());
        RenderingProvider unsupervised = new RenderingProvider("SLPA", "1245319599", null, null, null);
        assertEquals(List.of(NotBillableReason.MISSING_SUPERVISOR), ClaimRules.line(facts("SLP",
                SessionFormat.INDIVIDUAL, 1, 30, true, "MA1", List.of("F80.0"), true, unsupervised), CODES)
                .notBillableReasons());
        RenderingProvider supervisorWithoutNpi = new RenderingProvider("SLPA", "1245319599", supervisor, "Dana", null);
        assertEquals(List.of(NotBillableReason.MISSING_SUPERVISOR), ClaimRules.line(facts("SLP",
                SessionFormat.INDIVIDUAL, 1, 30, true, "MA1", List.of("F80.0"), true, supervisorWithoutNpi), CODES)
                .notBillableReasons());
        assertTrue(ClaimRules.line(facts("SLP", SessionFormat.INDIVIDUAL, 1, 30, true, "MA1", List.of("F80.0"), true,
                SLP), CODES).billable(), "a clinician needs no supervisor");
    }
}
