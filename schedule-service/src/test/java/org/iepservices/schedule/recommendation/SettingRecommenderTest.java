package org.iepservices.schedule.recommendation;

import org.iepservices.events.ActivitySubject;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.recommendation.SettingMixRequest.CandidateBlock;
import org.iepservices.schedule.recommendation.SettingMixRequest.IepGoal;
import org.iepservices.schedule.recommendation.SettingMixRequest.MandateTerms;
import org.iepservices.schedule.recommendation.SettingMixRequest.ServiceProfile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static java.time.DayOfWeek.*;
import static org.iepservices.events.ActivitySubject.*;
import static org.iepservices.events.ServiceSetting.PULL_OUT;
import static org.iepservices.events.ServiceSetting.PUSH_IN;
import static org.iepservices.schedule.recommendation.GoalArea.*;
import static org.iepservices.schedule.recommendation.SkillStage.*;
import static org.junit.jupiter.api.Assertions.*;

class SettingRecommenderTest {

    private final SettingRecommender recommender = new SettingRecommender();

    static MandateTerms speech2x30(int pushIn, int pullOut) {
        return new MandateTerms("SPEECH", 2, 30, "WEEK", pushIn, pullOut);
    }

    static CandidateBlock block(DayOfWeek day, String start, String end, ActivitySubject subject,
                                Structure structure, PushInOpenness openness) {
        return new CandidateBlock(UUID.nameUUIDFromBytes((day + start + subject).getBytes()), day,
                LocalTime.parse(start), LocalTime.parse(end), subject,
                subject == ELA_READING || subject == WRITING || subject == MATH, structure, openness);
    }

    static IepGoal goal(GoalArea area, SkillStage stage) {
        return new IepGoal(area, stage, null);
    }

    @Nested
    class WholeCases {

        @Test
        void earlyRAcquisitionWithHighRegulationNeedsIsAllPullOut() {
            SettingRecommendation r = recommender.recommend(new SettingMixRequest(speech2x30(1, 1),
                    List.of(new IepGoal(ARTICULATION, ACQUISITION, "/r/ in initial position at word level")),
                    new ServiceProfile(RegulationSupport.HIGH, false),
                    List.of(block(TUESDAY, "09:00", "10:00", CENTERS, Structure.HIGH, PushInOpenness.OPEN),
                            block(THURSDAY, "10:00", "11:00", ELA_READING, Structure.HIGH, PushInOpenness.WELCOMES))));

            assertEquals(0, r.pushInSessions());
            assertEquals(2, r.pullOutSessions());
            assertTrue(r.pushInBlocks().isEmpty());
            assertTrue(r.changesSplit());
            // 4 goal type + 4 acquisition + 4 regulation + 1 no fit; welcoming teacher 2 + structure 2
            assertEquals(13, r.pullOutWeight());
            assertEquals(4, r.pushInWeight());
            assertTrue(r.factors().stream().anyMatch(f -> f.name().equals("Regulation and sensory needs")
                    && f.direction() == PULL_OUT && f.weight() == 4));
            assertTrue(r.factors().stream().anyMatch(f -> f.name().equals("Goal type")
                    && f.evidence().contains("/r/ in initial position")));
        }

        @Test
        void pragmaticsInGeneralizationWithOpenTeacherAndStructuredCentersIsPushIn() {
            CandidateBlock centers = block(WEDNESDAY, "10:00", "10:45", CENTERS, Structure.HIGH, PushInOpenness.OPEN);
            CandidateBlock lunch = block(WEDNESDAY, "11:30", "12:00", LUNCH, Structure.MODERATE, PushInOpenness.WELCOMES);
            CandidateBlock meeting = block(MONDAY, "08:30", "09:00", MORNING_MEETING, Structure.HIGH, PushInOpenness.OPEN);
            SettingRecommendation r = recommender.recommend(new SettingMixRequest(speech2x30(0, 2),
                    List.of(goal(PRAGMATICS, GENERALIZATION)), ServiceProfile.NONE,
                    List.of(centers, lunch, meeting)));

            assertEquals(2, r.pushInSessions());
            assertEquals(0, r.pullOutSessions());
            assertEquals(0, r.pullOutWeight());
            assertEquals(4 + 4 + 1 + 2 + 2, r.pushInWeight());
            // one block per session, on different days, never lunch
            assertEquals(List.of(meeting.blockId(), centers.blockId()),
                    r.pushInBlocks().stream().map(SettingRecommendation.PushInBlock::blockId).toList());
            assertEquals(List.of(1, 2), r.pushInBlocks().stream().map(SettingRecommendation.PushInBlock::session).toList());
        }

        @Test
        void acquisitionAndGeneralizationGoalsGiveTheCombinedModel() {
            CandidateBlock ela = block(THURSDAY, "09:00", "10:00", ELA_READING, Structure.HIGH, PushInOpenness.OPEN);
            SettingRecommendation r = recommender.recommend(new SettingMixRequest(speech2x30(0, 2),
                    List.of(goal(ARTICULATION, ACQUISITION), goal(EXPRESSIVE_LANGUAGE, GENERALIZATION)),
                    ServiceProfile.NONE, List.of(ela)));

            // push: type 2 + stage 2 + teacher 1 + structure 2 + fit 2 = 9; pull: type 2 + stage 2 = 4
            assertEquals(9, r.pushInWeight());
            assertEquals(4, r.pullOutWeight());
            assertEquals(1, r.pushInSessions());
            assertEquals(1, r.pullOutSessions());
            assertEquals(ela.blockId(), r.pushInBlocks().get(0).blockId());
            assertTrue(r.pushInBlocks().get(0).why().contains("EXPRESSIVE_LANGUAGE"));
        }

        @Test
        void chaoticClassroomMeansNothingToPushIntoWhateverTheGoals() {
            SettingRecommendation r = recommender.recommend(new SettingMixRequest(speech2x30(2, 0),
                    List.of(goal(EXPRESSIVE_LANGUAGE, GENERALIZATION), goal(NARRATIVE, MAINTENANCE)),
                    ServiceProfile.NONE,
                    List.of(block(MONDAY, "09:00", "10:00", ELA_READING, Structure.LOW, PushInOpenness.WELCOMES),
                            block(TUESDAY, "12:00", "12:30", RECESS, Structure.HIGH, PushInOpenness.WELCOMES),
                            block(FRIDAY, "09:00", "10:00", CENTERS, Structure.HIGH, PushInOpenness.NEVER))));

            assertEquals(0, r.pushInSessions());
            assertEquals(2, r.pullOutSessions());
            Factor veto = r.factors().stream().filter(Factor::decisive).findFirst().orElseThrow();
            assertEquals("Nothing to push into", veto.name());
            assertTrue(veto.evidence().contains("low structure"));
            assertTrue(veto.evidence().contains("non-instructional"));
            assertTrue(veto.evidence().contains("never"));
            assertTrue(r.summary().contains("no structured block"));
        }

        @Test
        void fineMotorInGeneralizationGoesIntoWriting() {
            CandidateBlock writing = block(TUESDAY, "13:00", "13:45", WRITING, Structure.MODERATE, PushInOpenness.WELCOMES);
            CandidateBlock math = block(MONDAY, "13:00", "13:45", MATH, Structure.HIGH, PushInOpenness.WELCOMES);
            SettingRecommendation r = recommender.recommend(new SettingMixRequest(
                    new MandateTerms("OT", 1, 30, "WEEK", 0, 1),
                    List.of(new IepGoal(FINE_MOTOR, GENERALIZATION, "legible letters on lined paper", "OT"),
                            new IepGoal(ARTICULATION, ACQUISITION, "speech goal, other service", "SPEECH")),
                    ServiceProfile.NONE, List.of(math, writing)));

            assertEquals(1, r.pushInSessions());
            assertEquals(writing.blockId(), r.pushInBlocks().get(0).blockId());
            // the speech goal is not the OT's business
            assertTrue(r.factors().stream().noneMatch(f -> f.evidence().contains("ARTICULATION")));
        }

        @Test
        void sameRequestSameAnswer() {
            SettingMixRequest request = new SettingMixRequest(speech2x30(1, 1),
                    List.of(goal(VOCABULARY, GENERALIZATION), goal(FLUENCY, ACQUISITION)),
                    new ServiceProfile(RegulationSupport.SOME, true),
                    List.of(block(MONDAY, "09:00", "10:00", SCIENCE, Structure.MODERATE, PushInOpenness.PREFERS_NOT)));
            assertEquals(recommender.recommend(request), recommender.recommend(request));
        }
    }

    @Nested
    class Rules {

        @Test
        void goalTypeSharesItsWeightBetweenPushInAndPullOutGoals() {
            List<Factor> factors = SettingRecommender.goalType(List.of(goal(PRAGMATICS, GENERALIZATION),
                    goal(NARRATIVE, GENERALIZATION), goal(FLUENCY, ACQUISITION), goal(FINE_MOTOR, ACQUISITION)));
            assertEquals(2, factors.size());
            assertEquals(PUSH_IN, factors.get(0).direction());
            assertEquals(2, factors.get(0).weight()); // 4 x 2/4
            assertEquals(PULL_OUT, factors.get(1).direction());
            assertEquals(1, factors.get(1).weight()); // 4 x 1/4; fine motor has no lean
        }

        @Test
        void goalTypeOfLanguageAreasIsPushInAndOfDrillAreasPullOut() {
            for (GoalArea area : List.of(EXPRESSIVE_LANGUAGE, RECEPTIVE_LANGUAGE, PRAGMATICS, VOCABULARY, NARRATIVE,
                    ACADEMIC_LANGUAGE)) {
                assertEquals(PUSH_IN, SettingRecommender.goalType(List.of(goal(area, null))).get(0).direction(), area.name());
            }
            for (GoalArea area : List.of(ARTICULATION, FLUENCY)) {
                assertEquals(PULL_OUT, SettingRecommender.goalType(List.of(goal(area, null))).get(0).direction(), area.name());
            }
            assertTrue(SettingRecommender.goalType(List.of(goal(FINE_MOTOR, null))).isEmpty());
        }

        @Test
        void skillStageAcquisitionPullsOutAndGeneralizationOrMaintenancePushesIn() {
            List<Factor> factors = SettingRecommender.skillStage(List.of(goal(ARTICULATION, ACQUISITION),
                    goal(ARTICULATION, MAINTENANCE), goal(PRAGMATICS, GENERALIZATION), goal(GoalArea.OTHER, null)));
            assertEquals(PUSH_IN, factors.get(0).direction());
            assertEquals(2, factors.get(0).weight()); // 4 x 2/4
            assertEquals(PULL_OUT, factors.get(1).direction());
            assertEquals(1, factors.get(1).weight());
            assertTrue(SettingRecommender.skillStage(List.of(goal(GoalArea.OTHER, null))).isEmpty());
        }

        @Test
        void regulationNeedsWeighByLevel() {
            assertEquals(4, SettingRecommender.regulationNeeds(new ServiceProfile(RegulationSupport.HIGH, false)).orElseThrow().weight());
            assertEquals(2, SettingRecommender.regulationNeeds(new ServiceProfile(RegulationSupport.SOME, false)).orElseThrow().weight());
            assertEquals(PULL_OUT, SettingRecommender.regulationNeeds(new ServiceProfile(RegulationSupport.SOME, false)).orElseThrow().direction());
            assertTrue(SettingRecommender.regulationNeeds(ServiceProfile.NONE).isEmpty());
        }

        @Test
        void quietSettingSpeaksForPullOut() {
            Factor quiet = SettingRecommender.quietSetting(new ServiceProfile(RegulationSupport.NONE, true)).orElseThrow();
            assertEquals(PULL_OUT, quiet.direction());
            assertEquals(2, quiet.weight());
            assertTrue(SettingRecommender.quietSetting(ServiceProfile.NONE).isEmpty());
        }

        @Test
        void teacherWillingnessRanksWelcomesOverOpenAndPrefersNotSpeaksForPullOut() {
            Factor welcomes = SettingRecommender.teacherWillingness(block(MONDAY, "09:00", "10:00", CENTERS, Structure.HIGH, PushInOpenness.WELCOMES)).orElseThrow();
            Factor open = SettingRecommender.teacherWillingness(block(MONDAY, "09:00", "10:00", CENTERS, Structure.HIGH, PushInOpenness.OPEN)).orElseThrow();
            Factor prefersNot = SettingRecommender.teacherWillingness(block(MONDAY, "09:00", "10:00", CENTERS, Structure.HIGH, PushInOpenness.PREFERS_NOT)).orElseThrow();
            assertEquals(PUSH_IN, welcomes.direction());
            assertEquals(2, welcomes.weight());
            assertEquals(1, open.weight());
            assertEquals(PULL_OUT, prefersNot.direction());
            assertEquals(2, prefersNot.weight());
        }

        @Test
        void classroomStructureHighCountsMoreThanModerate() {
            assertEquals(2, SettingRecommender.classroomStructure(block(MONDAY, "09:00", "10:00", CENTERS, Structure.HIGH, PushInOpenness.OPEN)).orElseThrow().weight());
            assertEquals(1, SettingRecommender.classroomStructure(block(MONDAY, "09:00", "10:00", CENTERS, Structure.MODERATE, PushInOpenness.OPEN)).orElseThrow().weight());
        }

        @Test
        void activityFitsLanguageInElaOrCentersAndFineMotorInWriting() {
            CandidateBlock writing = block(MONDAY, "09:00", "10:00", WRITING, Structure.HIGH, PushInOpenness.OPEN);
            CandidateBlock ela = block(MONDAY, "10:00", "11:00", ELA_READING, Structure.HIGH, PushInOpenness.OPEN);
            CandidateBlock centers = block(MONDAY, "11:00", "11:45", CENTERS, Structure.HIGH, PushInOpenness.OPEN);

            Factor language = SettingRecommender.activityFit(List.of(writing, centers), List.of(goal(EXPRESSIVE_LANGUAGE, GENERALIZATION))).orElseThrow();
            assertEquals(PUSH_IN, language.direction());
            assertTrue(language.evidence().startsWith("CENTERS"));
            assertEquals(PUSH_IN, SettingRecommender.activityFit(List.of(ela), List.of(goal(RECEPTIVE_LANGUAGE, GENERALIZATION))).orElseThrow().direction());
            Factor fineMotor = SettingRecommender.activityFit(List.of(ela, writing), List.of(goal(FINE_MOTOR, GENERALIZATION))).orElseThrow();
            assertTrue(fineMotor.evidence().startsWith("WRITING"));
            Factor none = SettingRecommender.activityFit(List.of(writing), List.of(goal(PRAGMATICS, GENERALIZATION))).orElseThrow();
            assertEquals(PULL_OUT, none.direction());
            assertEquals(1, none.weight());
        }

        @Test
        void drillGoalsOnlyFitClassActivitiesPastAcquisition() {
            CandidateBlock ela = block(MONDAY, "10:00", "11:00", ELA_READING, Structure.HIGH, PushInOpenness.OPEN);
            assertEquals(PULL_OUT, SettingRecommender.activityFit(List.of(ela), List.of(goal(ARTICULATION, ACQUISITION))).orElseThrow().direction());
            assertEquals(PUSH_IN, SettingRecommender.activityFit(List.of(ela), List.of(goal(ARTICULATION, GENERALIZATION))).orElseThrow().direction());
        }

        @Test
        void blocksTooShortLowStructureNonInstructionalOrNeverAreNotUsable() {
            assertEquals("shorter than a 30-minute session", SettingRecommender.whyUnusable(block(MONDAY, "09:00", "09:20", CENTERS, Structure.HIGH, PushInOpenness.OPEN), 30));
            assertEquals("low structure", SettingRecommender.whyUnusable(block(MONDAY, "09:00", "10:00", CENTERS, Structure.LOW, PushInOpenness.OPEN), 30));
            assertEquals("non-instructional time", SettingRecommender.whyUnusable(block(MONDAY, "09:00", "10:00", TRANSITION, Structure.HIGH, PushInOpenness.OPEN), 30));
            assertNotNull(SettingRecommender.whyUnusable(block(MONDAY, "09:00", "10:00", CENTERS, Structure.HIGH, PushInOpenness.NEVER), 30));
            assertNull(SettingRecommender.whyUnusable(block(MONDAY, "09:00", "09:30", CENTERS, Structure.MODERATE, PushInOpenness.PREFERS_NOT), 30));
            assertTrue(SettingRecommender.nothingToPushInto(List.of(), 30).orElseThrow().decisive());
        }

        @Test
        void splitRoundsToTheNearestAndAnExactHalfKeepsTheCurrentSplit() {
            assertEquals(1, SettingRecommender.split(9, 4, 2, 0));   // 1.38
            assertEquals(2, SettingRecommender.split(13, 0, 2, 0));
            assertEquals(0, SettingRecommender.split(4, 13, 2, 2));  // 0.47
            assertEquals(1, SettingRecommender.split(3, 9, 2, 1));   // exactly 0.5: current is 1 push-in
            assertEquals(0, SettingRecommender.split(3, 9, 2, 0));   // exactly 0.5: current is 0 push-in
            assertEquals(0, SettingRecommender.split(1, 1, 1, 0));   // exactly 0.5, equally far: pull-out
            assertEquals(1, SettingRecommender.split(0, 0, 2, 1));   // no evidence: current split
        }

        @Test
        void pushInIsCappedByTheUsableBlocks() {
            CandidateBlock only = block(MONDAY, "09:00", "10:00", CENTERS, Structure.HIGH, PushInOpenness.WELCOMES);
            SettingRecommendation r = recommender.recommend(new SettingMixRequest(
                    new MandateTerms("SPEECH", 3, 30, "WEEK", 0, 3),
                    List.of(goal(PRAGMATICS, GENERALIZATION)), ServiceProfile.NONE, List.of(only)));
            assertEquals(1, r.pushInSessions());
            assertEquals(2, r.pullOutSessions());
            assertTrue(r.summary().contains("limited to the 1 usable class block"));
        }

        @Test
        void goalAreasAreReadLeniently() {
            assertEquals(PRAGMATICS, GoalArea.parse("social-pragmatic"));
            assertEquals(EXPRESSIVE_LANGUAGE, GoalArea.parse("Expressive language"));
            assertEquals(FINE_MOTOR, GoalArea.parse("handwriting"));
            assertEquals(GoalArea.OTHER, GoalArea.parse("juggling"));
            assertEquals(ACQUISITION, SkillStage.parse("acquisition"));
            assertNull(SkillStage.parse("later"));
        }

        @Test
        void currentSplitMustAddUp() {
            assertThrows(IllegalArgumentException.class, () -> new MandateTerms("SPEECH", 2, 30, "WEEK", 2, 1));
        }
    }
}
