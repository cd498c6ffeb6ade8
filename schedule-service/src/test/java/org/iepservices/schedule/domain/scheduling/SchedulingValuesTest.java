package org.iepservices.schedule.domain.scheduling;

import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionSeriesScheduled.SubjectMinutes;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulingValuesTest {

    static TimeSpan span(String start, String end) {
        return new TimeSpan(LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void timeSpansOverlapContainAndMeasureGaps() {
        TimeSpan reading = span("09:00", "10:00");
        assertTrue(reading.overlaps(span("09:45", "10:15")));
        assertFalse(reading.overlaps(span("10:00", "10:30")), "touching is not overlapping");
        assertTrue(reading.contains(span("09:15", "09:45")));
        assertFalse(reading.contains(span("09:45", "10:15")));
        assertEquals(15, reading.overlapMinutes(span("09:45", "10:15")));
        assertEquals(20, reading.gapTo(span("10:20", "10:50")));
        assertEquals(30, span("10:30", "11:00").gapTo(reading));
        assertEquals(0, reading.gapTo(span("09:30", "10:30")));
        assertThrows(IllegalArgumentException.class, () -> span("10:00", "10:00"));
        assertFalse(TimeSpan.fitsInDay(LocalTime.of(23, 45), 30));
        assertTrue(TimeSpan.fitsInDay(LocalTime.of(23, 0), 30));
    }

    @Test
    void aBookingSkipsItsExceptionDatesAndFindsTheFirstSharedDate() {
        LocalDate mon = LocalDate.of(2026, 9, 14);
        Booking tuesdays = new Booking(UUID.randomUUID(), null, UUID.randomUUID(), ServiceSetting.PULL_OUT,
                DayOfWeek.TUESDAY, span("10:00", "10:30"), mon, mon.plusWeeks(3), Set.of(mon.plusDays(1)), Map.of());
        assertEquals(List.of(mon.plusDays(8), mon.plusDays(15)), tuesdays.dates());
        assertFalse(tuesdays.occursOn(mon.plusDays(1)));
        assertTrue(tuesdays.occursOn(mon.plusDays(8)));

        Booking later = new Booking(UUID.randomUUID(), null, UUID.randomUUID(), ServiceSetting.PULL_OUT,
                DayOfWeek.TUESDAY, span("10:00", "10:30"), mon.plusDays(10), mon.plusWeeks(8), Set.of(), Map.of());
        assertEquals(mon.plusDays(15), tuesdays.firstDateShared(later).orElseThrow());
        Booking thursdays = new Booking(UUID.randomUUID(), null, UUID.randomUUID(), ServiceSetting.PULL_OUT,
                DayOfWeek.THURSDAY, span("10:00", "10:30"), mon, mon.plusWeeks(8), Set.of(), Map.of());
        assertTrue(tuesdays.firstDateShared(thursdays).isEmpty());
        Booking moved = Booking.single(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                ServiceSetting.PULL_OUT, mon.plusDays(1), span("10:00", "10:30"), Map.of());
        assertTrue(tuesdays.firstDateShared(moved).isEmpty(), "the only Tuesday it has was skipped");
    }

    @Test
    void coreOverlapSumsCoreMinutesBySubjectOnThatWeekdayOnly() {
        UUID cls = UUID.randomUUID();
        List<ClassBlock> blocks = List.of(
                new ClassBlock(UUID.randomUUID(), cls, DayOfWeek.TUESDAY, span("09:00", "09:50"),
                        ActivitySubject.ELA_READING, true, Structure.HIGH, PushInOpenness.OPEN),
                new ClassBlock(UUID.randomUUID(), cls, DayOfWeek.TUESDAY, span("09:50", "10:05"),
                        ActivitySubject.TRANSITION, false, Structure.LOW, PushInOpenness.OPEN),
                new ClassBlock(UUID.randomUUID(), cls, DayOfWeek.TUESDAY, span("10:05", "11:00"),
                        ActivitySubject.MATH, true, Structure.HIGH, PushInOpenness.OPEN),
                new ClassBlock(UUID.randomUUID(), cls, DayOfWeek.WEDNESDAY, span("09:00", "11:00"),
                        ActivitySubject.WRITING, true, Structure.HIGH, PushInOpenness.OPEN));
        assertEquals(List.of(new SubjectMinutes("ELA_READING", 10), new SubjectMinutes("MATH", 15)),
                CoreOverlap.of(blocks, DayOfWeek.TUESDAY, span("09:40", "10:20")));
        assertEquals(List.of(), CoreOverlap.of(blocks, DayOfWeek.THURSDAY, span("09:40", "10:20")));
    }

    @Test
    void mandateTermsReadDeliveryConstraintsAndWeeklyAllowance() {
        MandateTerms monthly = new MandateTerms(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                "OCCUPATIONAL_THERAPY", null, 8, 30, MandateTerms.Interval.MONTH, 4, 4, null, 1,
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 1),
                List.of(new MandateTerms.Constraint("not_during_subject", "math", null),
                        new MandateTerms.Constraint("PREFER_SUBJECT", "WRITING", null)));
        assertTrue(monthly.individual(), "no delivery stated and a group of one");
        assertEquals(1, monthly.weeklySeriesAllowed(ServiceSetting.PUSH_IN));
        assertEquals(Set.of("MATH"), monthly.excludedSubjects());
        assertEquals(Set.of("WRITING"), monthly.preferredSubjects());
        assertEquals(120, monthly.minutes(ServiceSetting.PULL_OUT));
        assertEquals(MandateTerms.Interval.WEEK, MandateTerms.Interval.parse("fortnight"));
        assertEquals(MandateTerms.Interval.IEP_TERM, MandateTerms.Interval.parse("iep_term"));
    }

    @Test
    void travelTimesAreSymmetricAndFallBackForUnknownPairs() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        TravelTimes travel = new TravelTimes(Map.of(TravelTimes.SchoolPair.of(b, a), 25), 15);
        assertEquals(25, travel.between(a, b));
        assertEquals(25, travel.between(b, a));
        assertEquals(15, travel.between(a, c));
        assertEquals(0, travel.between(c, c));
    }
}
