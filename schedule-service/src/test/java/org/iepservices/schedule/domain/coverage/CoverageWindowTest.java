package org.iepservices.schedule.domain.coverage;

import org.iepservices.schedule.domain.scheduling.MandateTerms;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoverageWindowTest {

    static MandateTerms speech(LocalDate start, LocalDate end, MandateTerms.Interval interval) {
        // The worked example: speech 2 x 30 min a week, 1 pull-out + 1 push-in.
        return new MandateTerms(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, "SPEECH_LANGUAGE",
                null, 2, 30, interval, 1, 1, "INDIVIDUAL", 1, start, end, List.of());
    }

    @Test
    void aWeekWithOnlyThePullOutScheduledShowsAThirtyMinutePushInGap() {
        MandateTerms terms = speech(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18), MandateTerms.Interval.WEEK);
        CoveragePeriod week = new CoveragePeriod(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 20));
        CoverageWindow w = CoverageWindow.evaluate(terms, week, new SettingMinutes(0, 30));
        assertEquals(new SettingMinutes(30, 30), w.mandated());
        assertEquals(new SettingMinutes(30, 0), w.gap());
        assertEquals(CoverageStatus.GAP, w.status());
        assertEquals(CoverageStatus.COVERED, CoverageWindow.evaluate(terms, week, new SettingMinutes(30, 30)).status());
        CoverageWindow over = CoverageWindow.evaluate(terms, week, new SettingMinutes(30, 60));
        assertEquals(CoverageStatus.OVER_SCHEDULED, over.status());
        assertEquals(new SettingMinutes(0, 30), over.surplus());
    }

    @Test
    void aMandateStartingMidWeekIsProratedBySchoolDays() {
        // Starts Wednesday: 3 of 5 weekdays -> 18 of 30 minutes per setting.
        MandateTerms terms = speech(LocalDate.of(2026, 9, 16), LocalDate.of(2027, 6, 18), MandateTerms.Interval.WEEK);
        CoveragePeriod week = new CoveragePeriod(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 20));
        assertEquals(new SettingMinutes(18, 18), CoverageWindow.evaluate(terms, week, SettingMinutes.ZERO).mandated());
    }

    @Test
    void periodsFollowTheIntervalAndTheMandatesDates() {
        MandateTerms weekly = speech(LocalDate.of(2026, 9, 16), LocalDate.of(2026, 10, 2), MandateTerms.Interval.WEEK);
        List<CoveragePeriod> weeks = CoveragePeriod.between(weekly, LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 12, 31), DayOfWeek.MONDAY);
        assertEquals(List.of(new CoveragePeriod(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 20)),
                new CoveragePeriod(LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 27)),
                new CoveragePeriod(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 4))), weeks);
        MandateTerms monthly = speech(LocalDate.of(2026, 9, 16), LocalDate.of(2027, 6, 18), MandateTerms.Interval.MONTH);
        assertEquals(List.of(new CoveragePeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31))),
                CoveragePeriod.between(monthly, LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 20),
                        DayOfWeek.MONDAY));
        MandateTerms term = speech(LocalDate.of(2026, 9, 16), LocalDate.of(2027, 6, 18), MandateTerms.Interval.IEP_TERM);
        assertEquals(List.of(new CoveragePeriod(LocalDate.of(2026, 9, 16), LocalDate.of(2027, 6, 18))),
                CoveragePeriod.between(term, LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 20),
                        DayOfWeek.MONDAY));
    }
}
