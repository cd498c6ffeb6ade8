package org.iepservices.schedule.domain.caseload;

import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.ClassFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.GoalFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.ProviderFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.SchoolFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.SeriesFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.StudentFacts;
import org.iepservices.schedule.domain.caseload.SnapshotMapper.PlannedProblem;
import org.iepservices.schedule.domain.conflict.ConflictPolicy;
import org.iepservices.schedule.domain.conflict.Severity;
import org.iepservices.schedule.domain.scheduling.ClassBlock;
import org.iepservices.schedule.domain.scheduling.MandateTerms;
import org.iepservices.schedule.domain.scheduling.MandateTerms.Constraint;
import org.iepservices.schedule.domain.scheduling.MandateTerms.Interval;
import org.iepservices.schedule.domain.scheduling.ProviderWindow;
import org.iepservices.schedule.domain.scheduling.TimeSpan;
import org.iepservices.schedule.domain.scheduling.TravelTimes;
import org.iepservices.schedule.recommendation.GoalArea;
import org.iepservices.schedule.recommendation.RegulationSupport;
import org.iepservices.schedule.recommendation.SettingMixRequest;
import org.iepservices.schedule.recommendation.SkillStage;
import org.iepservices.schedule.solver.ScheduleProblem;
import org.iepservices.schedule.solver.ScheduleProblem.FixedSession;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caseload copies as recommender and scheduler input: values read once, frequencies made weekly. */
class SnapshotMapperTest {

    static final LocalDate START = LocalDate.of(2026, 9, 1);
    static final LocalDate END = LocalDate.of(2027, 6, 18);
    static final LocalDate WEEK = LocalDate.of(2026, 9, 14);

    final UUID provider = UUID.randomUUID();
    final UUID otherProvider = UUID.randomUUID();
    final UUID schoolA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    final UUID schoolB = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    final UUID schoolC = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    final UUID homeroom = UUID.randomUUID();
    final UUID art = UUID.randomUUID();

    static MandateTerms mandate(UUID student, UUID providerId, UUID continues, int pushIn, int pullOut,
                                Interval interval, String delivery, int maxGroup, Constraint... constraints) {
        return new MandateTerms(UUID.randomUUID(), UUID.randomUUID(), student, continues, "SPEECH_LANGUAGE", providerId,
                pushIn + pullOut, 30, interval, pushIn, pullOut, delivery, maxGroup, START, END, List.of(constraints));
    }

    static ClassBlock block(UUID classId, DayOfWeek day, String start, String end, ActivitySubject subject,
                            boolean core) {
        return new ClassBlock(UUID.randomUUID(), classId, day, new TimeSpan(LocalTime.parse(start),
                LocalTime.parse(end)), subject, core, Structure.HIGH, PushInOpenness.OPEN);
    }

    static SeriesFacts series(UUID providerId, UUID school, Map<UUID, UUID> students) {
        return new SeriesFacts(UUID.randomUUID(), providerId, school, "SPEECH_LANGUAGE", ServiceSetting.PULL_OUT, null,
                null, "Room 1", DayOfWeek.WEDNESDAY, new TimeSpan(LocalTime.parse("10:00"), LocalTime.parse("10:30")),
                START, END, students);
    }

    @Test
    void valuesStoredAsTextAreReadLeniently() {
        assertEquals(GoalArea.EXPRESSIVE_LANGUAGE, SnapshotMapper.goalArea("Expressive language"));
        assertEquals(GoalArea.PRAGMATICS, SnapshotMapper.goalArea("social-pragmatic"));
        assertEquals(GoalArea.OTHER, SnapshotMapper.goalArea("knitting"));
        assertEquals(SkillStage.GENERALIZATION, SnapshotMapper.skillStage(" generalization "));
        assertNull(SnapshotMapper.skillStage("later"));
        assertEquals(RegulationSupport.HIGH, SnapshotMapper.regulationSupport("high"));
        assertEquals(RegulationSupport.SOME, SnapshotMapper.regulationSupport("Moderate"));
        assertEquals(RegulationSupport.NONE, SnapshotMapper.regulationSupport(null));
        assertEquals(Set.of(ActivitySubject.MATH, ActivitySubject.CENTERS),
                SnapshotMapper.subjects(Set.of("MATH", "centers", "CIRCLE_TIME")));
    }

    @Test
    void theRecommendationInputIsTheMandateItsIepGoalsTheProfileAndTheClassBlocks() {
        UUID ana = UUID.randomUUID();
        MandateTerms speech = mandate(ana, provider, null, 1, 1, Interval.WEEK, "GROUP", 3);
        ClassBlock thursdayEla = block(homeroom, DayOfWeek.THURSDAY, "09:00", "10:00", ActivitySubject.ELA_READING, true);
        ClassBlock mondayCenters = block(homeroom, DayOfWeek.MONDAY, "10:00", "11:00", ActivitySubject.CENTERS, false);
        SettingMixRequest request = SnapshotMapper.settingMix(speech,
                List.of(new GoalFacts(UUID.randomUUID(), speech.iepId(), "Expressive language", "Retell a story",
                        "GENERALIZATION", "SPEECH_LANGUAGE")), "moderate", true, List.of(thursdayEla, mondayCenters));

        assertEquals(new SettingMixRequest.MandateTerms("SPEECH_LANGUAGE", 2, 30, "WEEK", 1, 1), request.mandate());
        assertEquals(List.of(new SettingMixRequest.IepGoal(GoalArea.EXPRESSIVE_LANGUAGE, SkillStage.GENERALIZATION,
                "Retell a story", "SPEECH_LANGUAGE")), request.goals());
        assertEquals(new SettingMixRequest.ServiceProfile(RegulationSupport.SOME, true), request.profile());
        assertEquals(List.of(mondayCenters.blockId(), thursdayEla.blockId()),
                request.blocks().stream().map(SettingMixRequest.CandidateBlock::blockId).toList(), "by day and time");
        SettingMixRequest.CandidateBlock ela = request.blocks().get(1);
        assertEquals(Structure.HIGH, ela.structure());
        assertEquals(PushInOpenness.OPEN, ela.teacherOpenness());
        assertTrue(ela.core());
    }

    @Test
    void frequenciesBecomeWeeklySessionsRoundedUp() {
        UUID s = UUID.randomUUID();
        assertEquals(2, mandate(s, provider, null, 0, 2, Interval.WEEK, null, 1).weeklySessionsNeeded(ServiceSetting.PULL_OUT));
        assertEquals(1, mandate(s, provider, null, 0, 4, Interval.MONTH, null, 1).weeklySessionsNeeded(ServiceSetting.PULL_OUT));
        assertEquals(1, mandate(s, provider, null, 0, 2, Interval.MONTH, null, 1).weeklySessionsNeeded(ServiceSetting.PULL_OUT));
        assertEquals(2, mandate(s, provider, null, 0, 6, Interval.MONTH, null, 1).weeklySessionsNeeded(ServiceSetting.PULL_OUT));
        assertEquals(0, mandate(s, provider, null, 0, 6, Interval.MONTH, null, 1).weeklySessionsNeeded(ServiceSetting.PUSH_IN));
        MandateTerms term = mandate(s, provider, null, 0, 50, Interval.IEP_TERM, null, 1);
        assertEquals(42, term.termWeeks()); // 2026-09-01 to 2027-06-18
        assertEquals(2, term.weeklySessionsNeeded(ServiceSetting.PULL_OUT));
    }

    @Test
    void aCaseloadSnapshotBecomesTheProvidersWeekToPlan() {
        UUID ana = UUID.randomUUID();
        UUID cal = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        UUID oldSpeech = UUID.randomUUID();
        MandateTerms weekly = mandate(ana, provider, oldSpeech, 1, 1, Interval.WEEK, "GROUP", 3,
                new Constraint("NOT_DURING_SUBJECT", "MATH", null), new Constraint("PREFER_SUBJECT", "centers", null));
        MandateTerms monthly = mandate(ana, provider, null, 0, 6, Interval.MONTH, "INDIVIDUAL", 1);
        MandateTerms othersOt = mandate(ana, otherProvider, null, 0, 1, Interval.WEEK, "INDIVIDUAL", 1);
        MandateTerms calsSpeech = mandate(cal, otherProvider, null, 0, 1, Interval.WEEK, "INDIVIDUAL", 1);
        ClassBlock artBlock = block(art, DayOfWeek.FRIDAY, "13:00", "14:00", ActivitySubject.SPECIALS, false);
        List<ClassBlock> homeroomBlocks = List.of(
                block(homeroom, DayOfWeek.MONDAY, "08:30", "09:30", ActivitySubject.ELA_READING, true),
                block(homeroom, DayOfWeek.MONDAY, "09:30", "10:30", ActivitySubject.MATH, true),
                block(homeroom, DayOfWeek.MONDAY, "10:30", "11:30", ActivitySubject.CENTERS, false));
        StudentFacts anaFacts = new StudentFacts(ana, "Ana Test", "2", schoolA, "HIGH", false,
                List.of(weekly, monthly, othersOt),
                List.of(new GoalFacts(UUID.randomUUID(), weekly.iepId(), "Expressive language", null, "ACQUISITION",
                        "SPEECH_LANGUAGE")),
                List.of(new ClassFacts(art, "Art", schoolA, List.of(), List.of(artBlock)),
                        new ClassFacts(homeroom, "Grade 2", schoolA, List.of(), homeroomBlocks)));
        StudentFacts calFacts = new StudentFacts(cal, "Cal Test", "4", schoolC, null, false, List.of(calsSpeech),
                List.of(), List.of());
        StudentFacts benFacts = new StudentFacts(ben, null, null, null, null, false, List.of(), List.of(), List.of());
        SeriesFacts anasOldSeries = series(provider, schoolA, Map.of(ana, oldSpeech));
        SeriesFacts calsSeries = series(provider, schoolC, Map.of(cal, calsSpeech.mandateId()));
        SeriesFacts otSeries = series(otherProvider, schoolA, Map.of(ana, othersOt.mandateId(), stranger,
                UUID.randomUUID()));
        ProviderFacts providerFacts = new ProviderFacts(provider, "Sam SLP", "SLP", Set.of(schoolA, schoolB),
                List.of(new ProviderWindow(schoolB, DayOfWeek.TUESDAY, new TimeSpan(LocalTime.parse("08:00"),
                                LocalTime.parse("12:00"))),
                        new ProviderWindow(schoolA, DayOfWeek.MONDAY, new TimeSpan(LocalTime.parse("08:00"),
                                LocalTime.parse("15:00")))),
                new TravelTimes(Map.of(TravelTimes.SchoolPair.of(schoolA, schoolB), 25), 15), 6);
        CaseloadSnapshot snapshot = new CaseloadSnapshot(provider, WEEK, WEEK.plusDays(6), providerFacts,
                List.of(new SchoolFacts(schoolA, "A", null, null)), List.of(anaFacts, calFacts, benFacts),
                List.of(anasOldSeries, calsSeries, otSeries), new ConflictPolicy(Severity.HARD));

        PlannedProblem planned = SnapshotMapper.scheduleProblem(snapshot, null);
        ScheduleProblem p = planned.problem();

        assertEquals(List.of(), p.violations().stream().map(v -> v[0] + " " + v[1]).toList());
        assertEquals(provider, p.providerId());
        assertEquals(6, p.maxSessionsPerDay());
        assertTrue(p.coreInstructionProtected(), "the district refuses pull-outs during core");
        // Ben has no school yet: left out, and said so
        assertEquals(List.of(ana, cal), p.students().stream().map(ScheduleProblem.Student::studentId).toList());
        assertTrue(planned.notes().stream().anyMatch(n -> n.contains(ben.toString()) && n.contains("school")));
        ScheduleProblem.Student anaInProblem = p.students().get(0);
        assertEquals(homeroom, anaInProblem.classId(), "the class with most blocks is the main one");
        assertEquals(List.of(art), anaInProblem.otherClassIds());
        assertEquals(Set.of(GoalArea.EXPRESSIVE_LANGUAGE), anaInProblem.goalAreas());
        assertEquals(4, p.activityBlocks().size());

        // only this provider's mandates, per week; another provider's mandate is noted and skipped
        assertEquals(List.of(weekly.mandateId(), monthly.mandateId()),
                p.mandates().stream().map(ScheduleProblem.Mandate::mandateId).toList());
        ScheduleProblem.Mandate weeklyInProblem = p.mandates().get(0);
        assertEquals(1, weeklyInProblem.pushInSessionsPerWeek());
        assertEquals(1, weeklyInProblem.pullOutSessionsPerWeek());
        assertTrue(weeklyInProblem.group());
        assertEquals(3, weeklyInProblem.maxGroupSize());
        assertEquals(Set.of(ActivitySubject.MATH), weeklyInProblem.notDuringSubjects());
        assertEquals(Set.of(ActivitySubject.CENTERS), weeklyInProblem.preferredSubjects());
        ScheduleProblem.Mandate monthlyInProblem = p.mandates().get(1);
        assertEquals(2, monthlyInProblem.pullOutSessionsPerWeek(), "6 a month: 2 a week");
        assertFalse(monthlyInProblem.group());
        assertEquals(1, monthlyInProblem.maxGroupSize());
        assertTrue(planned.notes().stream().anyMatch(n -> n.contains("per MONTH planned as 0 + 2 a week")),
                planned.notes().toString());
        assertTrue(planned.notes().stream().anyMatch(n -> n.contains(othersOt.mandateId().toString())
                && n.contains("another provider")));

        // existing series: the provider's own count toward the mandate continuing the one they serve,
        // or only take the provider's time; another provider's keep only caseload students busy
        FixedSession anas = p.fixedSessions().stream().filter(f -> f.sessionId().equals(anasOldSeries.seriesId()))
                .findFirst().orElseThrow();
        assertEquals(weekly.mandateId(), anas.mandateId());
        assertEquals(provider, anas.providerId());
        FixedSession cals = p.fixedSessions().stream().filter(f -> f.sessionId().equals(calsSeries.seriesId()))
                .findFirst().orElseThrow();
        assertNull(cals.mandateId(), "Cal's mandate is another provider's: it counts toward nothing here");
        assertEquals(List.of(cal), cals.studentIds());
        FixedSession ot = p.fixedSessions().stream().filter(f -> f.sessionId().equals(otSeries.seriesId()))
                .findFirst().orElseThrow();
        assertEquals(otherProvider, ot.providerId());
        assertEquals(List.of(ana), ot.studentIds(), "a student outside the caseload is none of this week's business");
        assertEquals(LocalTime.parse("10:00"), ot.start());
        assertEquals(30, ot.minutes());

        // every two schools involved, with the district default for pairs nobody entered
        assertEquals(List.of(new ScheduleProblem.TravelTime(schoolA, schoolB, 25),
                        new ScheduleProblem.TravelTime(schoolA, schoolC, 15),
                        new ScheduleProblem.TravelTime(schoolB, schoolC, 15)),
                p.travelTimes());
        assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                p.availability().stream().map(ScheduleProblem.AvailabilityWindow::day).toList());
    }

    @Test
    void planningOneSchoolKeepsTheOthersOutOfTheNotes() {
        UUID cal = UUID.randomUUID();
        MandateTerms monthly = mandate(cal, provider, null, 0, 4, Interval.MONTH, "INDIVIDUAL", 1);
        StudentFacts calFacts = new StudentFacts(cal, "Cal", "4", schoolC, null, false, List.of(monthly), List.of(),
                List.of());
        ProviderFacts providerFacts = new ProviderFacts(provider, null, null, Set.of(), List.of(),
                new TravelTimes(Map.of(), 15), null);
        CaseloadSnapshot snapshot = new CaseloadSnapshot(provider, WEEK, WEEK.plusDays(6), providerFacts, List.of(),
                List.of(calFacts), List.of(), new ConflictPolicy(Severity.SOFT));

        PlannedProblem planned = SnapshotMapper.scheduleProblem(snapshot, schoolA);
        assertEquals(List.of("the provider has no availability windows, so nothing can be placed"), planned.notes());
        assertEquals(schoolA, planned.problem().schoolId());
        assertFalse(planned.problem().coreInstructionProtected());
        assertNull(planned.problem().maxSessionsPerDay());
    }
}
