package org.iepservices.reporting.domain.compliance;

import org.iepservices.events.ServiceSetting;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The school calendar's days and the two holiday policies, as plain rules. */
class HolidayPolicyTest {

    private static final LocalDate MON = LocalDate.of(2026, 11, 23);
    private static final LocalDate WED = MON.plusDays(2);
    private static final LocalDate THANKSGIVING = MON.plusDays(3);
    private static final LocalDate FRI = MON.plusDays(4);
    private static final SchoolCalendar.SchoolYear YEAR = new SchoolCalendar.SchoolYear(LocalDate.of(2026, 9, 1),
            LocalDate.of(2027, 6, 18), Set.of(), Map.of(THANKSGIVING, "HOLIDAY", FRI, "HOLIDAY",
            WED, SchoolCalendar.CLOSURE));
    private static final SchoolCalendar CALENDAR = new SchoolCalendar(Set.of(), List.of(YEAR));

    private static MandateChains.Chain weekly(LocalDate start) {
        MandateChains.StatedMandate stated = ComplianceWindowTest.stated(UUID.randomUUID(), null, start,
                LocalDate.of(2027, 6, 18));
        return MandateChains.build(List.of(stated), List.of(), Map.of(), null).get(0);
    }

    private static SettingMinutes mandated(MandateChains.Chain chain, SchoolCalendar calendar, HolidayPolicy policy,
                                           LocalDate day) {
        return CompliancePeriods.of(chain, day, day, DayOfWeek.MONDAY, calendar, policy).get(0).mandated();
    }

    @Test
    void aClosureIsAnInstructionalDayThatIsNoSchoolDayAndAHolidayIsNeither() {
        assertTrue(CALENDAR.isInstructional(WED));
        assertFalse(CALENDAR.isSchoolDay(WED));
        assertTrue(CALENDAR.isClosed(WED));
        assertFalse(CALENDAR.isInstructional(THANKSGIVING));
        assertTrue(CALENDAR.isNonInstructional(THANKSGIVING));
        assertFalse(CALENDAR.inSchoolYear(LocalDate.of(2026, 7, 6)));
        assertFalse(CALENDAR.isInstructional(LocalDate.of(2026, 7, 6)), "summer");
        assertFalse(CALENDAR.isNonInstructional(LocalDate.of(2026, 7, 6)), "summer is outside the year, no holiday");
        assertTrue(SchoolCalendar.WEEKDAYS.isInstructional(LocalDate.of(2026, 7, 6)), "no calendar: every weekday");
    }

    @Test
    void prorateCountsInstructionalDaysOverTheWeekdaysOfThePeriodRoundingToTheNearestMinute() {
        // 30 per setting, 3 of 5 days instructional (the closure counts): 18.
        assertEquals(new SettingMinutes(18, 18), mandated(weekly(LocalDate.of(2026, 9, 1)), CALENDAR,
                HolidayPolicy.PRORATE, MON));
        // From Tuesday: 2 of 5 days, 12; from Wednesday: the closure alone, 6.
        assertEquals(new SettingMinutes(12, 12), mandated(weekly(MON.plusDays(1)), CALENDAR, HolidayPolicy.PRORATE,
                MON.plusDays(1)));
        assertEquals(new SettingMinutes(6, 6), mandated(weekly(WED), CALENDAR, HolidayPolicy.PRORATE, WED));
    }

    @Test
    void excuseKeepsTheMandateAndExcusesTheSessionsOfTheDaysOff() {
        assertEquals(new SettingMinutes(30, 30), mandated(weekly(LocalDate.of(2026, 9, 1)), CALENDAR,
                HolidayPolicy.EXCUSE, MON));
        List<HolidayExcuse.Pattern> patterns = List.of(
                new HolidayExcuse.Pattern(ServiceSetting.PUSH_IN, DayOfWeek.THURSDAY, 30, LocalDate.of(2026, 9, 3), null),
                new HolidayExcuse.Pattern(ServiceSetting.PULL_OUT, DayOfWeek.WEDNESDAY, 30, LocalDate.of(2026, 9, 2),
                        null),
                new HolidayExcuse.Pattern(ServiceSetting.PULL_OUT, DayOfWeek.FRIDAY, 25, LocalDate.of(2026, 9, 4),
                        MON.minusDays(1)));
        // Thursday's push-in is excused; Wednesday is a closure (its miss decides), the Friday series had ended.
        assertEquals(new SettingMinutes(30, 0), HolidayExcuse.minutes(patterns, CALENDAR, MON, FRI));
    }

    @Test
    void daysOutsideTheSchoolYearCarryNoMandateUnderEitherPolicy() {
        SchoolCalendar fromTuesday = new SchoolCalendar(Set.of(), List.of(new SchoolCalendar.SchoolYear(
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 18), Set.of(), Map.of())));
        MandateChains.Chain summer = weekly(LocalDate.of(2026, 8, 3));
        for (HolidayPolicy policy : HolidayPolicy.values()) {
            assertEquals(new SettingMinutes(24, 24), mandated(summer, fromTuesday, policy, LocalDate.of(2026, 8, 31)));
            assertTrue(CompliancePeriods.of(summer, LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 10),
                    DayOfWeek.MONDAY, fromTuesday, policy).isEmpty(), "a summer week is no period");
        }
    }
}
