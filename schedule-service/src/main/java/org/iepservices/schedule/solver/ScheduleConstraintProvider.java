package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import org.iepservices.events.ActivitySubject;
import org.iepservices.schedule.recommendation.GoalArea;
import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;
import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.TravelTime;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of a provider's week, one method per rule. Hard rules are counted in minutes (or
 * students) of conflict, so the solver can tell a bad conflict from a small one; the medium level
 * counts mandated minutes left unplaced, so placing every minute beats every soft preference; soft
 * rules weigh what serves students and teachers best.
 *
 * <p>Hard rules about one session on its own (availability, protected blocks, push-in target) judge
 * only the sessions the solver places: a pinned session exists already, perhaps accepted with an
 * override, and cannot move, so judging it would only make every week infeasible. Rules between
 * sessions (double booking, travel, daily maximum) count pinned sessions too.
 */
public class ScheduleConstraintProvider implements ConstraintProvider {

    static final int SPREAD_WEIGHT = 20;
    static final int ROTATION_WEIGHT = 10;
    static final int GROUP_COMPATIBILITY_WEIGHT = 10;
    static final int SAME_SLOT_WEIGHT = 5;
    static final int TEACHER_PREFERENCE_WEIGHT = 5;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{
                providerDoubleBooking(factory),
                studentDoubleBooking(factory),
                withinProviderAvailability(factory),
                travelTimeBetweenSchools(factory),
                pullOutNotDuringProtectedBlocks(factory),
                pushInIntoStructuredBlockOfOwnClass(factory),
                groupSizeLimit(factory),
                providerDailyMaximum(factory),
                mandatedMinutesPlaced(factory),
                pushInMatchesGoals(factory),
                pullOutAvoidsCoreSubjects(factory),
                pullOutRotatesMissedSubjects(factory),
                groupCompatibleStudents(factory),
                groupWherePossible(factory),
                spreadSessionsOverWeek(factory),
                sameSlotEveryWeek(factory),
                teacherPreference(factory),
        };
    }

    // ---------------------------------------------------------------- hard

    /** The provider is in one session at a time; the students of one group session share it. */
    Constraint providerDoubleBooking(ConstraintFactory factory) {
        return factory.forEachUniquePair(ServiceSession.class,
                        Joiners.equal(ServiceSession::day),
                        Joiners.overlapping(ServiceSession::start, ServiceSession::end))
                .filter((a, b) -> a.isOwnProvider() && b.isOwnProvider() && !a.sharesGroupSlotWith(b))
                .penalize(HardMediumSoftScore.ONE_HARD, ServiceSession::overlapMinutes)
                .asConstraint("Provider double booking");
    }

    /** A student is in one session at a time, this provider's or another's. */
    Constraint studentDoubleBooking(ConstraintFactory factory) {
        return factory.forEachUniquePair(ServiceSession.class,
                        Joiners.equal(ServiceSession::getStudentId),
                        Joiners.equal(ServiceSession::day),
                        Joiners.overlapping(ServiceSession::start, ServiceSession::end))
                .penalize(HardMediumSoftScore.ONE_HARD, ServiceSession::overlapMinutes)
                .asConstraint("Student double booking");
    }

    /** A session lies fully inside one window when the provider is at the student's school. */
    Constraint withinProviderAvailability(ConstraintFactory factory) {
        return factory.forEach(ServiceSession.class)
                .filter(s -> s.isOwnProvider() && !s.isPinned())
                .ifNotExists(AvailabilityWindow.class,
                        Joiners.equal(ServiceSession::getSchoolId, AvailabilityWindow::schoolId),
                        Joiners.equal(ServiceSession::day, AvailabilityWindow::day),
                        Joiners.greaterThanOrEqual(ServiceSession::start, AvailabilityWindow::startMinute),
                        Joiners.lessThanOrEqual(ServiceSession::end, AvailabilityWindow::endMinute))
                .penalize(HardMediumSoftScore.ONE_HARD, ServiceSession::getMinutes)
                .asConstraint("Within provider availability");
    }

    /** Between sessions at two schools on one day the provider needs the travel time; penalized by the minutes short. */
    Constraint travelTimeBetweenSchools(ConstraintFactory factory) {
        return factory.forEach(ServiceSession.class)
                .filter(ServiceSession::isOwnProvider)
                .join(ServiceSession.class,
                        Joiners.equal(ServiceSession::day),
                        Joiners.lessThanOrEqual(ServiceSession::end, ServiceSession::start),
                        Joiners.filtering((a, b) -> b.isOwnProvider() && !a.getSchoolId().equals(b.getSchoolId())))
                .join(TravelTime.class,
                        Joiners.equal((a, b) -> SchoolPair.of(a.getSchoolId(), b.getSchoolId()), TravelTime::pair))
                .filter((a, b, travel) -> b.start() - a.end() < travel.minutes())
                .penalize(HardMediumSoftScore.ONE_HARD, (a, b, travel) -> travel.minutes() - (b.start() - a.end()))
                .asConstraint("Travel time between schools");
    }

    /**
     * No pull-out during core instruction the teacher never lets a student leave (or any core
     * instruction, when the district protects it), nor during a subject the mandate forbids
     * (NOT_DURING_SUBJECT), in any of the student's classes; penalized by the minutes overlapping.
     */
    Constraint pullOutNotDuringProtectedBlocks(ConstraintFactory factory) {
        return factory.forEach(ServiceSession.class)
                .filter(s -> s.isOwnProvider() && s.isPullOut() && !s.isPinned())
                .join(ActivityBlock.class,
                        Joiners.equal(ServiceSession::day, ActivityBlock::day),
                        Joiners.overlapping(ServiceSession::start, ServiceSession::end,
                                ActivityBlock::startMinute, ActivityBlock::endMinute),
                        Joiners.filtering((session, block) -> session.inClass(block.classId())))
                .filter(ServiceSession::mustNotMiss)
                .penalize(HardMediumSoftScore.ONE_HARD, ServiceSession::overlapMinutes)
                .asConstraint("Pull-out not during protected blocks");
    }

    /**
     * A push-in joins a structured, instructional block of one of the student's classes whose teacher
     * takes push-in, and stays fully inside it; penalized by the session's minutes.
     */
    Constraint pushInIntoStructuredBlockOfOwnClass(ConstraintFactory factory) {
        return factory.forEach(ServiceSession.class)
                .filter(s -> s.isOwnProvider() && s.isPushIn() && !s.isPinned() && !s.pushInIsValid())
                .penalize(HardMediumSoftScore.ONE_HARD, ServiceSession::getMinutes)
                .asConstraint("Push-in into structured block of own class");
    }

    /** A group session has at most as many students as the smallest group limit of its members' mandates. */
    Constraint groupSizeLimit(ConstraintFactory factory) {
        return factory.forEach(ServiceSession.class)
                .filter(ServiceSession::isGroupable)
                .groupBy(ServiceSession::groupSlot, ConstraintCollectors.count(),
                        ConstraintCollectors.min(ServiceSession::maxGroupSize))
                .filter((slot, students, limit) -> students > limit)
                .penalize(HardMediumSoftScore.ONE_HARD, (slot, students, limit) -> students - limit)
                .asConstraint("Group size limit");
    }

    /**
     * The provider takes at most their daily maximum of sessions (provider limits; a group session
     * counts once, pinned ones count); penalized by the sessions over it each day.
     */
    Constraint providerDailyMaximum(ConstraintFactory factory) {
        return factory.forEach(ServiceSession.class)
                .filter(ServiceSession::isOwnProvider)
                .groupBy(ServiceSession::day, ConstraintCollectors.countDistinct(ServiceSession::providerSlot))
                .join(DailyLimit.class)
                .filter((day, sessions, limit) -> sessions > limit.maxSessionsPerDay())
                .penalize(HardMediumSoftScore.ONE_HARD, (day, sessions, limit) -> sessions - limit.maxSessionsPerDay())
                .asConstraint("Provider daily maximum");
    }

    // ---------------------------------------------------------------- medium

    /** Every mandated minute gets a slot: an unplaced session costs its minutes. */
    Constraint mandatedMinutesPlaced(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(ServiceSession.class)
                .filter(s -> s.getPlacement() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, ServiceSession::getMinutes)
                .asConstraint("Mandated minutes placed");
    }

    // ---------------------------------------------------------------- soft

    /** Push-in goes where the goals are worked on: language in ELA or centers, fine motor in writing. */
    Constraint pushInMatchesGoals(ConstraintFactory factory) {
        return factory.forEach(ServiceSession.class)
                .filter(s -> s.isOwnProvider() && s.isPushIn() && !s.pushInFitsGoals())
                .penalize(HardMediumSoftScore.ONE_SOFT, ServiceSession::getMinutes)
                .asConstraint("Push-in matches goals");
    }

    /** Pull-out costs instruction: each minute of core instruction missed counts. */
    Constraint pullOutAvoidsCoreSubjects(ConstraintFactory factory) {
        return factory.forEach(ServiceSession.class)
                .filter(s -> s.isOwnProvider() && s.isPullOut())
                .join(ActivityBlock.class,
                        Joiners.equal(ServiceSession::day, ActivityBlock::day),
                        Joiners.overlapping(ServiceSession::start, ServiceSession::end,
                                ActivityBlock::startMinute, ActivityBlock::endMinute),
                        Joiners.filtering((session, block) -> session.inClass(block.classId())))
                .filter((session, block) -> block.core())
                .penalize(HardMediumSoftScore.ONE_SOFT, ServiceSession::overlapMinutes)
                .asConstraint("Pull-out avoids core subjects");
    }

    /** A student's pull-outs should not make them miss the same subject twice a week: rotate what is missed. */
    Constraint pullOutRotatesMissedSubjects(ConstraintFactory factory) {
        return factory.forEachUniquePair(ServiceSession.class, Joiners.equal(ServiceSession::getStudentId))
                .filter((a, b) -> a.isOwnProvider() && b.isOwnProvider() && a.isPullOut() && b.isPullOut())
                .filter((a, b) -> !sharedMissedSubjects(a, b).isEmpty())
                .penalize(HardMediumSoftScore.ofSoft(ROTATION_WEIGHT), (a, b) -> sharedMissedSubjects(a, b).size())
                .asConstraint("Pull-out rotates missed subjects");
    }

    /** Students grouped together should share a grade and work on related goals. */
    Constraint groupCompatibleStudents(ConstraintFactory factory) {
        return factory.forEachUniquePair(ServiceSession.class, Joiners.equal(ServiceSession::groupSlot))
                .filter(ServiceSession::sharesGroupSlotWith)
                .filter((a, b) -> groupMismatches(a, b) > 0)
                .penalize(HardMediumSoftScore.ofSoft(GROUP_COMPATIBILITY_WEIGHT),
                        ScheduleConstraintProvider::groupMismatches)
                .asConstraint("Group compatible students");
    }

    /**
     * Group mandates exist so one session serves several students: a group-eligible session placed
     * alone costs its minutes, which frees provider time for the rest of the caseload.
     */
    Constraint groupWherePossible(ConstraintFactory factory) {
        return factory.forEach(ServiceSession.class)
                .filter(ServiceSession::isGroupable)
                .groupBy(ServiceSession::groupSlot, ConstraintCollectors.count(),
                        ConstraintCollectors.sum(ServiceSession::getMinutes))
                .filter((slot, students, minutes) -> students == 1)
                .penalize(HardMediumSoftScore.ONE_SOFT, (slot, students, minutes) -> minutes)
                .asConstraint("Group where possible");
    }

    /** A student's sessions are spread over the week: two on one day cost. */
    Constraint spreadSessionsOverWeek(ConstraintFactory factory) {
        return factory.forEachUniquePair(ServiceSession.class,
                        Joiners.equal(ServiceSession::getStudentId),
                        Joiners.equal(ServiceSession::day))
                .filter((a, b) -> a.isOwnProvider() && b.isOwnProvider())
                .penalize(HardMediumSoftScore.ofSoft(SPREAD_WEIGHT))
                .asConstraint("Spread sessions over week");
    }

    /**
     * One predictable slot: the week is a template, so every session recurs at the same weekday and
     * time; a mandate's sessions on different days should also start at the same time of day.
     */
    Constraint sameSlotEveryWeek(ConstraintFactory factory) {
        return factory.forEachUniquePair(ServiceSession.class, Joiners.equal(ServiceSession::mandateId))
                .filter((a, b) -> a.isOwnProvider() && b.isOwnProvider() && a.mandateId() != null
                        && a.start() != b.start())
                .penalize(HardMediumSoftScore.ofSoft(SAME_SLOT_WEIGHT))
                .asConstraint("Same slot every week");
    }

    /** Push into the blocks teachers welcome: OPEN costs a little, PREFERS_NOT more. */
    Constraint teacherPreference(ConstraintFactory factory) {
        return factory.forEach(ServiceSession.class)
                .filter(s -> s.isOwnProvider() && s.isPushIn() && s.block() != null && reluctance(s.block()) > 0)
                .penalize(HardMediumSoftScore.ofSoft(TEACHER_PREFERENCE_WEIGHT), s -> reluctance(s.block()))
                .asConstraint("Teacher preference");
    }

    static int reluctance(ActivityBlock block) {
        return switch (block.teacherOpenness()) {
            case WELCOMES -> 0;
            case OPEN -> 1;
            case PREFERS_NOT, NEVER -> 3;
        };
    }

    static Set<ActivitySubject> sharedMissedSubjects(ServiceSession a, ServiceSession b) {
        Set<ActivitySubject> shared = EnumSet.noneOf(ActivitySubject.class);
        shared.addAll(a.missedSubjects());
        shared.retainAll(b.missedSubjects());
        return shared;
    }

    /** 1 for different grades, 1 for goals with no area in common. */
    static int groupMismatches(ServiceSession a, ServiceSession b) {
        int mismatches = 0;
        if (!Objects.equals(a.getStudent().grade(), b.getStudent().grade())) {
            mismatches++;
        }
        Set<GoalArea> shared = a.getStudent().goalAreas().isEmpty() ? Set.of()
                : EnumSet.copyOf(a.getStudent().goalAreas());
        if (!shared.isEmpty()) {
            shared.retainAll(b.getStudent().goalAreas());
        }
        if (shared.isEmpty()) {
            mismatches++;
        }
        return mismatches;
    }
}
