package org.iepservices.schedule.domain.conflict;

import org.iepservices.schedule.domain.EarlyRelease;
import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.domain.conflict.ProposedSession.Participant;
import org.iepservices.schedule.domain.conflict.ProposedSession.Scope;
import org.iepservices.schedule.domain.scheduling.Booking;
import org.iepservices.schedule.domain.scheduling.ClassBlock;
import org.iepservices.schedule.domain.scheduling.MandateTerms;
import org.iepservices.schedule.domain.scheduling.ProviderWindow;
import org.iepservices.schedule.domain.scheduling.TimeSpan;
import org.iepservices.schedule.domain.scheduling.TravelTimes;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test (or a few cases) per rule, on facts built by hand: the exact conflicts each rule reports. */
class ConflictRulesTest {

    static final UUID SCHOOL = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID OTHER_SCHOOL = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID PROVIDER = UUID.randomUUID();
    static final UUID CLASS = UUID.randomUUID();
    static final UUID ANA = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();
    static final UUID CAL = UUID.randomUUID();
    static final UUID ANA_SPEECH = UUID.randomUUID();
    static final UUID BEN_SPEECH = UUID.randomUUID();
    static final UUID CAL_SPEECH = UUID.randomUUID();
    static final UUID OTHER_SERIES = UUID.randomUUID();
    // The week of Mon 2026-09-14 up to the winter break.
    static final LocalDate FROM = LocalDate.of(2026, 9, 14);
    static final LocalDate TO = LocalDate.of(2026, 12, 18);
    static final LocalDate FIRST_TUESDAY = LocalDate.of(2026, 9, 15);

    static TimeSpan time(String start, int minutes) {
        return TimeSpan.of(LocalTime.parse(start), minutes);
    }

    static MandateTerms mandate(UUID id, UUID student, int pushIn, int pullOut, String delivery, int maxGroupSize,
                                MandateTerms.Constraint... constraints) {
        return new MandateTerms(id, UUID.randomUUID(), student, null, "SPEECH_LANGUAGE", PROVIDER, pushIn + pullOut, 30,
                MandateTerms.Interval.WEEK, pushIn, pullOut, delivery, maxGroupSize, FROM, TO.plusMonths(6),
                Arrays.asList(constraints));
    }

    static ClassBlock block(UUID id, DayOfWeek day, String start, int minutes, ActivitySubject subject, boolean core,
                            Structure structure, PushInOpenness openness) {
        return new ClassBlock(id, CLASS, day, time(start, minutes), subject, core, structure, openness);
    }

    static ProposedSession pullOut(DayOfWeek day, String start, int minutes, Participant... students) {
        return new ProposedSession(Scope.SERIES, null, null, PROVIDER, SCHOOL, "SPEECH_LANGUAGE",
                ServiceSetting.PULL_OUT, null, null, day, time(start, minutes), FROM, TO, List.of(students));
    }

    static ProposedSession pushIn(UUID blockId, DayOfWeek day, String start, int minutes, Participant... students) {
        return new ProposedSession(Scope.SERIES, null, null, PROVIDER, SCHOOL, "SPEECH_LANGUAGE",
                ServiceSetting.PUSH_IN, CLASS, blockId, day, time(start, minutes), FROM, TO, List.of(students));
    }

    static Booking weekly(UUID seriesId, UUID school, DayOfWeek day, String start, int minutes, Map<UUID, UUID> students,
                          ServiceSetting setting) {
        return new Booking(seriesId, null, school, setting, day, time(start, minutes), FROM, TO, Set.of(), students);
    }

    static Participant ana() {
        return new Participant(ANA, ANA_SPEECH);
    }

    static Participant ben() {
        return new Participant(BEN, BEN_SPEECH);
    }

    static Participant cal() {
        return new Participant(CAL, CAL_SPEECH);
    }

    /** Facts with a provider available all school day at SCHOOL, Ana and Ben in CLASS, group mandates of up to 4. */
    static final class Facts {
        List<Booking> provider = new ArrayList<>();
        Map<UUID, List<Booking>> students = new HashMap<>();
        List<ProviderWindow> availability = new ArrayList<>();
        TravelTimes travel = TravelTimes.none();
        Integer max;
        Map<UUID, MandateTerms> mandates = new HashMap<>();
        Map<UUID, Set<UUID>> classes = new HashMap<>(Map.of(ANA, Set.of(CLASS), BEN, Set.of(CLASS)));
        List<ClassBlock> blocks = new ArrayList<>();
        Severity pullOutDuringCore = Severity.HARD;

        Facts() {
            for (DayOfWeek d : List.of(DayOfWeek.MONDAY, TUESDAY, DayOfWeek.WEDNESDAY, THURSDAY, DayOfWeek.FRIDAY)) {
                availability.add(new ProviderWindow(SCHOOL, d, new TimeSpan(LocalTime.of(8, 0), LocalTime.of(15, 0))));
            }
            mandates.put(ANA_SPEECH, mandate(ANA_SPEECH, ANA, 1, 1, "GROUP", 4));
            mandates.put(BEN_SPEECH, mandate(BEN_SPEECH, BEN, 1, 1, "GROUP", 4));
            mandates.put(CAL_SPEECH, mandate(CAL_SPEECH, CAL, 1, 1, "GROUP", 4));
        }

        SchedulingFacts build() {
            return new SchedulingFacts(provider, students, availability, travel, max, mandates, classes,
                    Map.of(CLASS, blocks), Map.of(ANA, "Ana", BEN, "Ben", CLASS, "Grade 2 Room 12"),
                    new ConflictPolicy(pullOutDuringCore));
        }
    }

    @Test
    void providerDoubleBooked_onASharedDateWithOverlappingTimes() {
        Facts f = new Facts();
        f.provider.add(weekly(OTHER_SERIES, SCHOOL, TUESDAY, "10:15", 30, Map.of(), ServiceSetting.PULL_OUT));
        List<Conflict> conflicts = ConflictRules.providerDoubleBooked(pullOut(TUESDAY, "10:00", 30, ana()), f.build());
        assertEquals(1, conflicts.size());
        Conflict c = conflicts.get(0);
        assertEquals(ConflictKind.PROVIDER_DOUBLE_BOOKED, c.kind());
        assertEquals(Severity.HARD, c.severity());
        assertEquals(OTHER_SERIES, c.otherSeriesId());
        assertEquals(FIRST_TUESDAY, c.date());

        // Touching is not overlapping; another weekday never clashes.
        assertEquals(List.of(), ConflictRules.providerDoubleBooked(pullOut(TUESDAY, "09:45", 30, ana()), f.build()));
        assertEquals(List.of(), ConflictRules.providerDoubleBooked(pullOut(THURSDAY, "10:00", 30, ana()), f.build()));
    }

    @Test
    void providerDoubleBooked_notOnTheDateTheOtherOccurrenceWasMovedAway() {
        Facts f = new Facts();
        f.provider.add(new Booking(OTHER_SERIES, null, SCHOOL, ServiceSetting.PULL_OUT, TUESDAY, time("10:00", 30), FROM,
                TO, Set.of(FIRST_TUESDAY), Map.of()));
        ProposedSession moveToFirstTuesday = new ProposedSession(Scope.OCCURRENCE, UUID.randomUUID(), UUID.randomUUID(),
                PROVIDER, SCHOOL, "SPEECH_LANGUAGE", ServiceSetting.PULL_OUT, null, null, TUESDAY, time("10:00", 30),
                FIRST_TUESDAY, FIRST_TUESDAY, List.of(ana()));
        assertEquals(List.of(), ConflictRules.providerDoubleBooked(moveToFirstTuesday, f.build()));
        ProposedSession secondTuesday = new ProposedSession(Scope.OCCURRENCE, UUID.randomUUID(), UUID.randomUUID(),
                PROVIDER, SCHOOL, "SPEECH_LANGUAGE", ServiceSetting.PULL_OUT, null, null, TUESDAY, time("10:00", 30),
                FIRST_TUESDAY.plusWeeks(1), FIRST_TUESDAY.plusWeeks(1), List.of(ana()));
        assertEquals(1, ConflictRules.providerDoubleBooked(secondTuesday, f.build()).size());
    }

    @Test
    void studentDoubleBooked_withAnotherProvidersSession() {
        Facts f = new Facts();
        f.students.put(BEN, List.of(weekly(OTHER_SERIES, SCHOOL, TUESDAY, "10:00", 45, Map.of(BEN, UUID.randomUUID()),
                ServiceSetting.PULL_OUT)));
        List<Conflict> conflicts = ConflictRules.studentDoubleBooked(pullOut(TUESDAY, "10:30", 30, ana(), ben()),
                f.build());
        assertEquals(1, conflicts.size());
        assertEquals(ConflictKind.STUDENT_DOUBLE_BOOKED, conflicts.get(0).kind());
        assertEquals(BEN, conflicts.get(0).studentId());
        assertEquals(OTHER_SERIES, conflicts.get(0).otherSeriesId());
        assertEquals(List.of(), ConflictRules.studentDoubleBooked(pullOut(TUESDAY, "10:45", 30, ben()), f.build()));
    }

    @Test
    void outsideProviderAvailability_whenNoWindowAtThatSchoolContainsTheSession() {
        Facts f = new Facts();
        assertEquals(List.of(), ConflictRules.outsideProviderAvailability(pullOut(TUESDAY, "14:30", 30, ana()),
                f.build()));
        List<Conflict> late = ConflictRules.outsideProviderAvailability(pullOut(TUESDAY, "14:45", 30, ana()),
                f.build());
        assertEquals(1, late.size());
        assertEquals(ConflictKind.OUTSIDE_PROVIDER_AVAILABILITY, late.get(0).kind());
        assertEquals(Severity.HARD, late.get(0).severity());

        f.availability.clear();
        f.availability.add(new ProviderWindow(OTHER_SCHOOL, TUESDAY, new TimeSpan(LocalTime.of(8, 0),
                LocalTime.of(15, 0))));
        assertEquals(1, ConflictRules.outsideProviderAvailability(pullOut(TUESDAY, "10:00", 30, ana()), f.build())
                .size(), "a window at another school does not count");
    }

    @Test
    void insufficientTravelTime_betweenSchoolsOnTheSameDay() {
        Facts f = new Facts();
        f.provider.add(weekly(OTHER_SERIES, OTHER_SCHOOL, TUESDAY, "09:20", 30, Map.of(), ServiceSetting.PULL_OUT));
        f.travel = new TravelTimes(Map.of(TravelTimes.SchoolPair.of(SCHOOL, OTHER_SCHOOL), 20), 15);
        List<Conflict> conflicts = ConflictRules.insufficientTravelTime(pullOut(TUESDAY, "10:00", 30, ana()),
                f.build());
        assertEquals(1, conflicts.size());
        assertEquals(ConflictKind.INSUFFICIENT_TRAVEL_TIME, conflicts.get(0).kind());
        assertTrue(conflicts.get(0).message().contains("takes 20 min"), conflicts.get(0).message());
        assertTrue(conflicts.get(0).message().contains("leaves 10 min"), conflicts.get(0).message());
        assertEquals(List.of(), ConflictRules.insufficientTravelTime(pullOut(TUESDAY, "10:10", 30, ana()), f.build()));

        f.travel = new TravelTimes(Map.of(), 5); // an unknown pair takes the default
        assertEquals(List.of(), ConflictRules.insufficientTravelTime(pullOut(TUESDAY, "10:00", 30, ana()), f.build()));
    }

    @Test
    void providerDailyMaxExceeded_countsTheOtherSessionsOfEachDate() {
        Facts f = new Facts();
        f.provider.add(weekly(UUID.randomUUID(), SCHOOL, TUESDAY, "08:30", 30, Map.of(), ServiceSetting.PULL_OUT));
        f.provider.add(weekly(UUID.randomUUID(), SCHOOL, TUESDAY, "09:00", 30, Map.of(), ServiceSetting.PULL_OUT));
        f.max = 2;
        List<Conflict> conflicts = ConflictRules.providerDailyMaxExceeded(pullOut(TUESDAY, "10:00", 30, ana()),
                f.build());
        assertEquals(1, conflicts.size());
        assertEquals(ConflictKind.PROVIDER_DAILY_MAX_EXCEEDED, conflicts.get(0).kind());
        assertEquals(FIRST_TUESDAY, conflicts.get(0).date());
        assertTrue(conflicts.get(0).message().contains("3 sessions"), conflicts.get(0).message());
        f.max = 3;
        assertEquals(List.of(), ConflictRules.providerDailyMaxExceeded(pullOut(TUESDAY, "10:00", 30, ana()), f.build()));
        f.max = null;
        assertEquals(List.of(), ConflictRules.providerDailyMaxExceeded(pullOut(TUESDAY, "10:00", 30, ana()), f.build()));
    }

    @Test
    void pullOutDuringCore_reportsMissedCoreMinutesWithThePolicySeverity() {
        Facts f = new Facts();
        f.blocks.add(block(UUID.randomUUID(), TUESDAY, "09:00", 60, ActivitySubject.MATH, true, Structure.HIGH,
                PushInOpenness.OPEN));
        f.blocks.add(block(UUID.randomUUID(), TUESDAY, "10:00", 30, ActivitySubject.CENTERS, false, Structure.MODERATE,
                PushInOpenness.OPEN));
        List<Conflict> conflicts = ConflictRules.pullOutDuringCore(pullOut(TUESDAY, "09:40", 30, ana()), f.build());
        assertEquals(1, conflicts.size(), "the non-core block is not reported");
        assertEquals(ConflictKind.PULL_OUT_DURING_CORE, conflicts.get(0).kind());
        assertEquals(Severity.HARD, conflicts.get(0).severity());
        assertEquals("MATH", conflicts.get(0).subject());
        assertTrue(conflicts.get(0).message().contains("miss 20 min of core MATH"), conflicts.get(0).message());

        f.pullOutDuringCore = Severity.SOFT;
        assertEquals(Severity.SOFT, ConflictRules.pullOutDuringCore(pullOut(TUESDAY, "09:40", 30, ana()), f.build())
                .get(0).severity());
        assertEquals(List.of(), ConflictRules.pullOutDuringCore(pullOut(TUESDAY, "10:00", 30, ana()), f.build()));
    }

    @Test
    void pullOutDuringExcludedSubject_followsTheMandatesConstraint() {
        Facts f = new Facts();
        f.mandates.put(ANA_SPEECH, mandate(ANA_SPEECH, ANA, 1, 1, "GROUP", 4,
                new MandateTerms.Constraint("NOT_DURING_SUBJECT", "SCIENCE", "loves science")));
        f.blocks.add(block(UUID.randomUUID(), TUESDAY, "13:00", 45, ActivitySubject.SCIENCE, false, Structure.HIGH,
                PushInOpenness.OPEN));
        List<Conflict> conflicts = ConflictRules.pullOutDuringExcludedSubject(pullOut(TUESDAY, "13:30", 30, ana(),
                ben()), f.build());
        assertEquals(1, conflicts.size(), "only Ana's mandate excludes science");
        assertEquals(ConflictKind.PULL_OUT_DURING_EXCLUDED_SUBJECT, conflicts.get(0).kind());
        assertEquals(ANA, conflicts.get(0).studentId());
        assertEquals("SCIENCE", conflicts.get(0).subject());
        assertEquals(List.of(), ConflictRules.pullOutDuringExcludedSubject(pullOut(TUESDAY, "14:00", 30, ana()),
                f.build()));
    }

    @Test
    void nothingToPushInto_lunchIsHardUnstructuredIsSoftAndNoActivityIsHard() {
        Facts f = new Facts();
        UUID lunch = UUID.randomUUID();
        UUID freePlay = UUID.randomUUID();
        UUID reading = UUID.randomUUID();
        f.blocks.add(block(lunch, TUESDAY, "11:30", 30, ActivitySubject.LUNCH, false, Structure.LOW,
                PushInOpenness.OPEN));
        f.blocks.add(block(freePlay, TUESDAY, "12:00", 30, ActivitySubject.CENTERS, false, Structure.LOW,
                PushInOpenness.OPEN));
        f.blocks.add(block(reading, TUESDAY, "09:00", 60, ActivitySubject.ELA_READING, true, Structure.HIGH,
                PushInOpenness.OPEN));

        List<Conflict> atLunch = ConflictRules.nothingToPushInto(pushIn(lunch, TUESDAY, "11:30", 30, ana()), f.build());
        assertEquals(List.of(ConflictKind.NOTHING_TO_PUSH_INTO), atLunch.stream().map(Conflict::kind).toList());
        assertEquals(Severity.HARD, atLunch.get(0).severity());
        assertEquals("LUNCH", atLunch.get(0).subject());
        assertEquals(Severity.SOFT, ConflictRules.nothingToPushInto(pushIn(freePlay, TUESDAY, "12:00", 30, ana()),
                f.build()).get(0).severity());
        assertEquals(Severity.HARD, ConflictRules.nothingToPushInto(pushIn(null, TUESDAY, "14:00", 30, ana()),
                f.build()).get(0).severity(), "no activity at all");
        assertEquals(List.of(), ConflictRules.nothingToPushInto(pushIn(reading, TUESDAY, "09:15", 30, ana()),
                f.build()));
        assertEquals(List.of(), ConflictRules.nothingToPushInto(pullOut(TUESDAY, "11:30", 30, ana()), f.build()));
    }

    @Test
    void teacherDeclinesPushIn_neverIsHardPrefersNotIsSoft() {
        Facts f = new Facts();
        UUID never = UUID.randomUUID();
        UUID prefersNot = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        f.blocks.add(block(never, TUESDAY, "09:00", 60, ActivitySubject.MATH, true, Structure.HIGH,
                PushInOpenness.NEVER));
        f.blocks.add(block(prefersNot, TUESDAY, "10:00", 60, ActivitySubject.WRITING, true, Structure.HIGH,
                PushInOpenness.PREFERS_NOT));
        f.blocks.add(block(open, TUESDAY, "13:00", 60, ActivitySubject.ELA_READING, true, Structure.HIGH,
                PushInOpenness.WELCOMES));
        List<Conflict> hard = ConflictRules.teacherDeclinesPushIn(pushIn(never, TUESDAY, "09:00", 30, ana()), f.build());
        assertEquals(ConflictKind.TEACHER_DECLINES_PUSH_IN, hard.get(0).kind());
        assertEquals(Severity.HARD, hard.get(0).severity());
        assertEquals(Severity.SOFT, ConflictRules.teacherDeclinesPushIn(pushIn(prefersNot, TUESDAY, "10:00", 30,
                ana()), f.build()).get(0).severity());
        assertEquals(List.of(), ConflictRules.teacherDeclinesPushIn(pushIn(open, TUESDAY, "13:00", 30, ana()),
                f.build()));
    }

    @Test
    void studentNotInClass_forAPushInOnly() {
        Facts f = new Facts();
        UUID reading = UUID.randomUUID();
        f.blocks.add(block(reading, TUESDAY, "09:00", 60, ActivitySubject.ELA_READING, true, Structure.HIGH,
                PushInOpenness.OPEN));
        List<Conflict> conflicts = ConflictRules.studentNotInClass(pushIn(reading, TUESDAY, "09:00", 30, ana(), cal()),
                f.build());
        assertEquals(1, conflicts.size());
        assertEquals(ConflictKind.STUDENT_NOT_IN_CLASS, conflicts.get(0).kind());
        assertEquals(CAL, conflicts.get(0).studentId());
        assertEquals(List.of(), ConflictRules.studentNotInClass(pullOut(TUESDAY, "09:00", 30, cal()), f.build()));
    }

    @Test
    void groupTooLarge_perStudentWhoseMandateCapsTheGroup() {
        Facts f = new Facts();
        f.mandates.put(ANA_SPEECH, mandate(ANA_SPEECH, ANA, 1, 1, "GROUP", 2));
        List<Conflict> conflicts = ConflictRules.groupTooLarge(pullOut(TUESDAY, "10:00", 30, ana(), ben(), cal()),
                f.build());
        assertEquals(1, conflicts.size());
        assertEquals(ConflictKind.GROUP_TOO_LARGE, conflicts.get(0).kind());
        assertEquals(ANA, conflicts.get(0).studentId());
        assertEquals(List.of(), ConflictRules.groupTooLarge(pullOut(TUESDAY, "10:00", 30, ana(), ben()), f.build()));
    }

    @Test
    void groupForIndividualMandate_whenMoreThanOneStudent() {
        Facts f = new Facts();
        f.mandates.put(BEN_SPEECH, mandate(BEN_SPEECH, BEN, 1, 1, "INDIVIDUAL", 1));
        List<Conflict> conflicts = ConflictRules.groupForIndividualMandate(pullOut(TUESDAY, "10:00", 30, ana(), ben()),
                f.build());
        assertEquals(1, conflicts.size());
        assertEquals(ConflictKind.GROUP_FOR_INDIVIDUAL_MANDATE, conflicts.get(0).kind());
        assertEquals(BEN, conflicts.get(0).studentId());
        assertEquals(List.of(), ConflictRules.groupForIndividualMandate(pullOut(TUESDAY, "10:00", 30, ben()),
                f.build()));
    }

    @Test
    void settingNotMandated_whenTheMandateHasNoSessionsOfThatSetting() {
        Facts f = new Facts();
        f.mandates.put(ANA_SPEECH, mandate(ANA_SPEECH, ANA, 0, 2, "INDIVIDUAL", 1));
        UUID reading = UUID.randomUUID();
        List<Conflict> conflicts = ConflictRules.settingNotMandated(pushIn(reading, TUESDAY, "09:00", 30, ana()),
                f.build());
        assertEquals(1, conflicts.size());
        assertEquals(ConflictKind.SETTING_NOT_MANDATED, conflicts.get(0).kind());
        assertEquals(Severity.HARD, conflicts.get(0).severity());
        assertEquals(List.of(), ConflictRules.settingNotMandated(pullOut(TUESDAY, "09:00", 30, ana()), f.build()));
    }

    @Test
    void settingOverMandate_countsTheStudentsOtherWeeklySeriesOfTheSameMandateAndSetting() {
        Facts f = new Facts();
        f.students.put(ANA, List.of(
                weekly(OTHER_SERIES, SCHOOL, THURSDAY, "10:00", 30, Map.of(ANA, ANA_SPEECH), ServiceSetting.PULL_OUT),
                // another mandate's series and a push-in do not count
                weekly(UUID.randomUUID(), SCHOOL, DayOfWeek.MONDAY, "10:00", 30, Map.of(ANA, UUID.randomUUID()),
                        ServiceSetting.PULL_OUT),
                weekly(UUID.randomUUID(), SCHOOL, DayOfWeek.FRIDAY, "10:00", 30, Map.of(ANA, ANA_SPEECH),
                        ServiceSetting.PUSH_IN)));
        List<Conflict> conflicts = ConflictRules.settingOverMandate(pullOut(TUESDAY, "10:00", 30, ana()), f.build());
        assertEquals(1, conflicts.size());
        assertEquals(ConflictKind.SETTING_OVER_MANDATE, conflicts.get(0).kind());
        assertEquals(Severity.SOFT, conflicts.get(0).severity());
        assertTrue(conflicts.get(0).message().contains("2 weekly PULL_OUT series"), conflicts.get(0).message());

        f.mandates.put(ANA_SPEECH, mandate(ANA_SPEECH, ANA, 1, 2, "GROUP", 4));
        assertEquals(List.of(), ConflictRules.settingOverMandate(pullOut(TUESDAY, "10:00", 30, ana()), f.build()));
    }

    @Test
    void aCleanSessionHasNoConflictsAtAll() {
        Facts f = new Facts();
        UUID reading = UUID.randomUUID();
        f.blocks.add(block(reading, TUESDAY, "09:00", 60, ActivitySubject.ELA_READING, true, Structure.HIGH,
                PushInOpenness.WELCOMES));
        f.provider.add(weekly(OTHER_SERIES, SCHOOL, TUESDAY, "10:00", 30, Map.of(), ServiceSetting.PULL_OUT));
        f.max = 4;
        assertEquals(List.of(), ConflictRules.check(pushIn(reading, TUESDAY, "09:15", 30, ana(), ben()), f.build()));
    }

    @Test
    void aMoveIsNotJudgedOnGroupOrMandateSettingRules() {
        Facts f = new Facts();
        f.mandates.put(ANA_SPEECH, mandate(ANA_SPEECH, ANA, 0, 1, "INDIVIDUAL", 1));
        f.mandates.put(BEN_SPEECH, mandate(BEN_SPEECH, BEN, 0, 1, "INDIVIDUAL", 1));
        UUID reading = UUID.randomUUID();
        f.blocks.add(block(reading, TUESDAY, "09:00", 60, ActivitySubject.ELA_READING, true, Structure.HIGH,
                PushInOpenness.OPEN));
        ProposedSession move = new ProposedSession(Scope.OCCURRENCE, UUID.randomUUID(), UUID.randomUUID(), PROVIDER,
                SCHOOL, "SPEECH_LANGUAGE", ServiceSetting.PUSH_IN, CLASS, reading, TUESDAY, time("09:00", 30),
                FIRST_TUESDAY, FIRST_TUESDAY, List.of(ana(), ben()));
        assertEquals(List.of(), ConflictRules.check(move, f.build()));
    }

    @Test
    void afterEarlyDismissal_softForASeriesHardForAMoveOntoThatDate() {
        LocalDate wednesday = LocalDate.of(2026, 11, 25);
        EarlyRelease early = new EarlyRelease(wednesday, UUID.randomUUID(), "Early release", LocalTime.NOON, 210);
        Facts f = new Facts();
        SchedulingFacts facts = new SchedulingFacts(f.provider, f.students, f.availability, f.travel, f.max,
                f.mandates, f.classes, Map.of(CLASS, f.blocks), Map.of(), new ConflictPolicy(Severity.HARD),
                List.of(early));
        List<Conflict> series = ConflictRules.afterEarlyDismissal(pullOut(DayOfWeek.WEDNESDAY, "13:00", 30, ana()), facts);
        assertEquals(1, series.size());
        assertEquals(ConflictKind.AFTER_EARLY_DISMISSAL, series.get(0).kind());
        assertEquals(Severity.SOFT, series.get(0).severity());
        assertEquals(wednesday, series.get(0).date());

        ProposedSession move = new ProposedSession(Scope.OCCURRENCE, UUID.randomUUID(), UUID.randomUUID(), PROVIDER,
                SCHOOL, "SPEECH_LANGUAGE", ServiceSetting.PULL_OUT, null, null, DayOfWeek.WEDNESDAY,
                time("11:45", 30), wednesday, wednesday, List.of(ana()));
        assertEquals(Severity.HARD, ConflictRules.afterEarlyDismissal(move, facts).get(0).severity());

        // Ending by dismissal, or on other weekdays, is fine.
        assertEquals(List.of(), ConflictRules.afterEarlyDismissal(pullOut(DayOfWeek.WEDNESDAY, "11:30", 30, ana()), facts));
        assertEquals(List.of(), ConflictRules.afterEarlyDismissal(pullOut(TUESDAY, "13:00", 30, ana()), facts));
    }
}
