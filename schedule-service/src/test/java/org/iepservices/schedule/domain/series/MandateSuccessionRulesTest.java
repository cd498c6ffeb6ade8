package org.iepservices.schedule.domain.series;

import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.scheduling.MandateTerms;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a series carried over an IEP amendment: which mandate a date serves, and what no longer fits. */
class MandateSuccessionRulesTest {

    static final UUID OLD = UUID.randomUUID();
    static final UUID NEW = UUID.randomUUID();
    static final LocalDate JOINED = LocalDate.of(2026, 9, 14);
    static final LocalDate AMENDED = LocalDate.of(2026, 12, 9); // a Wednesday

    static MandateTerms mandate(int minutes, int pushIn, int pullOut, String delivery, int maxGroup) {
        return new MandateTerms(NEW, UUID.randomUUID(), UUID.randomUUID(), OLD, "SPEECH_LANGUAGE", null,
                pushIn + pullOut, minutes, MandateTerms.Interval.WEEK, pushIn, pullOut, delivery, maxGroup, AMENDED,
                LocalDate.of(2027, 6, 18), List.of());
    }

    @Test
    void occurrencesFromTheEffectiveDateServeTheContinuingMandate() {
        SeriesMember member = new SeriesMember(UUID.randomUUID(), OLD, JOINED, null).servedUnder(NEW, AMENDED);
        assertEquals(NEW, member.mandateId());
        assertEquals(OLD, member.mandateOn(AMENDED.minusDays(1)), "Tuesday before: the superseded mandate");
        assertEquals(NEW, member.mandateOn(AMENDED));
        assertEquals(NEW, member.mandateOn(AMENDED.plusDays(1)));
        assertEquals(OLD, member.leaving(AMENDED.plusWeeks(2)).mandateOn(JOINED), "leaving keeps the history");
    }

    @Test
    void anAmendmentFromBeforeTheyJoinedReplacesTheMandateOutright() {
        SeriesMember member = new SeriesMember(UUID.randomUUID(), OLD, JOINED, null).servedUnder(NEW, JOINED);
        assertEquals(NEW, member.mandateOn(JOINED));
        assertNull(member.previousMandateId());
    }

    @Test
    void fewerMinutesNoLongerFit() {
        List<String> misfits = MandateFit.misfits(ServiceSetting.PULL_OUT, 30, 1, mandate(25, 1, 1, "GROUP", 4));
        assertEquals(1, misfits.size());
        assertTrue(misfits.get(0).contains("25 min"), misfits.get(0));
    }

    @Test
    void aSettingTheMandateDroppedOrAGroupItNoLongerAllowsDoNotFit() {
        assertEquals(1, MandateFit.misfits(ServiceSetting.PUSH_IN, 30, 1, mandate(30, 0, 2, "GROUP", 4)).size());
        assertEquals(1, MandateFit.misfits(ServiceSetting.PULL_OUT, 30, 3, mandate(30, 0, 2, "GROUP", 2)).size());
        assertEquals(1, MandateFit.misfits(ServiceSetting.PULL_OUT, 30, 2, mandate(30, 0, 2, "INDIVIDUAL", 1)).size());
    }

    @Test
    void theSameTermsFit() {
        assertEquals(List.of(), MandateFit.misfits(ServiceSetting.PULL_OUT, 30, 2, mandate(30, 1, 1, "GROUP", 4)));
    }
}
