package org.iepservices.reporting.domain.compliance;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class MandateChainsTest {

    private static final LocalDate SEPT_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate JUNE_18 = LocalDate.of(2027, 6, 18);
    private static final LocalDate WED_OCT_7 = LocalDate.of(2026, 10, 7);

    private static MandateChains.StatedMandate mandate(UUID id, UUID iep, UUID continues, LocalDate start) {
        return new MandateChains.StatedMandate(id, iep, continues, "SPEECH_LANGUAGE", 2, 30, "WEEK", 1, 1, start,
                JUNE_18, null, null);
    }

    @Test
    void anAmendmentEndsTheOldVersionTheDayBeforeAndTheWeekIsJudgedOnBothVersionsTogether() {
        UUID firstIep = UUID.randomUUID();
        UUID amendment = UUID.randomUUID();
        UUID oldMandate = UUID.randomUUID();
        UUID newMandate = UUID.randomUUID();
        List<MandateChains.StatedMandate> mandates = new ArrayList<>(List.of(
                mandate(oldMandate, firstIep, null, SEPT_1), mandate(newMandate, amendment, oldMandate, WED_OCT_7)));
        List<MandateChains.IepVersion> ieps = List.of(new MandateChains.IepVersion(firstIep, null, SEPT_1),
                new MandateChains.IepVersion(amendment, firstIep, WED_OCT_7));
        for (int i = 0; i < 2; i++) {
            Collections.reverse(mandates); // the order facts arrive in does not matter
            List<MandateChains.Chain> chains = MandateChains.build(mandates, ieps, Map.of(), null);
            assertEquals(1, chains.size());
            MandateChains.Chain chain = chains.get(0);
            assertEquals(oldMandate, chain.chainId());
            assertEquals(LocalDate.of(2026, 10, 6), chain.versions().get(0).terms().endDate());

            CompliancePeriods.ServicePeriod week = CompliancePeriods.of(chain, WED_OCT_7, WED_OCT_7, DayOfWeek.MONDAY,
                    SchoolCalendar.WEEKDAYS).get(0);
            assertEquals(List.of(oldMandate, newMandate), week.mandateIds());
            assertEquals(newMandate, week.owner().mandateId());
            assertEquals(new SettingMinutes(30, 30), week.mandated(), "12 + 18 per setting");
        }
    }

    @Test
    void withoutContinuesMandateIdTheVersionsAreSeparateServicesEachProrated() {
        UUID firstIep = UUID.randomUUID();
        UUID secondIep = UUID.randomUUID();
        List<MandateChains.Chain> chains = MandateChains.build(List.of(
                        mandate(UUID.randomUUID(), firstIep, null, SEPT_1),
                        mandate(UUID.randomUUID(), secondIep, null, WED_OCT_7)),
                List.of(new MandateChains.IepVersion(secondIep, firstIep, WED_OCT_7)), Map.of(), null);
        assertEquals(2, chains.size());
        assertEquals(new SettingMinutes(12, 12), CompliancePeriods.of(chains.get(0), WED_OCT_7, WED_OCT_7,
                DayOfWeek.MONDAY, SchoolCalendar.WEEKDAYS).get(0).mandated());
        assertEquals(new SettingMinutes(18, 18), CompliancePeriods.of(chains.get(1), WED_OCT_7, WED_OCT_7,
                DayOfWeek.MONDAY, SchoolCalendar.WEEKDAYS).get(0).mandated());
    }

    @Test
    void anEndedIepAndALeavingStudentEndTheMandate() {
        UUID iep = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        MandateChains.StatedMandate m = mandate(id, iep, null, SEPT_1);
        assertEquals(LocalDate.of(2026, 11, 20), MandateChains.build(List.of(m), List.of(),
                Map.of(iep, LocalDate.of(2026, 11, 20)), null).get(0).versions().get(0).terms().endDate());
        assertEquals(LocalDate.of(2026, 11, 19), MandateChains.build(List.of(m), List.of(), Map.of(),
                LocalDate.of(2026, 11, 20)).get(0).versions().get(0).terms().endDate());
    }

    @Test
    void aVersionSupersededBeforeItStartsIsNeverInForce() {
        UUID iep = UUID.randomUUID();
        MandateChains.Chain chain = MandateChains.build(List.of(mandate(UUID.randomUUID(), iep, null, WED_OCT_7)),
                List.of(new MandateChains.IepVersion(UUID.randomUUID(), iep, SEPT_1)), Map.of(), null).get(0);
        assertFalse(chain.inForce());
        assertTrue(CompliancePeriods.of(chain, SEPT_1, JUNE_18, DayOfWeek.MONDAY, SchoolCalendar.WEEKDAYS).isEmpty());
    }
}
