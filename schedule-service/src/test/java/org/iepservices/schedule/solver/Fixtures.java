package org.iepservices.schedule.solver;

import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.recommendation.GoalArea;
import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;
import org.iepservices.schedule.solver.ScheduleProblem.Mandate;
import org.iepservices.schedule.solver.ScheduleProblem.Student;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Small facts and sessions for constraint and scheduler tests. */
final class Fixtures {

    static final UUID SCHOOL_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID SCHOOL_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID CLASS_1 = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID CLASS_2 = UUID.fromString("00000000-0000-0000-0000-0000000000c2");

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    static int minute(String time) {
        return LocalTime.parse(time).toSecondOfDay() / 60;
    }

    static Student student(UUID school, UUID classId, String grade, GoalArea... areas) {
        return new Student(UUID.randomUUID(), "student " + SEQ.incrementAndGet(), school, classId, grade, Set.of(areas));
    }

    static Mandate individual(Student student, int minutes, int pushIn, int pullOut) {
        return new Mandate(UUID.randomUUID(), student.studentId(), "SPEECH", minutes, pushIn, pullOut, false, 1,
                Set.of(), Set.of());
    }

    static Mandate group(Student student, int minutes, int pushIn, int pullOut, int maxGroupSize) {
        return new Mandate(UUID.randomUUID(), student.studentId(), "SPEECH", minutes, pushIn, pullOut, true,
                maxGroupSize, Set.of(), Set.of());
    }

    static Mandate withNotDuring(Mandate m, ActivitySubject... subjects) {
        return new Mandate(m.mandateId(), m.studentId(), m.serviceType(), m.minutesPerSession(),
                m.pushInSessionsPerWeek(), m.pullOutSessionsPerWeek(), m.group(), m.maxGroupSize(), Set.of(subjects),
                m.preferredSubjects());
    }

    static Mandate withPreferred(Mandate m, ActivitySubject... subjects) {
        return new Mandate(m.mandateId(), m.studentId(), m.serviceType(), m.minutesPerSession(),
                m.pushInSessionsPerWeek(), m.pullOutSessionsPerWeek(), m.group(), m.maxGroupSize(),
                m.notDuringSubjects(), Set.of(subjects));
    }

    static ActivityBlock block(UUID classId, DayOfWeek day, String start, String end, ActivitySubject subject,
                               boolean core, Structure structure, PushInOpenness openness) {
        return new ActivityBlock(UUID.randomUUID(), classId, day, LocalTime.parse(start), LocalTime.parse(end),
                subject, core, structure, openness);
    }

    static ActivityBlock block(UUID classId, DayOfWeek day, String start, String end, ActivitySubject subject) {
        boolean core = subject == ActivitySubject.ELA_READING || subject == ActivitySubject.WRITING
                || subject == ActivitySubject.MATH;
        return block(classId, day, start, end, subject, core, Structure.HIGH, PushInOpenness.OPEN);
    }

    static ServiceSession pullOut(Student student, Mandate mandate, DayOfWeek day, String start,
                                  ActivityBlock... classBlocks) {
        ServiceSession s = new ServiceSession("s" + SEQ.incrementAndGet(), student, mandate, ServiceSetting.PULL_OUT,
                mandate.minutesPerSession(), List.of(classBlocks), List.of());
        s.setPlacement(new Placement(day, minute(start), null));
        return s;
    }

    static ServiceSession pushIn(Student student, Mandate mandate, DayOfWeek day, String start, ActivityBlock block) {
        ServiceSession s = new ServiceSession("s" + SEQ.incrementAndGet(), student, mandate, ServiceSetting.PUSH_IN,
                mandate.minutesPerSession(), List.of(block), List.of());
        s.setPlacement(new Placement(day, minute(start), block));
        return s;
    }

    static ServiceSession unplaced(Student student, Mandate mandate, ServiceSetting setting) {
        return new ServiceSession("s" + SEQ.incrementAndGet(), student, mandate, setting, mandate.minutesPerSession(),
                List.of(), List.of());
    }

    static ServiceSession otherProvider(Student student, DayOfWeek day, String start, int minutes) {
        return ServiceSession.ofOtherProvider("o" + SEQ.incrementAndGet(), student.studentId(), student.schoolId(),
                ServiceSetting.PULL_OUT, minutes, new Placement(day, minute(start), null));
    }
}
