package org.iepservices.schedule.solver;

import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.recommendation.GoalArea;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the automatic scheduler plans: one provider's caseload for one school week, as plain data.
 * The week it produces is a template: every placement is a weekday slot that recurs each week.
 * {@code domain.caseload.SnapshotMapper} builds it from schedule-service's own copies (a provider's
 * caseload snapshot); integrators can send it as JSON.
 *
 * @param providerId     the provider whose sessions are planned
 * @param schoolId       optional: plan only the students of this school (the others are ignored)
 * @param gridMinutes    start times lie on this grid (5 = every 5 minutes from midnight)
 * @param students       the caseload
 * @param mandates       the students' mandates served by this provider, sessions per week split by setting
 * @param activityBlocks the weekly activity blocks of the students' classes
 * @param availability   when the provider is at which school; windows of one school and day must not touch
 * @param travelTimes    minutes between two schools (either direction); a pair not listed needs none
 * @param fixedSessions  sessions that already exist and must not move (this provider's or another's)
 * @param maxSessionsPerDay        optional: the most sessions the provider takes a day (a group session
 *                                 counts once, this provider's fixed sessions count too)
 * @param coreInstructionProtected the district refuses pull-outs during core instruction: every core
 *                                 block is then closed to pull-out, not only those whose teacher says NEVER
 */
public record ScheduleProblem(UUID providerId, UUID schoolId, Integer gridMinutes, List<Student> students,
                              List<Mandate> mandates, List<ActivityBlock> activityBlocks,
                              List<AvailabilityWindow> availability, List<TravelTime> travelTimes,
                              List<FixedSession> fixedSessions, Integer maxSessionsPerDay,
                              Boolean coreInstructionProtected) {

    public static final int DEFAULT_GRID_MINUTES = 5;

    public ScheduleProblem {
        gridMinutes = gridMinutes == null ? DEFAULT_GRID_MINUTES : gridMinutes;
        coreInstructionProtected = coreInstructionProtected != null && coreInstructionProtected;
        students = students == null ? List.of() : List.copyOf(students);
        mandates = mandates == null ? List.of() : List.copyOf(mandates);
        activityBlocks = activityBlocks == null ? List.of() : List.copyOf(activityBlocks);
        availability = availability == null ? List.of() : List.copyOf(availability);
        travelTimes = travelTimes == null ? List.of() : List.copyOf(travelTimes);
        fixedSessions = fixedSessions == null ? List.of() : List.copyOf(fixedSessions);
    }

    /** A week without a daily maximum, where only core blocks whose teacher says NEVER are closed to pull-out. */
    public ScheduleProblem(UUID providerId, UUID schoolId, Integer gridMinutes, List<Student> students,
                           List<Mandate> mandates, List<ActivityBlock> activityBlocks,
                           List<AvailabilityWindow> availability, List<TravelTime> travelTimes,
                           List<FixedSession> fixedSessions) {
        this(providerId, schoolId, gridMinutes, students, mandates, activityBlocks, availability, travelTimes,
                fixedSessions, null, false);
    }

    /**
     * A student of the caseload: where they are (school, class), their grade and what their goals work
     * on. {@code classId} is the class push-in usually joins (the homeroom); {@code otherClassIds} are
     * further classes the student is in (specials, a co-taught section): push-in may join their blocks
     * too, and a pull-out counts what it makes the student miss there.
     */
    public record Student(UUID studentId, String name, UUID schoolId, UUID classId, String grade,
                          Set<GoalArea> goalAreas, List<UUID> otherClassIds) {
        public Student {
            goalAreas = goalAreas == null || goalAreas.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(goalAreas));
            otherClassIds = otherClassIds == null ? List.of() : List.copyOf(otherClassIds);
        }

        public Student(UUID studentId, String name, UUID schoolId, UUID classId, String grade,
                       Set<GoalArea> goalAreas) {
            this(studentId, name, schoolId, classId, grade, goalAreas, List.of());
        }

        /** Every class of the student, the main one first. */
        public List<UUID> classIds() {
            List<UUID> all = new ArrayList<>();
            if (classId != null) {
                all.add(classId);
            }
            otherClassIds.stream().filter(id -> !all.contains(id)).forEach(all::add);
            return all;
        }

        public boolean inClass(UUID id) {
            return id != null && (id.equals(classId) || otherClassIds.contains(id));
        }
    }

    /**
     * What one mandate needs each week. {@code group}: sessions may combine up to {@code maxGroupSize}
     * students of group mandates of the same service, setting and length (and, for push-in, class).
     * {@code notDuringSubjects}: never pull out during these (mandate constraint NOT_DURING_SUBJECT);
     * {@code preferredSubjects}: push in during these (PREFER_SUBJECT).
     */
    public record Mandate(UUID mandateId, UUID studentId, String serviceType, int minutesPerSession,
                          int pushInSessionsPerWeek, int pullOutSessionsPerWeek, boolean group, Integer maxGroupSize,
                          Set<ActivitySubject> notDuringSubjects, Set<ActivitySubject> preferredSubjects) {
        public Mandate {
            maxGroupSize = maxGroupSize == null ? (group ? 4 : 1) : maxGroupSize;
            notDuringSubjects = notDuringSubjects == null ? Set.of() : Set.copyOf(notDuringSubjects);
            preferredSubjects = preferredSubjects == null ? Set.of() : Set.copyOf(preferredSubjects);
        }

        public int sessions(ServiceSetting setting) {
            return setting == ServiceSetting.PUSH_IN ? pushInSessionsPerWeek : pullOutSessionsPerWeek;
        }

        public int weeklyMinutes() {
            return (pushInSessionsPerWeek + pullOutSessionsPerWeek) * minutesPerSession;
        }
    }

    /** One weekly activity block of a class: what the class does then, how structured it is, how the teacher takes providers. */
    public record ActivityBlock(UUID blockId, UUID classId, DayOfWeek day, LocalTime start, LocalTime end,
                                ActivitySubject subject, boolean core, Structure structure,
                                PushInOpenness teacherOpenness) {
        public ActivityBlock {
            subject = subject == null ? ActivitySubject.OTHER : subject;
            structure = structure == null ? Structure.MODERATE : structure;
            teacherOpenness = teacherOpenness == null ? PushInOpenness.OPEN : teacherOpenness;
        }

        public int startMinute() {
            return start.toSecondOfDay() / 60;
        }

        public int endMinute() {
            return end.toSecondOfDay() / 60;
        }

        /** A push-in can join it: structured, instructional, the teacher does not refuse. */
        public boolean takesPushIn() {
            return structure != Structure.LOW && !ActivitySubject.NON_INSTRUCTIONAL.contains(subject)
                    && teacherOpenness != PushInOpenness.NEVER;
        }

        /** Core instruction the teacher never lets a student leave. */
        public boolean protectedCore() {
            return core && teacherOpenness == PushInOpenness.NEVER;
        }

        /**
         * A pull-out of this mandate must not take the student out of this block: protected core, any
         * core block when the district protects core instruction, or a subject the mandate excludes.
         */
        public boolean closedToPullOut(Mandate mandate, boolean coreInstructionProtected) {
            return protectedCore() || (coreInstructionProtected && core)
                    || (mandate != null && mandate.notDuringSubjects().contains(subject));
        }
    }

    /** The provider is at {@code schoolId} on {@code day} from {@code start} to {@code end}. */
    public record AvailabilityWindow(UUID schoolId, DayOfWeek day, LocalTime start, LocalTime end) {
        public int startMinute() {
            return start.toSecondOfDay() / 60;
        }

        public int endMinute() {
            return end.toSecondOfDay() / 60;
        }
    }

    /** Driving time between two schools, used in both directions. */
    public record TravelTime(UUID fromSchoolId, UUID toSchoolId, int minutes) {
        public SchoolPair pair() {
            return SchoolPair.of(fromSchoolId, toSchoolId);
        }
    }

    /**
     * An existing session that stays where it is. With {@code providerId} of another provider it only
     * keeps its students busy; with a {@code mandateId} of this problem it counts as one of that
     * mandate's sessions in its setting.
     */
    public record FixedSession(UUID sessionId, UUID providerId, UUID mandateId, List<UUID> studentIds,
                               ServiceSetting setting, UUID schoolId, DayOfWeek day, LocalTime start, int minutes,
                               UUID activityBlockId) {
        public FixedSession {
            studentIds = studentIds == null ? List.of() : List.copyOf(studentIds);
        }
    }

    /** Every reason this problem cannot be planned, as (field, message); empty when it can. */
    public List<String[]> violations() {
        List<String[]> v = new ArrayList<>();
        if (providerId == null) {
            v.add(new String[]{"providerId", "is required"});
        }
        if (gridMinutes < 1 || gridMinutes > 60) {
            v.add(new String[]{"gridMinutes", "must be between 1 and 60"});
        }
        if (maxSessionsPerDay != null && maxSessionsPerDay < 1) {
            v.add(new String[]{"maxSessionsPerDay", "must be at least 1 (or left out for no limit)"});
        }
        Set<UUID> studentIds = new HashSet<>();
        for (int i = 0; i < students.size(); i++) {
            Student s = students.get(i);
            String f = "students[" + i + "]";
            if (s == null || s.studentId() == null) {
                v.add(new String[]{f + ".studentId", "is required"});
                continue;
            }
            if (!studentIds.add(s.studentId())) {
                v.add(new String[]{f + ".studentId", "appears twice"});
            }
            if (s.schoolId() == null) {
                v.add(new String[]{f + ".schoolId", "is required"});
            }
        }
        Set<UUID> mandateIds = new HashSet<>();
        for (int i = 0; i < mandates.size(); i++) {
            Mandate m = mandates.get(i);
            String f = "mandates[" + i + "]";
            if (m == null || m.mandateId() == null) {
                v.add(new String[]{f + ".mandateId", "is required"});
                continue;
            }
            if (!mandateIds.add(m.mandateId())) {
                v.add(new String[]{f + ".mandateId", "appears twice"});
            }
            if (m.studentId() == null || !studentIds.contains(m.studentId())) {
                v.add(new String[]{f + ".studentId", "must be a student of the problem"});
            }
            if (m.minutesPerSession() < 5 || m.minutesPerSession() > 240) {
                v.add(new String[]{f + ".minutesPerSession", "must be between 5 and 240"});
            }
            if (m.pushInSessionsPerWeek() < 0 || m.pullOutSessionsPerWeek() < 0
                    || m.pushInSessionsPerWeek() + m.pullOutSessionsPerWeek() > 10) {
                v.add(new String[]{f + ".pushInSessionsPerWeek", "sessions per week must be 0 to 10 in all"});
            }
            if (m.maxGroupSize() < 1) {
                v.add(new String[]{f + ".maxGroupSize", "must be at least 1"});
            }
        }
        for (int i = 0; i < activityBlocks.size(); i++) {
            ActivityBlock b = activityBlocks.get(i);
            String f = "activityBlocks[" + i + "]";
            if (b == null || b.blockId() == null || b.classId() == null || b.day() == null || b.start() == null
                    || b.end() == null) {
                v.add(new String[]{f, "blockId, classId, day, start and end are required"});
            } else if (!b.start().isBefore(b.end())) {
                v.add(new String[]{f + ".end", "must be after start"});
            }
        }
        for (int i = 0; i < availability.size(); i++) {
            AvailabilityWindow w = availability.get(i);
            String f = "availability[" + i + "]";
            if (w == null || w.schoolId() == null || w.day() == null || w.start() == null || w.end() == null) {
                v.add(new String[]{f, "schoolId, day, start and end are required"});
            } else if (!w.start().isBefore(w.end())) {
                v.add(new String[]{f + ".end", "must be after start"});
            }
        }
        for (int i = 0; i < travelTimes.size(); i++) {
            TravelTime t = travelTimes.get(i);
            if (t == null || t.fromSchoolId() == null || t.toSchoolId() == null || t.minutes() < 0) {
                v.add(new String[]{"travelTimes[" + i + "]", "fromSchoolId, toSchoolId and minutes >= 0 are required"});
            }
        }
        for (int i = 0; i < fixedSessions.size(); i++) {
            FixedSession s = fixedSessions.get(i);
            String f = "fixedSessions[" + i + "]";
            if (s == null || s.day() == null || s.start() == null || s.setting() == null || s.schoolId() == null
                    || s.minutes() < 1 || s.studentIds().isEmpty()) {
                v.add(new String[]{f, "studentIds, setting, schoolId, day, start and minutes are required"});
            }
        }
        return v;
    }
}
