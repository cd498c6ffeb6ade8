package org.iepservices.student.domain;

import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.problem.Problem.Violation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class IepRulesTest {

    private static final LocalDate SEP = LocalDate.of(2026, 9, 1);
    private static final LocalDate AUG = LocalDate.of(2027, 8, 31);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 2);

    /** Speech 2 x 30 per week, 1 push-in + 1 pull-out, over the whole term. */
    private static ServiceMandate speech(Iep iep) {
        ServiceMandate m = new ServiceMandate();
        m.id = UUID.randomUUID();
        m.iep = iep;
        m.serviceType = ServiceType.SPEECH_LANGUAGE;
        m.providerDiscipline = Discipline.SLP;
        m.sessionsPerInterval = 2;
        m.minutesPerSession = 30;
        m.interval = MandateInterval.WEEK;
        m.pushInSessions = 1;
        m.pullOutSessions = 1;
        m.delivery = Delivery.INDIVIDUAL;
        m.maxGroupSize = 1;
        m.startDate = iep.effectiveFrom;
        m.endDate = iep.endDate;
        return m;
    }

    private static Iep iep(LocalDate start, LocalDate end) {
        Iep iep = new Iep();
        iep.id = UUID.randomUUID();
        iep.status = IepStatus.DRAFT;
        iep.startDate = start;
        iep.endDate = end;
        iep.effectiveFrom = start;
        iep.mandates.add(speech(iep));
        return iep;
    }

    private static Iep amendment(Iep amended, LocalDate effectiveFrom) {
        Iep iep = iep(amended.startDate, amended.endDate);
        iep.amendsId = amended.id;
        iep.effectiveFrom = effectiveFrom;
        iep.amendmentReason = "Both sessions move into the classroom";
        iep.mandates.get(0).startDate = effectiveFrom;
        iep.mandates.get(0).continuesMandateId = amended.mandates.get(0).id; // as the service links one of each
        return iep;
    }

    private static Iep inForce(LocalDate start, LocalDate end) {
        Iep iep = iep(start, end);
        iep.status = IepStatus.ACTIVE;
        return iep;
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void theCombinedModelSplitExactlyIsACoherentIep() {
        Iep iep = iep(SEP, AUG);
        assertEquals(List.of(), IepRules.checkDraft(iep, null, Map.of()));
        assertEquals(List.of(), IepRules.checkActivation(iep, null, Map.of(), List.of()));
    }

    @Test
    void sessionsNotSplitExactlyBySettingAreRefusedOnTheMandate() {
        Iep iep = iep(SEP, AUG);
        iep.mandates.add(speech(iep));
        iep.mandates.get(1).sessionsPerInterval = 3;
        assertEquals(List.of("mandates[1].pushInSessions"), fields(IepRules.checkDraft(iep, null, Map.of())));
    }

    @Test
    void theTermMustBeInOrderAndTheAnnualReviewInsideIt() {
        Iep backwards = iep(AUG, SEP);
        backwards.mandates.get(0).startDate = AUG;
        backwards.mandates.get(0).endDate = AUG;
        assertTrue(fields(IepRules.checkDates(backwards)).contains("endDate"));

        Iep lateReview = iep(SEP, AUG);
        lateReview.annualReviewDate = AUG.plusDays(1);
        assertEquals(List.of("annualReviewDate"), fields(IepRules.checkDates(lateReview)));
        lateReview.annualReviewDate = SEP.minusDays(1);
        assertEquals(List.of("annualReviewDate"), fields(IepRules.checkDates(lateReview)));
        lateReview.annualReviewDate = LocalDate.of(2027, 5, 15);
        assertEquals(List.of(), IepRules.checkDates(lateReview));
    }

    @Test
    void mandateDatesMustLieInsideTheVersion() {
        Iep iep = iep(SEP, AUG);
        ServiceMandate m = iep.mandates.get(0);
        m.startDate = SEP.minusDays(1);
        assertEquals(List.of("mandates[0].startDate"), fields(IepRules.checkDraft(iep, null, Map.of())));
        m.startDate = SEP;
        m.endDate = AUG.plusDays(1);
        assertEquals(List.of("mandates[0].endDate"), fields(IepRules.checkDraft(iep, null, Map.of())));
        m.startDate = NOV;
        m.endDate = NOV.minusDays(1);
        assertEquals(List.of("mandates[0].endDate"), fields(IepRules.checkDraft(iep, null, Map.of())));

        // An amendment's mandates apply from its effective date, not from the term's start.
        Iep active = inForce(SEP, AUG);
        Iep amendment = amendment(active, NOV);
        amendment.mandates.get(0).startDate = SEP;
        assertEquals(List.of("mandates[0].startDate"), fields(IepRules.checkDraft(amendment, active, Map.of())));
    }

    @Test
    void theProviderDisciplineMustFitTheService() {
        Iep iep = iep(SEP, AUG);
        iep.mandates.get(0).providerDiscipline = Discipline.OT;
        assertEquals(List.of("mandates[0].providerDiscipline"), fields(IepRules.checkDraft(iep, null, Map.of())));
    }

    @Test
    void anAssignedProviderMustExistAndBeOfTheServicesDiscipline() {
        Iep iep = iep(SEP, AUG);
        UUID provider = UUID.randomUUID();
        iep.mandates.get(0).providerId = provider;
        assertEquals(List.of("mandates[0].providerId"), fields(IepRules.checkDraft(iep, null, Map.of())));
        assertEquals(List.of("mandates[0].providerId"),
                fields(IepRules.checkDraft(iep, null, Map.of(provider, Discipline.TEACHER))));
        assertEquals(List.of("mandates[0].providerId"),
                fields(IepRules.checkDraft(iep, null, Map.of(provider, Discipline.OT))));
        assertEquals(List.of(), IepRules.checkDraft(iep, null, Map.of(provider, Discipline.SLP)));
    }

    @Test
    void individualMeansOneStudentAndAGroupAtLeastTwo() {
        Iep iep = iep(SEP, AUG);
        ServiceMandate m = iep.mandates.get(0);
        m.maxGroupSize = 3;
        assertEquals(List.of("mandates[0].maxGroupSize"), fields(IepRules.checkDelivery("mandates[0].", m)));
        m.delivery = Delivery.GROUP;
        assertEquals(List.of(), IepRules.checkDelivery("mandates[0].", m));
        m.maxGroupSize = 1;
        assertEquals(List.of("mandates[0].maxGroupSize"), fields(IepRules.checkDelivery("mandates[0].", m)));
    }

    @Test
    void aLocationOrConstraintForASettingWithoutSessionsIsAMistake() {
        Iep iep = iep(SEP, AUG);
        ServiceMandate m = iep.mandates.get(0);
        m.pushInSessions = 0;
        m.pullOutSessions = 2;
        m.pushInLocation = "general education classroom";
        m.constraints.add(new MandateConstraint(ConstraintKind.PREFER_SUBJECT, ActivitySubject.WRITING,
                ServiceSetting.PUSH_IN, null));
        assertEquals(List.of("mandates[0].pushInLocation", "mandates[0].constraints[0].setting"),
                fields(IepRules.checkDraft(iep, null, Map.of())));
    }

    @Test
    void constraintsMayDifferBySettingButNotContradictForTheSameSessions() {
        Iep iep = iep(SEP, AUG);
        ServiceMandate m = iep.mandates.get(0);
        // Pull-out avoids core reading while push-in joins it: the combined model at its best.
        m.constraints.add(new MandateConstraint(ConstraintKind.NOT_DURING_SUBJECT, ActivitySubject.ELA_READING,
                ServiceSetting.PULL_OUT, null));
        m.constraints.add(new MandateConstraint(ConstraintKind.PREFER_SUBJECT, ActivitySubject.ELA_READING,
                ServiceSetting.PUSH_IN, null));
        assertEquals(List.of(), IepRules.checkConstraints("mandates[0].", m));

        m.constraints.add(new MandateConstraint(ConstraintKind.PREFER_SUBJECT, ActivitySubject.ELA_READING, null, null));
        m.constraints.add(new MandateConstraint(ConstraintKind.NOT_DURING_SUBJECT, ActivitySubject.ELA_READING,
                ServiceSetting.PULL_OUT, "again"));
        assertEquals(List.of("mandates[0].constraints[2]", "mandates[0].constraints[3]"),
                fields(IepRules.checkConstraints("mandates[0].", m)));
    }

    @Test
    void anIepWithoutMandatesMaySitAsADraftButNotTakeEffect() {
        Iep iep = iep(SEP, AUG);
        iep.mandates.clear();
        assertEquals(List.of(), IepRules.checkDraft(iep, null, Map.of()));
        assertEquals(List.of("mandates"), fields(IepRules.checkActivation(iep, null, Map.of(), List.of())));
    }

    @Test
    void aNewIepMustNotOverlapAnIepInForceAndNamesIt() {
        Iep active = inForce(SEP, AUG);
        Iep overlapping = iep(LocalDate.of(2027, 6, 1), LocalDate.of(2028, 5, 31));
        List<Violation> violations = IepRules.checkActivation(overlapping, null, Map.of(), List.of(active));
        assertEquals(List.of("startDate"), fields(violations));
        assertTrue(violations.get(0).message().contains(active.id.toString()), violations.get(0).message());

        Iep next = iep(AUG.plusDays(1), AUG.plusYears(1));
        assertEquals(List.of(), IepRules.checkActivation(next, null, Map.of(), List.of(active)));

        Iep before = iep(SEP.minusYears(1), SEP.minusDays(1));
        assertEquals(List.of("startDate"), fields(IepRules.checkActivation(before, null, Map.of(), List.of(active))));
    }

    @Test
    void anEndedIepCountsOnlyForTheDaysItWasInForce() {
        Iep ended = inForce(SEP, AUG);
        ended.status = IepStatus.ENDED;
        ended.endedOn = LocalDate.of(2026, 12, 18);
        Iep afterTheEnd = iep(LocalDate.of(2027, 1, 4), LocalDate.of(2028, 1, 3));
        assertEquals(List.of(), IepRules.checkNoOverlap(afterTheEnd, List.of(ended)));
        Iep beforeTheEnd = iep(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30));
        assertEquals(List.of("startDate"), fields(IepRules.checkNoOverlap(beforeTheEnd, List.of(ended))));
    }

    @Test
    void anAmendmentKeepsTheTermStartAndTakesEffectAfterTheAmendedVersionWithAReason() {
        Iep active = inForce(SEP, AUG);
        assertEquals(List.of(), IepRules.checkDraft(amendment(active, NOV), active, Map.of()));

        Iep sameDay = amendment(active, SEP);
        assertEquals(List.of("effectiveFrom"), fields(IepRules.checkVersion(sameDay, active)));
        Iep noDate = amendment(active, NOV);
        noDate.effectiveFrom = null;
        assertEquals(List.of("effectiveFrom"), fields(IepRules.checkVersion(noDate, active)));
        Iep afterTerm = amendment(active, AUG.plusDays(1));
        assertEquals(List.of("effectiveFrom"), fields(IepRules.checkVersion(afterTerm, active)));
        Iep movedStart = amendment(active, NOV);
        movedStart.startDate = SEP.plusDays(7);
        movedStart.amendmentReason = " ";
        assertEquals(List.of("startDate", "amendmentReason"), fields(IepRules.checkVersion(movedStart, active)));

        Iep original = iep(SEP, AUG);
        original.effectiveFrom = NOV;
        assertEquals(List.of("effectiveFrom"), fields(IepRules.checkVersion(original, null)));
    }

    @Test
    void aContinuedMandateMustBeOneOfTheAmendedVersionOfTheSameServiceContinuedOnce() {
        Iep active = inForce(SEP, AUG);
        Iep amendment = amendment(active, NOV);
        amendment.mandates.get(0).continuesMandateId = active.mandates.get(0).id;
        assertEquals(List.of(), IepRules.checkContinuations(amendment, active));

        ServiceMandate twice = speech(amendment);
        twice.startDate = NOV;
        twice.continuesMandateId = active.mandates.get(0).id;
        amendment.mandates.add(twice);
        assertEquals(List.of("mandates[1].continuesMandateId"), fields(IepRules.checkContinuations(amendment, active)));

        twice.continuesMandateId = UUID.randomUUID();
        assertEquals(List.of("mandates[1].continuesMandateId"), fields(IepRules.checkContinuations(amendment, active)));

        twice.continuesMandateId = null;
        amendment.mandates.get(0).serviceType = ServiceType.OCCUPATIONAL_THERAPY;
        amendment.mandates.get(0).providerDiscipline = Discipline.OT;
        // The OT mandate cannot continue speech, and speech, a continuing service, continues nothing.
        assertEquals(List.of("mandates[0].continuesMandateId", "mandates[1].continuesMandateId"),
                fields(IepRules.checkContinuations(amendment, active)));

        Iep original = iep(SEP, AUG);
        original.mandates.get(0).continuesMandateId = active.mandates.get(0).id;
        assertEquals(List.of("mandates[0].continuesMandateId"), fields(IepRules.checkContinuations(original, null)));
    }

    @Test
    void aContinuingServiceAlwaysSaysWhichMandateItContinues() {
        Iep active = inForce(SEP, AUG);
        active.mandates.add(speech(active)); // two speech mandates: which one a new one continues is not obvious
        Iep amendment = amendment(active, NOV);
        amendment.mandates.get(0).continuesMandateId = null;
        assertEquals(List.of("mandates[0].continuesMandateId"), fields(IepRules.checkContinuations(amendment, active)));
        amendment.mandates.get(0).continuesMandateId = active.mandates.get(1).id;
        assertEquals(List.of(), IepRules.checkContinuations(amendment, active));

        // A service the amended version did not mandate continues nothing.
        amendment.mandates.get(0).serviceType = ServiceType.OCCUPATIONAL_THERAPY;
        amendment.mandates.get(0).continuesMandateId = null;
        assertEquals(List.of(), IepRules.checkContinuations(amendment, active));
    }

    @Test
    void aGoalIsContinuedOnce() {
        Iep active = inForce(SEP, AUG);
        IepGoal old = new IepGoal();
        old.id = UUID.randomUUID();
        old.area = GoalArea.ARTICULATION;
        active.goals.add(old);
        Iep amendment = amendment(active, NOV);
        for (int i = 0; i < 2; i++) {
            IepGoal g = new IepGoal();
            g.id = UUID.randomUUID();
            g.area = GoalArea.ARTICULATION;
            g.continuesGoalId = old.id;
            amendment.goals.add(g);
        }
        assertEquals(List.of("goals[1].continuesGoalId"), fields(IepRules.checkGoals(amendment, active)));
    }

    @Test
    void anOriginalContinuesNothing() {
        Iep active = inForce(SEP, AUG);
        Iep original = iep(SEP, AUG);
        original.mandates.get(0).continuesMandateId = active.mandates.get(0).id;
        assertEquals(List.of("mandates[0].continuesMandateId"), fields(IepRules.checkContinuations(original, null)));
    }

    @Test
    void aGoalIsWorkedOnByAMandatedService() {
        Iep iep = iep(SEP, AUG);
        IepGoal goal = new IepGoal();
        goal.id = UUID.randomUUID();
        goal.area = GoalArea.FINE_MOTOR;
        goal.serviceType = ServiceType.OCCUPATIONAL_THERAPY;
        iep.goals.add(goal);
        assertEquals(List.of("goals[0].serviceType"), fields(IepRules.checkGoals(iep, null)));
        goal.serviceType = ServiceType.SPEECH_LANGUAGE;
        assertEquals(List.of(), IepRules.checkGoals(iep, null));
        goal.continuesGoalId = UUID.randomUUID();
        assertEquals(List.of("goals[0].continuesGoalId"), fields(IepRules.checkGoals(iep, null)));
    }

    @Test
    void anIepEndsOnADayThisVersionApplies() {
        Iep active = inForce(SEP, AUG);
        active.effectiveFrom = NOV;
        assertEquals(List.of(), IepRules.checkEnd(active, NOV));
        assertEquals(List.of(), IepRules.checkEnd(active, AUG));
        assertEquals(List.of("endedOn"), fields(IepRules.checkEnd(active, NOV.minusDays(1))));
        assertEquals(List.of("endedOn"), fields(IepRules.checkEnd(active, AUG.plusDays(1))));
    }

    @Test
    void aVersionAppliesUntilItsEndTheDayBeforeItsSuccessorOrItsEndedOn() {
        assertNull(IepRules.effectiveTo(IepStatus.DRAFT, AUG, null, null));
        assertEquals(AUG, IepRules.effectiveTo(IepStatus.ACTIVE, AUG, null, null));
        assertEquals(NOV.minusDays(1), IepRules.effectiveTo(IepStatus.SUPERSEDED, AUG, NOV, null));
        // Superseded by the next annual IEP, after its own term: its term is untouched.
        assertEquals(AUG, IepRules.effectiveTo(IepStatus.SUPERSEDED, AUG, AUG.plusDays(10), null));
        assertEquals(LocalDate.of(2027, 1, 29), IepRules.effectiveTo(IepStatus.ENDED, AUG, null, LocalDate.of(2027, 1, 29)));
    }

    @Test
    void onlyDraftsAreEditable() {
        assertTrue(IepRules.isEditable(IepStatus.DRAFT));
        assertFalse(IepRules.isEditable(IepStatus.ACTIVE));
        assertFalse(IepRules.isEditable(IepStatus.SUPERSEDED));
        assertFalse(IepRules.isEditable(IepStatus.ENDED));
    }
}
