package org.iepservices.schedule.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;
import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.Mandate;
import org.iepservices.schedule.solver.ScheduleProblem.Student;
import org.iepservices.schedule.solver.ScheduleProblem.TravelTime;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static java.time.DayOfWeek.*;
import static org.iepservices.events.ActivitySubject.*;
import static org.iepservices.schedule.recommendation.GoalArea.*;
import static org.iepservices.schedule.solver.Fixtures.*;

/** One test per rule, asserting the exact penalty (match weight) on small hand-made weeks. */
class ScheduleConstraintProviderTest {

    private final ConstraintVerifier<ScheduleConstraintProvider, ServiceSchedule> verifier =
            ConstraintVerifier.build(new ScheduleConstraintProvider(), ServiceSchedule.class, ServiceSession.class);

    private final Student ana = student(SCHOOL_A, CLASS_1, "2", EXPRESSIVE_LANGUAGE, ARTICULATION);
    private final Student ben = student(SCHOOL_A, CLASS_1, "2", EXPRESSIVE_LANGUAGE);
    private final Student cal = student(SCHOOL_A, CLASS_1, "2", PRAGMATICS);
    private final Student dee = student(SCHOOL_B, CLASS_2, "4", FINE_MOTOR);

    @Test
    void providerDoubleBookingCountsOverlappingMinutesUnlessItIsOneGroupSession() {
        Mandate a = individual(ana, 30, 0, 1);
        Mandate b = individual(ben, 30, 0, 1);
        verifier.verifyThat(ScheduleConstraintProvider::providerDoubleBooking)
                .given(pullOut(ana, a, MONDAY, "09:00"), pullOut(ben, b, MONDAY, "09:10"))
                .penalizesBy(20);
        verifier.verifyThat(ScheduleConstraintProvider::providerDoubleBooking)
                .given(pullOut(ana, a, MONDAY, "09:00"), pullOut(ben, b, TUESDAY, "09:00"))
                .penalizesBy(0);

        Mandate ga = group(ana, 30, 0, 1, 3);
        Mandate gb = group(ben, 30, 0, 1, 3);
        verifier.verifyThat(ScheduleConstraintProvider::providerDoubleBooking)
                .given(pullOut(ana, ga, MONDAY, "09:00"), pullOut(ben, gb, MONDAY, "09:00"))
                .penalizesBy(0);
        // group mandates, but not the same start: two sessions, not one
        verifier.verifyThat(ScheduleConstraintProvider::providerDoubleBooking)
                .given(pullOut(ana, ga, MONDAY, "09:00"), pullOut(ben, gb, MONDAY, "09:05"))
                .penalizesBy(25);
        // a group pull-out and an individual one at the same time
        verifier.verifyThat(ScheduleConstraintProvider::providerDoubleBooking)
                .given(pullOut(ana, ga, MONDAY, "09:00"), pullOut(ben, b, MONDAY, "09:00"))
                .penalizesBy(30);
        // another provider's session is not this provider's problem
        verifier.verifyThat(ScheduleConstraintProvider::providerDoubleBooking)
                .given(pullOut(ana, a, MONDAY, "09:00"), otherProvider(ben, MONDAY, "09:00", 30))
                .penalizesBy(0);
    }

    @Test
    void studentDoubleBookingCountsOverlappingMinutesWithAnyProvider() {
        Mandate a = individual(ana, 30, 0, 2);
        verifier.verifyThat(ScheduleConstraintProvider::studentDoubleBooking)
                .given(pullOut(ana, a, MONDAY, "09:00"), otherProvider(ana, MONDAY, "09:15", 45))
                .penalizesBy(15);
        verifier.verifyThat(ScheduleConstraintProvider::studentDoubleBooking)
                .given(pullOut(ana, a, MONDAY, "09:00"), pullOut(ana, a, MONDAY, "09:30"))
                .penalizesBy(0);
        verifier.verifyThat(ScheduleConstraintProvider::studentDoubleBooking)
                .given(pullOut(ana, a, MONDAY, "09:00"), otherProvider(ben, MONDAY, "09:00", 30))
                .penalizesBy(0);
    }

    @Test
    void withinProviderAvailabilityCountsTheMinutesOfASessionNotInsideAWindow() {
        Mandate a = individual(ana, 30, 0, 1);
        AvailabilityWindow mondayA = new AvailabilityWindow(SCHOOL_A, MONDAY, LocalTime.parse("08:00"), LocalTime.parse("09:15"));
        AvailabilityWindow mondayB = new AvailabilityWindow(SCHOOL_B, MONDAY, LocalTime.parse("08:00"), LocalTime.parse("15:00"));
        verifier.verifyThat(ScheduleConstraintProvider::withinProviderAvailability)
                .given(mondayA, mondayB, pullOut(ana, a, MONDAY, "09:00"))
                .penalizesBy(30);
        verifier.verifyThat(ScheduleConstraintProvider::withinProviderAvailability)
                .given(mondayA, pullOut(ana, a, MONDAY, "08:45"))
                .penalizesBy(0);
        verifier.verifyThat(ScheduleConstraintProvider::withinProviderAvailability)
                .given(mondayB, pullOut(ana, a, MONDAY, "08:45"))
                .penalizesBy(30);
    }

    @Test
    void travelTimeBetweenSchoolsCountsTheMinutesShort() {
        Mandate a = individual(ana, 30, 0, 1);
        Mandate d = individual(dee, 30, 0, 1);
        TravelTime travel = new TravelTime(SCHOOL_B, SCHOOL_A, 20);
        verifier.verifyThat(ScheduleConstraintProvider::travelTimeBetweenSchools)
                .given(travel, pullOut(ana, a, MONDAY, "09:00"), pullOut(dee, d, MONDAY, "09:40"))
                .penalizesBy(10);
        verifier.verifyThat(ScheduleConstraintProvider::travelTimeBetweenSchools)
                .given(travel, pullOut(dee, d, MONDAY, "08:20"), pullOut(ana, a, MONDAY, "09:00"))
                .penalizesBy(10);
        verifier.verifyThat(ScheduleConstraintProvider::travelTimeBetweenSchools)
                .given(travel, pullOut(ana, a, MONDAY, "09:00"), pullOut(dee, d, MONDAY, "09:50"))
                .penalizesBy(0);
        verifier.verifyThat(ScheduleConstraintProvider::travelTimeBetweenSchools)
                .given(travel, pullOut(ana, a, MONDAY, "09:00"), pullOut(dee, d, TUESDAY, "09:30"))
                .penalizesBy(0);
    }

    @Test
    void pullOutNotDuringProtectedBlocksCountsOverlappingMinutes() {
        ActivityBlock protectedEla = block(CLASS_1, MONDAY, "09:15", "10:00", ELA_READING, true, Structure.HIGH, PushInOpenness.NEVER);
        ActivityBlock openEla = block(CLASS_1, TUESDAY, "09:15", "10:00", ELA_READING, true, Structure.HIGH, PushInOpenness.OPEN);
        ActivityBlock math = block(CLASS_1, WEDNESDAY, "09:20", "10:00", MATH);
        ActivityBlock otherClass = block(CLASS_2, MONDAY, "09:00", "10:00", ELA_READING, true, Structure.HIGH, PushInOpenness.NEVER);
        Mandate a = withNotDuring(individual(ana, 30, 0, 1), MATH);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutNotDuringProtectedBlocks)
                .given(protectedEla, openEla, math, otherClass, pullOut(ana, a, MONDAY, "09:00"))
                .penalizesBy(15);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutNotDuringProtectedBlocks)
                .given(protectedEla, openEla, math, otherClass, pullOut(ana, a, TUESDAY, "09:00"))
                .penalizesBy(0);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutNotDuringProtectedBlocks)
                .given(protectedEla, openEla, math, otherClass, pullOut(ana, a, WEDNESDAY, "09:00"))
                .penalizesBy(10);
    }

    @Test
    void pullOutNotDuringProtectedBlocksClosesEveryCoreBlockWhenTheDistrictProtectsCore() {
        ActivityBlock openEla = block(CLASS_1, TUESDAY, "09:15", "10:00", ELA_READING, true, Structure.HIGH, PushInOpenness.OPEN);
        ActivityBlock science = block(CLASS_1, TUESDAY, "10:00", "11:00", SCIENCE, false, Structure.HIGH, PushInOpenness.OPEN);
        Mandate a = individual(ana, 30, 0, 1);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutNotDuringProtectedBlocks)
                .given(openEla, science, pullOut(ana, a, TUESDAY, "09:45").protectingCoreInstruction(true))
                .penalizesBy(15);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutNotDuringProtectedBlocks)
                .given(openEla, science, pullOut(ana, a, TUESDAY, "09:45"))
                .penalizesBy(0);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutNotDuringProtectedBlocks)
                .given(openEla, science, pullOut(ana, a, TUESDAY, "10:00").protectingCoreInstruction(true))
                .penalizesBy(0);
    }

    @Test
    void pullOutNotDuringProtectedBlocksLooksAtEveryClassOfTheStudentButNotAtPinnedSessions() {
        UUID specialsClass = UUID.randomUUID();
        Student inTwoClasses = new Student(UUID.randomUUID(), "two classes", SCHOOL_A, CLASS_1, "2",
                Set.of(EXPRESSIVE_LANGUAGE), List.of(specialsClass));
        ActivityBlock protectedMath = block(specialsClass, MONDAY, "13:00", "14:00", MATH, true, Structure.HIGH, PushInOpenness.NEVER);
        Mandate m = individual(inTwoClasses, 30, 0, 1);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutNotDuringProtectedBlocks)
                .given(protectedMath, pullOut(inTwoClasses, m, MONDAY, "13:00"))
                .penalizesBy(30);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutNotDuringProtectedBlocks)
                .given(protectedMath, pullOut(ana, individual(ana, 30, 0, 1), MONDAY, "13:00"))
                .penalizesBy(0);
        ServiceSession existing = pullOut(inTwoClasses, m, MONDAY, "13:00");
        existing.pinAt(existing.getPlacement());
        verifier.verifyThat(ScheduleConstraintProvider::pullOutNotDuringProtectedBlocks)
                .given(protectedMath, existing)
                .penalizesBy(0);
    }

    @Test
    void providerDailyMaximumCountsSessionsOverTheLimitAGroupOnceAndTimeTakenElsewhere() {
        DailyLimit two = new DailyLimit(2);
        verifier.verifyThat(ScheduleConstraintProvider::providerDailyMaximum)
                .given(two, pullOut(ana, individual(ana, 30, 0, 1), MONDAY, "09:00"),
                        pullOut(ben, individual(ben, 30, 0, 1), MONDAY, "10:00"),
                        pullOut(cal, individual(cal, 30, 0, 1), MONDAY, "11:00"),
                        pullOut(dee, individual(dee, 30, 0, 1), MONDAY, "12:00"),
                        pullOut(ana, individual(ana, 30, 0, 1), TUESDAY, "09:00"))
                .penalizesBy(2);
        // a group of three is one session; another provider's session is not this provider's day
        verifier.verifyThat(ScheduleConstraintProvider::providerDailyMaximum)
                .given(two, pullOut(ana, group(ana, 30, 0, 1, 3), MONDAY, "09:00"),
                        pullOut(ben, group(ben, 30, 0, 1, 3), MONDAY, "09:00"),
                        pullOut(cal, group(cal, 30, 0, 1, 3), MONDAY, "09:00"),
                        pullOut(dee, individual(dee, 30, 0, 1), MONDAY, "12:00"),
                        otherProvider(ana, MONDAY, "13:00", 30))
                .penalizesBy(0);
        // the provider's session at another school, outside this problem, still fills the day
        ServiceSession elsewhere = ServiceSession.ofOwnCommitment("elsewhere", UUID.randomUUID(), SCHOOL_B,
                ServiceSetting.PULL_OUT, 30, new Placement(MONDAY, minute("14:00"), null));
        verifier.verifyThat(ScheduleConstraintProvider::providerDailyMaximum)
                .given(two, pullOut(ana, individual(ana, 30, 0, 1), MONDAY, "09:00"),
                        pullOut(ben, individual(ben, 30, 0, 1), MONDAY, "10:00"), elsewhere)
                .penalizesBy(1);
        verifier.verifyThat(ScheduleConstraintProvider::providerDailyMaximum)
                .given(pullOut(ana, individual(ana, 30, 0, 1), MONDAY, "09:00"),
                        pullOut(ben, individual(ben, 30, 0, 1), MONDAY, "10:00"), elsewhere)
                .penalizesBy(0);
    }

    @Test
    void theProvidersTimeElsewhereCountsForDoubleBookingButIsNotJudgedAlone() {
        ServiceSession elsewhere = ServiceSession.ofOwnCommitment("elsewhere", UUID.randomUUID(), SCHOOL_B,
                ServiceSetting.PULL_OUT, 30, new Placement(MONDAY, minute("09:00"), null));
        verifier.verifyThat(ScheduleConstraintProvider::providerDoubleBooking)
                .given(pullOut(ana, individual(ana, 30, 0, 1), MONDAY, "09:15"), elsewhere)
                .penalizesBy(15);
        verifier.verifyThat(ScheduleConstraintProvider::withinProviderAvailability)
                .given(new AvailabilityWindow(SCHOOL_A, MONDAY, LocalTime.parse("08:00"), LocalTime.parse("15:00")),
                        elsewhere)
                .penalizesBy(0);
    }

    @Test
    void pushInIntoStructuredBlockOfOwnClassCountsTheMinutesOfABadPushIn() {
        Mandate a = individual(ana, 30, 1, 0);
        ActivityBlock centers = block(CLASS_1, MONDAY, "10:00", "10:45", CENTERS);
        verifier.verifyThat(ScheduleConstraintProvider::pushInIntoStructuredBlockOfOwnClass)
                .given(pushIn(ana, a, MONDAY, "10:15", centers))
                .penalizesBy(0);
        verifier.verifyThat(ScheduleConstraintProvider::pushInIntoStructuredBlockOfOwnClass)
                .given(pushIn(ana, a, MONDAY, "10:20", centers)) // runs past the end of the block
                .penalizesBy(30);
        verifier.verifyThat(ScheduleConstraintProvider::pushInIntoStructuredBlockOfOwnClass)
                .given(pushIn(ana, a, MONDAY, "10:00", block(CLASS_2, MONDAY, "10:00", "10:45", CENTERS)))
                .penalizesBy(30);
        verifier.verifyThat(ScheduleConstraintProvider::pushInIntoStructuredBlockOfOwnClass)
                .given(pushIn(ana, a, MONDAY, "10:00", block(CLASS_1, MONDAY, "10:00", "10:45", CENTERS, false, Structure.LOW, PushInOpenness.WELCOMES)))
                .penalizesBy(30);
        verifier.verifyThat(ScheduleConstraintProvider::pushInIntoStructuredBlockOfOwnClass)
                .given(pushIn(ana, a, MONDAY, "11:30", block(CLASS_1, MONDAY, "11:30", "12:15", LUNCH)))
                .penalizesBy(30);
        verifier.verifyThat(ScheduleConstraintProvider::pushInIntoStructuredBlockOfOwnClass)
                .given(pushIn(ana, a, MONDAY, "10:00", block(CLASS_1, MONDAY, "10:00", "10:45", CENTERS, false, Structure.HIGH, PushInOpenness.NEVER)))
                .penalizesBy(30);
        // a block of the student's other class is a valid target
        Student inTwoClasses = new Student(UUID.randomUUID(), "two classes", SCHOOL_A, CLASS_1, "2",
                Set.of(EXPRESSIVE_LANGUAGE), List.of(CLASS_2));
        verifier.verifyThat(ScheduleConstraintProvider::pushInIntoStructuredBlockOfOwnClass)
                .given(pushIn(inTwoClasses, individual(inTwoClasses, 30, 1, 0), MONDAY, "10:00",
                        block(CLASS_2, MONDAY, "10:00", "10:45", CENTERS)))
                .penalizesBy(0);
    }

    @Test
    void groupSizeLimitCountsTheStudentsOverTheSmallestLimit() {
        Student eve = student(SCHOOL_A, CLASS_1, "2", EXPRESSIVE_LANGUAGE);
        verifier.verifyThat(ScheduleConstraintProvider::groupSizeLimit)
                .given(pullOut(ana, group(ana, 30, 0, 1, 4), MONDAY, "09:00"),
                        pullOut(ben, group(ben, 30, 0, 1, 2), MONDAY, "09:00"),
                        pullOut(cal, group(cal, 30, 0, 1, 4), MONDAY, "09:00"),
                        pullOut(eve, group(eve, 30, 0, 1, 4), MONDAY, "09:00"))
                .penalizesBy(2);
        verifier.verifyThat(ScheduleConstraintProvider::groupSizeLimit)
                .given(pullOut(ana, group(ana, 30, 0, 1, 2), MONDAY, "09:00"),
                        pullOut(ben, group(ben, 30, 0, 1, 2), MONDAY, "09:00"),
                        pullOut(cal, group(cal, 30, 0, 1, 2), TUESDAY, "09:00"))
                .penalizesBy(0);
    }

    @Test
    void mandatedMinutesPlacedCountsTheMinutesOfUnplacedSessions() {
        Mandate a = individual(ana, 30, 1, 1);
        verifier.verifyThat(ScheduleConstraintProvider::mandatedMinutesPlaced)
                .given(unplaced(ana, a, ServiceSetting.PUSH_IN), pullOut(ana, a, MONDAY, "09:00"))
                .penalizesBy(30);
        verifier.verifyThat(ScheduleConstraintProvider::mandatedMinutesPlaced)
                .given(pullOut(ana, a, MONDAY, "09:00"))
                .penalizesBy(0);
    }

    @Test
    void pushInMatchesGoalsCountsMinutesInActivitiesTheGoalsDoNotCallFor() {
        Mandate b = individual(ben, 30, 1, 0);
        verifier.verifyThat(ScheduleConstraintProvider::pushInMatchesGoals)
                .given(pushIn(ben, b, MONDAY, "10:00", block(CLASS_1, MONDAY, "10:00", "11:00", MATH)))
                .penalizesBy(30);
        verifier.verifyThat(ScheduleConstraintProvider::pushInMatchesGoals)
                .given(pushIn(ben, b, MONDAY, "10:00", block(CLASS_1, MONDAY, "10:00", "11:00", ELA_READING)))
                .penalizesBy(0);
        verifier.verifyThat(ScheduleConstraintProvider::pushInMatchesGoals)
                .given(pushIn(ben, withPreferred(b, MATH), MONDAY, "10:00", block(CLASS_1, MONDAY, "10:00", "11:00", MATH)))
                .penalizesBy(0);
        Mandate d = individual(dee, 30, 1, 0);
        verifier.verifyThat(ScheduleConstraintProvider::pushInMatchesGoals)
                .given(pushIn(dee, d, MONDAY, "10:00", block(CLASS_2, MONDAY, "10:00", "11:00", WRITING)))
                .penalizesBy(0);
    }

    @Test
    void pullOutAvoidsCoreSubjectsCountsCoreMinutesMissed() {
        ActivityBlock math = block(CLASS_1, MONDAY, "08:30", "09:20", MATH);
        ActivityBlock specials = block(CLASS_1, MONDAY, "09:20", "10:00", SPECIALS);
        Mandate a = individual(ana, 30, 0, 1);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutAvoidsCoreSubjects)
                .given(math, specials, pullOut(ana, a, MONDAY, "09:00"))
                .penalizesBy(20);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutAvoidsCoreSubjects)
                .given(math, specials, pullOut(ana, a, MONDAY, "09:25"))
                .penalizesBy(0);
    }

    @Test
    void pullOutRotatesMissedSubjectsCountsSubjectsMissedTwice() {
        ActivityBlock monEla = block(CLASS_1, MONDAY, "09:00", "10:00", ELA_READING);
        ActivityBlock wedEla = block(CLASS_1, WEDNESDAY, "09:00", "10:00", ELA_READING);
        ActivityBlock wedMath = block(CLASS_1, WEDNESDAY, "10:00", "11:00", MATH);
        ActivityBlock[] week = {monEla, wedEla, wedMath};
        Mandate a = individual(ana, 30, 0, 2);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutRotatesMissedSubjects)
                .given(pullOut(ana, a, MONDAY, "09:00", week), pullOut(ana, a, WEDNESDAY, "09:15", week))
                .penalizesBy(1);
        verifier.verifyThat(ScheduleConstraintProvider::pullOutRotatesMissedSubjects)
                .given(pullOut(ana, a, MONDAY, "09:00", week), pullOut(ana, a, WEDNESDAY, "10:15", week))
                .penalizesBy(0);
    }

    @Test
    void groupCompatibleStudentsCountsGradeAndGoalMismatches() {
        Student fourthGraderWithLanguage = student(SCHOOL_A, CLASS_1, "4", EXPRESSIVE_LANGUAGE);
        Mandate b = group(ben, 30, 0, 1, 4);
        verifier.verifyThat(ScheduleConstraintProvider::groupCompatibleStudents)
                .given(pullOut(ben, b, MONDAY, "09:00"),
                        pullOut(fourthGraderWithLanguage, group(fourthGraderWithLanguage, 30, 0, 1, 4), MONDAY, "09:00"))
                .penalizesBy(1);
        verifier.verifyThat(ScheduleConstraintProvider::groupCompatibleStudents)
                .given(pullOut(ben, b, MONDAY, "09:00"), pullOut(cal, group(cal, 30, 0, 1, 4), MONDAY, "09:00"))
                .penalizesBy(1);
        Student fourthGraderWithPragmatics = student(SCHOOL_A, CLASS_1, "4", PRAGMATICS);
        verifier.verifyThat(ScheduleConstraintProvider::groupCompatibleStudents)
                .given(pullOut(ben, b, MONDAY, "09:00"),
                        pullOut(fourthGraderWithPragmatics, group(fourthGraderWithPragmatics, 30, 0, 1, 4), MONDAY, "09:00"))
                .penalizesBy(2);
        verifier.verifyThat(ScheduleConstraintProvider::groupCompatibleStudents)
                .given(pullOut(ana, group(ana, 30, 0, 1, 4), MONDAY, "09:00"), pullOut(ben, b, MONDAY, "09:00"))
                .penalizesBy(0);
    }

    @Test
    void groupWherePossibleCountsTheMinutesOfGroupEligibleSessionsPlacedAlone() {
        verifier.verifyThat(ScheduleConstraintProvider::groupWherePossible)
                .given(pullOut(ana, group(ana, 30, 0, 1, 3), MONDAY, "09:00"),
                        pullOut(ben, group(ben, 30, 0, 1, 3), MONDAY, "09:00"),
                        pullOut(cal, group(cal, 20, 0, 1, 3), MONDAY, "10:00"),
                        pullOut(dee, individual(dee, 30, 0, 1), MONDAY, "11:00"))
                .penalizesBy(20);
    }

    @Test
    void spreadSessionsOverWeekCountsPairsOnOneDay() {
        Mandate a = individual(ana, 20, 0, 3);
        verifier.verifyThat(ScheduleConstraintProvider::spreadSessionsOverWeek)
                .given(pullOut(ana, a, MONDAY, "09:00"), pullOut(ana, a, MONDAY, "13:00"), pullOut(ana, a, MONDAY, "14:00"))
                .penalizesBy(3);
        verifier.verifyThat(ScheduleConstraintProvider::spreadSessionsOverWeek)
                .given(pullOut(ana, a, MONDAY, "09:00"), pullOut(ana, a, TUESDAY, "09:00"), pullOut(ana, a, THURSDAY, "09:00"))
                .penalizesBy(0);
    }

    @Test
    void sameSlotEveryWeekCountsSessionsOfAMandateAtDifferentTimes() {
        Mandate a = individual(ana, 30, 0, 2);
        verifier.verifyThat(ScheduleConstraintProvider::sameSlotEveryWeek)
                .given(pullOut(ana, a, TUESDAY, "09:00"), pullOut(ana, a, THURSDAY, "10:00"))
                .penalizesBy(1);
        verifier.verifyThat(ScheduleConstraintProvider::sameSlotEveryWeek)
                .given(pullOut(ana, a, TUESDAY, "09:00"), pullOut(ana, a, THURSDAY, "09:00"))
                .penalizesBy(0);
        verifier.verifyThat(ScheduleConstraintProvider::sameSlotEveryWeek)
                .given(pullOut(ana, a, TUESDAY, "09:00"), pullOut(ben, individual(ben, 30, 0, 1), THURSDAY, "10:00"))
                .penalizesBy(0);
    }

    @Test
    void teacherPreferenceRanksWelcomesOverOpenOverPrefersNot() {
        Mandate b = individual(ben, 30, 1, 0);
        verifier.verifyThat(ScheduleConstraintProvider::teacherPreference)
                .given(pushIn(ben, b, MONDAY, "10:00", block(CLASS_1, MONDAY, "10:00", "11:00", CENTERS, false, Structure.HIGH, PushInOpenness.WELCOMES)))
                .penalizesBy(0);
        verifier.verifyThat(ScheduleConstraintProvider::teacherPreference)
                .given(pushIn(ben, b, MONDAY, "10:00", block(CLASS_1, MONDAY, "10:00", "11:00", CENTERS, false, Structure.HIGH, PushInOpenness.OPEN)))
                .penalizesBy(1);
        verifier.verifyThat(ScheduleConstraintProvider::teacherPreference)
                .given(pushIn(ben, b, MONDAY, "10:00", block(CLASS_1, MONDAY, "10:00", "11:00", CENTERS, false, Structure.HIGH, PushInOpenness.PREFERS_NOT)))
                .penalizesBy(3);
    }
}
