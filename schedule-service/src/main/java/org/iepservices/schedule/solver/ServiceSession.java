package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.recommendation.GoalArea;
import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;
import org.iepservices.schedule.solver.ScheduleProblem.Mandate;
import org.iepservices.schedule.solver.ScheduleProblem.Student;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One student's weekly session of one mandate in one setting: what the solver places. A mandate
 * "2 x 30, 1 push-in + 1 pull-out" gives two of them. Students of group mandates placed in the same
 * slot (same start, school, setting, service, length and, for push-in, block) form one group session.
 *
 * <p>Its value range holds only placements that can work on their own: within the provider's
 * availability at the student's school, for push-in inside a structured block of the student's own
 * class, for pull-out clear of protected blocks. The hard constraints check the same rules again, so
 * pinned sessions and changed facts are judged too.
 */
@PlanningEntity(comparatorClass = ServiceSession.Difficulty.class)
public class ServiceSession {

    @PlanningId
    private String id;
    private UUID studentId;
    private Student student;
    private Mandate mandate;
    private ServiceSetting setting;
    private int minutes;
    private UUID schoolId;
    private boolean ownProvider;
    /** The weekly activity blocks of the student's class, to tell what a pull-out makes them miss. */
    private List<ActivityBlock> classBlocks;
    private List<Placement> candidatePlacements;
    /** The district closes every core block to pull-out (ScheduleProblem.coreInstructionProtected). */
    private boolean coreInstructionProtected;

    /** For a session that exists already: the id of what it is part of (the series), else null. */
    private UUID existingSessionId;

    @PlanningPin
    private boolean pinned;

    @PlanningVariable(valueRangeProviderRefs = "candidatePlacements", allowsUnassigned = true)
    private Placement placement;

    public ServiceSession() {
    }

    public ServiceSession(String id, Student student, Mandate mandate, ServiceSetting setting, int minutes,
                          List<ActivityBlock> classBlocks, List<Placement> candidatePlacements) {
        this.id = id;
        this.student = student;
        this.studentId = student.studentId();
        this.mandate = mandate;
        this.setting = setting;
        this.minutes = minutes;
        this.schoolId = student.schoolId();
        this.ownProvider = true;
        this.classBlocks = classBlocks == null ? List.of() : classBlocks;
        this.candidatePlacements = candidatePlacements == null ? List.of() : candidatePlacements;
    }

    /** An existing session of another provider: it only keeps the student busy. */
    public static ServiceSession ofOtherProvider(String id, UUID studentId, UUID schoolId, ServiceSetting setting,
                                                 int minutes, Placement placement) {
        ServiceSession session = new ServiceSession();
        session.id = id;
        session.studentId = studentId;
        session.schoolId = schoolId;
        session.setting = setting;
        session.minutes = minutes;
        session.ownProvider = false;
        session.classBlocks = List.of();
        session.candidatePlacements = List.of(placement);
        session.placement = placement;
        session.pinned = true;
        return session;
    }

    /**
     * An existing session of this provider that serves no mandate planned here (another school's
     * student, a mandate not in the problem): it takes the provider's time (double booking, travel,
     * daily maximum) and its student's, and counts toward nothing.
     */
    public static ServiceSession ofOwnCommitment(String id, UUID studentId, UUID schoolId, ServiceSetting setting,
                                                 int minutes, Placement placement) {
        ServiceSession session = ofOtherProvider(id, studentId, schoolId, setting, minutes, placement);
        session.ownProvider = true;
        return session;
    }

    /** Sets whether the district closes every core block to pull-out. */
    public ServiceSession protectingCoreInstruction(boolean coreInstructionProtected) {
        this.coreInstructionProtected = coreInstructionProtected;
        return this;
    }

    /** Pins the session where it is: part of the existing session (series) {@code existingSessionId}. */
    public ServiceSession pinAs(UUID existingSessionId, Placement fixed) {
        this.existingSessionId = existingSessionId;
        return pinAt(fixed);
    }

    /** Pins the session where it is (an existing session of this provider). */
    public ServiceSession pinAt(Placement fixed) {
        this.placement = fixed;
        this.pinned = true;
        if (!candidatePlacements.contains(fixed)) {
            this.candidatePlacements = List.of(fixed);
        }
        return this;
    }

    @ValueRangeProvider(id = "candidatePlacements")
    public List<Placement> getCandidatePlacements() {
        return candidatePlacements;
    }

    public boolean isPlaced() {
        return placement != null;
    }

    public DayOfWeek day() {
        return placement.day();
    }

    public int start() {
        return placement.startMinute();
    }

    public int end() {
        return placement.startMinute() + minutes;
    }

    public ActivityBlock block() {
        return placement == null ? null : placement.block();
    }

    public boolean isPushIn() {
        return setting == ServiceSetting.PUSH_IN;
    }

    public boolean isPullOut() {
        return setting == ServiceSetting.PULL_OUT;
    }

    public UUID classId() {
        return student == null ? null : student.classId();
    }

    /** The student is in that class (their main class or another one). */
    public boolean inClass(UUID classId) {
        return student != null && student.inClass(classId);
    }

    /** This pull-out must not take the student out of the block (see ActivityBlock.closedToPullOut). */
    public boolean mustNotMiss(ActivityBlock block) {
        return block.closedToPullOut(mandate, coreInstructionProtected);
    }

    /**
     * What takes the provider's time: the group session for a member of one, else the session itself,
     * so a group session counts once toward the daily maximum.
     */
    public Object providerSlot() {
        GroupSlot slot = groupSlot();
        return slot != null ? slot : id;
    }

    public UUID mandateId() {
        return mandate == null ? null : mandate.mandateId();
    }

    public boolean isGroupable() {
        return ownProvider && mandate != null && mandate.group();
    }

    public int maxGroupSize() {
        return mandate == null ? 1 : mandate.maxGroupSize();
    }

    /** The group session this one would be part of; {@code null} for an unplaced or individual session. */
    public GroupSlot groupSlot() {
        if (!isGroupable() || placement == null) {
            return null;
        }
        ActivityBlock block = placement.block();
        return new GroupSlot(placement.day(), placement.startMinute(), minutes, schoolId, setting,
                mandate.serviceType(), block == null ? null : block.blockId(), existingSessionId);
    }

    /** Both sessions are parts of one group session, so the provider is not double-booked by them. */
    public boolean sharesGroupSlotWith(ServiceSession other) {
        GroupSlot mine = groupSlot();
        return mine != null && mine.equals(other.groupSlot()) && !studentId.equals(other.studentId);
    }

    /** Minutes of this session that fall inside {@code [from, to)} on {@code day}. */
    public int overlapMinutes(DayOfWeek otherDay, int from, int to) {
        if (placement == null || otherDay != placement.day()) {
            return 0;
        }
        return Math.max(0, Math.min(end(), to) - Math.max(start(), from));
    }

    public int overlapMinutes(ServiceSession other) {
        return other.isPlaced() ? overlapMinutes(other.day(), other.start(), other.end()) : 0;
    }

    public int overlapMinutes(ActivityBlock block) {
        return overlapMinutes(block.day(), block.startMinute(), block.endMinute());
    }

    /** The instructional subjects of the student's class that this pull-out makes them miss. */
    public Set<ActivitySubject> missedSubjects() {
        Set<ActivitySubject> missed = EnumSet.noneOf(ActivitySubject.class);
        if (isPullOut() && placement != null) {
            for (ActivityBlock block : classBlocks) {
                if (!ActivitySubject.NON_INSTRUCTIONAL.contains(block.subject()) && overlapMinutes(block) > 0) {
                    missed.add(block.subject());
                }
            }
        }
        return missed;
    }

    /** The push-in's block is what the student's goals (or the mandate's preference) call for. */
    public boolean pushInFitsGoals() {
        ActivityBlock block = block();
        if (block == null || student == null) {
            return false;
        }
        if (mandate != null && mandate.preferredSubjects().contains(block.subject())) {
            return true;
        }
        for (GoalArea area : student.goalAreas()) {
            if (area.fits(block.subject())) {
                return true;
            }
        }
        return false;
    }

    /** The push-in sits fully inside a structured block of one of the student's classes that takes push-in. */
    public boolean pushInIsValid() {
        ActivityBlock block = block();
        return block != null && inClass(block.classId()) && block.takesPushIn()
                && block.day() == day() && start() >= block.startMinute() && end() <= block.endMinute();
    }

    public String getId() {
        return id;
    }

    public UUID getStudentId() {
        return studentId;
    }

    public Student getStudent() {
        return student;
    }

    public Mandate getMandate() {
        return mandate;
    }

    public ServiceSetting getSetting() {
        return setting;
    }

    public int getMinutes() {
        return minutes;
    }

    public UUID getSchoolId() {
        return schoolId;
    }

    public boolean isOwnProvider() {
        return ownProvider;
    }

    public List<ActivityBlock> getClassBlocks() {
        return classBlocks;
    }

    public boolean isPinned() {
        return pinned;
    }

    public UUID getExistingSessionId() {
        return existingSessionId;
    }

    public Placement getPlacement() {
        return placement;
    }

    public void setPlacement(Placement placement) {
        this.placement = placement;
    }

    @Override
    public String toString() {
        return id + "@" + placement;
    }

    /**
     * Harder sessions sort last, so construction places them first: fewer possible placements (a
     * push-in into the one structured block of its class) before sessions that can go anywhere,
     * longer before shorter.
     */
    public static final class Difficulty implements java.util.Comparator<ServiceSession> {
        @Override
        public int compare(ServiceSession a, ServiceSession b) {
            return java.util.Comparator
                    .comparingInt((ServiceSession s) -> -s.getCandidatePlacements().size())
                    .thenComparingInt(ServiceSession::getMinutes)
                    .thenComparing(ServiceSession::getId)
                    .compare(a, b);
        }
    }

    /**
     * What makes several students' sessions one group session. {@code existingSessionId}: the members
     * of an existing series share it, and a new session never joins one (adding a student to a series
     * is a change to that series, not a new one).
     */
    public record GroupSlot(DayOfWeek day, int startMinute, int minutes, UUID schoolId, ServiceSetting setting,
                            String serviceType, UUID blockId, UUID existingSessionId) {
    }
}
