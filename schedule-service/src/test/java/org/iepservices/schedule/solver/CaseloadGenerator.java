package org.iepservices.schedule.solver;

import org.iepservices.events.ActivitySubject;
import org.iepservices.schedule.domain.activity.PushInOpenness;
import org.iepservices.schedule.domain.activity.Structure;
import org.iepservices.schedule.recommendation.GoalArea;
import org.iepservices.schedule.solver.ScheduleProblem.ActivityBlock;
import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.Mandate;
import org.iepservices.schedule.solver.ScheduleProblem.Student;
import org.iepservices.schedule.solver.ScheduleProblem.TravelTime;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.iepservices.events.ActivitySubject.*;

/**
 * A seeded, realistic SLP caseload: schools with four classes each, a school day of morning meeting,
 * ELA, centers, lunch, recess, math, writing, science and specials (times shifted per class,
 * structure and teacher openness varied, some core blocks protected), an itinerant week across the
 * schools with tight hand-overs, and mandates in the mixes the domain brief names (2x30 split
 * 1+1, 2x30 pull-out, 1x30 push-in, 2x20 push-in, 3x20 pull-out), most of them allowing groups.
 */
public final class CaseloadGenerator {

    private CaseloadGenerator() {
    }

    public static ScheduleProblem generate(long seed, int schools, int studentsPerSchool) {
        Random random = new Random(seed);
        UUID provider = new UUID(seed, 1);
        List<UUID> schoolIds = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            schoolIds.add(new UUID(seed, 100 + i));
        }
        List<Student> students = new ArrayList<>();
        List<Mandate> mandates = new ArrayList<>();
        List<ActivityBlock> blocks = new ArrayList<>();
        String[] grades = {"K", "1", "2", "3", "4", "5"};
        int classesPerSchool = 4;
        for (int s = 0; s < schools; s++) {
            List<UUID> classes = new ArrayList<>();
            List<String> classGrades = new ArrayList<>();
            for (int c = 0; c < classesPerSchool; c++) {
                UUID classId = new UUID(seed, 1000 + s * 10L + c);
                classes.add(classId);
                classGrades.add(grades[(c + s) % grades.length]);
                blocks.addAll(classWeek(classId, c * 10, random));
            }
            for (int i = 0; i < studentsPerSchool; i++) {
                int c = i % classesPerSchool;
                Student student = new Student(new UUID(seed, 10_000 + s * 1000L + i), "S" + s + "-" + i,
                        schoolIds.get(s), classes.get(c), classGrades.get(c), goals(random));
                students.add(student);
                mandates.add(mandate(student, new UUID(seed, 50_000 + s * 1000L + i), random));
            }
        }
        return new ScheduleProblem(provider, null, 5, students, mandates, blocks, availability(schoolIds),
                travel(schoolIds), List.of());
    }

    /** A class's week; {@code shift} moves the day by 0-30 minutes so classes differ. */
    private static List<ActivityBlock> classWeek(UUID classId, int shift, Random random) {
        List<ActivityBlock> week = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            int t = 8 * 60 + 30;
            t = add(week, classId, day, t, 20, MORNING_MEETING, false, random);
            t = add(week, classId, day, t, 80 + shift, ELA_READING, true, random);
            t = add(week, classId, day, t, 40, CENTERS, false, random);
            t = add(week, classId, day, t, 10, TRANSITION, false, random);
            t = add(week, classId, day, t, 30, LUNCH, false, random);
            t = add(week, classId, day, t, 20, RECESS, false, random);
            t = add(week, classId, day, t, 60, MATH, true, random);
            t = add(week, classId, day, t, 40, WRITING, true, random);
            t = add(week, classId, day, t, 45 - shift, day == DayOfWeek.FRIDAY ? SOCIAL_STUDIES : SCIENCE, false, random);
            add(week, classId, day, t, 40, SPECIALS, false, random);
        }
        return week;
    }

    private static int add(List<ActivityBlock> week, UUID classId, DayOfWeek day, int start, int minutes,
                           ActivitySubject subject, boolean core, Random random) {
        Structure structure = NON_INSTRUCTIONAL.contains(subject) ? Structure.LOW
                : pick(random, Structure.HIGH, Structure.HIGH, Structure.MODERATE, Structure.LOW);
        PushInOpenness openness = core && random.nextInt(4) == 0 ? PushInOpenness.NEVER
                : pick(random, PushInOpenness.WELCOMES, PushInOpenness.OPEN, PushInOpenness.OPEN,
                PushInOpenness.PREFERS_NOT);
        week.add(new ActivityBlock(UUID.nameUUIDFromBytes((classId + day.name() + subject).getBytes()), classId, day,
                LocalTime.ofSecondOfDay(start * 60L), LocalTime.ofSecondOfDay((start + minutes) * 60L), subject, core,
                structure, openness));
        return start + minutes;
    }

    private static Set<GoalArea> goals(Random random) {
        GoalArea[] areas = {GoalArea.ARTICULATION, GoalArea.EXPRESSIVE_LANGUAGE, GoalArea.RECEPTIVE_LANGUAGE,
                GoalArea.PRAGMATICS, GoalArea.VOCABULARY, GoalArea.NARRATIVE, GoalArea.FLUENCY};
        Set<GoalArea> goals = EnumSet.noneOf(GoalArea.class);
        int count = 1 + random.nextInt(2);
        while (goals.size() < count) {
            goals.add(areas[random.nextInt(areas.length)]);
        }
        return goals;
    }

    private static Mandate mandate(Student student, UUID mandateId, Random random) {
        int kind = random.nextInt(20);
        boolean group = random.nextInt(10) < 7;
        int maxGroup = group ? 3 + random.nextInt(2) : 1;
        Set<ActivitySubject> notDuring = random.nextInt(5) == 0 ? Set.of(ELA_READING) : Set.of();
        if (kind < 8) {           // 40%: 2 x 30, 1 push-in + 1 pull-out
            return new Mandate(mandateId, student.studentId(), "SPEECH", 30, 1, 1, group, maxGroup, notDuring, Set.of());
        } else if (kind < 12) {   // 20%: 2 x 30 pull-out
            return new Mandate(mandateId, student.studentId(), "SPEECH", 30, 0, 2, group, maxGroup, notDuring, Set.of());
        } else if (kind < 15) {   // 15%: 1 x 30 push-in
            return new Mandate(mandateId, student.studentId(), "SPEECH", 30, 1, 0, group, maxGroup, notDuring, Set.of());
        } else if (kind < 17) {   // 10%: 2 x 20 push-in
            return new Mandate(mandateId, student.studentId(), "SPEECH", 20, 2, 0, group, maxGroup, notDuring, Set.of());
        }                         // 15%: 3 x 20 pull-out
        return new Mandate(mandateId, student.studentId(), "SPEECH", 20, 0, 3, group, maxGroup, notDuring, Set.of());
    }

    /**
     * An itinerant week: split days hand over from one school to the next with less slack than the
     * drive takes, so sessions near the hand-over must leave room for travel.
     */
    private static List<AvailabilityWindow> availability(List<UUID> schools) {
        List<AvailabilityWindow> windows = new ArrayList<>();
        if (schools.size() > 3) {
            // more schools: the ten half days go round the schools (morning 08:30-11:45, afternoon 12:00-15:30)
            int i = 0;
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                window(windows, schools.get(i++ % schools.size()), day, "08:30", "11:45");
                window(windows, schools.get(i++ % schools.size()), day, "12:00", "15:30");
            }
            return windows.stream().distinct().toList();
        }
        UUID a = schools.get(0);
        UUID b = schools.size() > 1 ? schools.get(1) : a;
        UUID c = schools.size() > 2 ? schools.get(2) : b;
        window(windows, a, DayOfWeek.MONDAY, "08:30", "11:45");
        window(windows, c, DayOfWeek.MONDAY, "12:00", "15:30");
        window(windows, b, DayOfWeek.TUESDAY, "08:30", "15:30");
        window(windows, a, DayOfWeek.WEDNESDAY, "08:30", "15:30");
        window(windows, b, DayOfWeek.THURSDAY, "08:30", "11:45");
        window(windows, c, DayOfWeek.THURSDAY, "12:00", "15:30");
        window(windows, c, DayOfWeek.FRIDAY, "08:30", "11:45");
        window(windows, a, DayOfWeek.FRIDAY, "12:00", "15:30");
        return windows.stream().distinct().toList();
    }

    private static void window(List<AvailabilityWindow> windows, UUID school, DayOfWeek day, String start, String end) {
        // with fewer than three schools the split days fall on one school: merge them into one window
        for (int i = 0; i < windows.size(); i++) {
            AvailabilityWindow w = windows.get(i);
            if (w.schoolId().equals(school) && w.day() == day) {
                windows.set(i, new AvailabilityWindow(school, day, w.start(), LocalTime.parse(end)));
                return;
            }
        }
        windows.add(new AvailabilityWindow(school, day, LocalTime.parse(start), LocalTime.parse(end)));
    }

    private static List<TravelTime> travel(List<UUID> schools) {
        List<TravelTime> travel = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            for (int j = i + 1; j < schools.size(); j++) {
                travel.add(new TravelTime(schools.get(i), schools.get(j), 15 + 5 * (i + j)));
            }
        }
        return travel;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
