package org.iepservices.schedule.domain.caseload;

import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.ClassFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.GoalFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.SeriesFacts;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.StudentFacts;
import org.iepservices.schedule.domain.conflict.Severity;
import org.iepservices.schedule.domain.scheduling.ClassBlock;
import org.iepservices.schedule.domain.scheduling.MandateTerms;
import org.iepservices.schedule.domain.scheduling.ProviderWindow;
import org.iepservices.schedule.recommendation.GoalArea;
import org.iepservices.schedule.recommendation.RegulationSupport;
import org.iepservices.schedule.recommendation.SettingMixRequest;
import org.iepservices.schedule.recommendation.SettingMixRequest.CandidateBlock;
import org.iepservices.schedule.recommendation.SettingMixRequest.IepGoal;
import org.iepservices.schedule.recommendation.SkillStage;
import org.iepservices.schedule.solver.ScheduleProblem;
import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.FixedSession;
import org.iepservices.schedule.solver.ScheduleProblem.TravelTime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where the service's copies (caseload snapshot, mandate terms, goals, service
 * profile, class blocks) become the inputs of the push-in/pull-out recommender and of the
 * automatic scheduler. Stored values arrive as text from iep.events (goal area, skill stage,
 * regulation support, constraint subjects) and are read leniently here; class structure and
 * teacher openness are the same enums ({@code domain.activity.Structure}, {@code PushInOpenness})
 * on every side. Plain Java, no database.
 */
public final class SnapshotMapper {

    /** Start times of planned sessions lie on this grid (minutes). */
    static final int GRID_MINUTES = 5;

    private SnapshotMapper() {
    }

    /** A schedule problem and what a provider should know about how it was built (left out, converted). */
    public record PlannedProblem(ScheduleProblem problem, List<String> notes) {
    }

    // ---------------------------------------------------------------- values

    public static GoalArea goalArea(String area) {
        return GoalArea.parse(area);
    }

    public static SkillStage skillStage(String stage) {
        return SkillStage.parse(stage);
    }

    /** NONE, SOME or HIGH; MODERATE or MEDIUM read as SOME; blank or unknown as NONE. */
    public static RegulationSupport regulationSupport(String value) {
        if (value == null || value.isBlank()) {
            return RegulationSupport.NONE;
        }
        String key = value.trim().toUpperCase(Locale.ROOT);
        return switch (key) {
            case "HIGH" -> RegulationSupport.HIGH;
            case "SOME", "MODERATE", "MEDIUM" -> RegulationSupport.SOME;
            default -> RegulationSupport.NONE;
        };
    }

    /** Subject names (mandate constraints) as ActivitySubjects; names that are none are skipped. */
    public static Set<ActivitySubject> subjects(Set<String> names) {
        Set<ActivitySubject> subjects = EnumSet.noneOf(ActivitySubject.class);
        for (String name : names) {
            try {
                subjects.add(ActivitySubject.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                // a subject the class schedules never use cannot clash with a block
            }
        }
        return subjects;
    }

    public static IepGoal goal(GoalFacts goal) {
        return new IepGoal(goalArea(goal.area()), skillStage(goal.skillStage()), goal.description(),
                goal.serviceType());
    }

    public static CandidateBlock candidateBlock(ClassBlock block) {
        return new CandidateBlock(block.blockId(), block.day(), block.time().start(), block.time().end(),
                block.subject(), block.core(), block.structure(), block.openness());
    }

    public static ScheduleProblem.ActivityBlock activityBlock(ClassBlock block) {
        return new ScheduleProblem.ActivityBlock(block.blockId(), block.classId(), block.day(), block.time().start(),
                block.time().end(), block.subject(), block.core(), block.structure(), block.openness());
    }

    // ---------------------------------------------------------------- recommendation

    /**
     * The recommender's input for one mandate: its terms and current split, the goals of its IEP
     * version, the service profile and the activity blocks of the student's classes.
     */
    public static SettingMixRequest settingMix(MandateTerms mandate, List<GoalFacts> goals, String regulationSupport,
                                               boolean needsQuietSetting, List<ClassBlock> blocks) {
        return new SettingMixRequest(
                new SettingMixRequest.MandateTerms(mandate.serviceType(), mandate.sessionsPerInterval(),
                        mandate.minutesPerSession(), mandate.interval().name(), mandate.pushInSessions(),
                        mandate.pullOutSessions()),
                goals.stream().map(SnapshotMapper::goal).toList(),
                new SettingMixRequest.ServiceProfile(regulationSupport(regulationSupport), needsQuietSetting),
                blocks.stream().sorted(Comparator.comparing(ClassBlock::day)
                                .thenComparing(b -> b.time().start()).thenComparing(b -> b.blockId().toString()))
                        .map(SnapshotMapper::candidateBlock).toList());
    }

    // ---------------------------------------------------------------- scheduler

    /**
     * One provider's week to plan from their caseload snapshot:
     * <ul>
     * <li>students with a known school (optionally only {@code schoolId}'s); the class with the most
     * activity blocks at their school is the main class, the others are kept too;</li>
     * <li>the mandates assigned to this provider (or served by their series without a named provider),
     * sessions per week by setting from {@link MandateTerms#weeklySessionsNeeded} (monthly and IEP-term
     * frequencies rounded up to whole weekly sessions), NOT_DURING / PREFER subjects, group or
     * individual delivery;</li>
     * <li>the activity blocks of the students' classes, the provider's availability, travel times
     * between every two schools involved (unknown pairs at the district default), the daily maximum
     * and the district's core-instruction policy;</li>
     * <li>existing series as fixed sessions: the provider's own count toward the mandate they serve
     * (or the one continuing it after an amendment) and always take the provider's time; other
     * providers' keep the caseload's students busy.</li>
     * </ul>
     */
    public static PlannedProblem scheduleProblem(CaseloadSnapshot snapshot, UUID schoolId) {
        UUID providerId = snapshot.providerId();
        List<String> notes = new ArrayList<>();
        List<ScheduleProblem.Student> students = new ArrayList<>();
        List<ScheduleProblem.Mandate> mandates = new ArrayList<>();
        Map<UUID, ScheduleProblem.ActivityBlock> blocks = new LinkedHashMap<>();
        Map<UUID, UUID> continuedBy = new HashMap<>();
        Set<UUID> caseload = new LinkedHashSet<>();
        Set<UUID> schools = new LinkedHashSet<>();

        for (StudentFacts s : snapshot.students()) {
            String who = label(s);
            if (s.schoolId() == null) {
                if (schoolId == null) {
                    // planning one school: a student of unknown school is not (yet) known to be one of its own
                    notes.add(who + ": school not known yet (StudentUpserted not received), left out");
                }
                continue;
            }
            // students of other schools stay in the problem (the builder leaves them out) without notes
            List<String> studentNotes = schoolId == null || schoolId.equals(s.schoolId()) ? notes : new ArrayList<>();
            caseload.add(s.studentId());
            schools.add(s.schoolId());
            List<ClassFacts> classes = s.classes().stream()
                    .sorted(Comparator.comparing((ClassFacts c) -> c.schoolId() != null
                                    && !c.schoolId().equals(s.schoolId()))
                            .thenComparing(c -> -c.blocks().size())
                            .thenComparing(c -> String.valueOf(c.title()))
                            .thenComparing(c -> c.classId().toString()))
                    .toList();
            classes.forEach(c -> c.blocks().forEach(b -> blocks.putIfAbsent(b.blockId(), activityBlock(b))));
            if (classes.stream().allMatch(c -> c.blocks().isEmpty())) {
                studentNotes.add(who + ": " + (classes.isEmpty() ? "in no class" : "no activity blocks in their class")
                        + " yet, so no push-in can be planned and pull-outs cannot avoid core instruction");
            }
            Set<GoalArea> areas = s.goals().stream().map(g -> goalArea(g.area()))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(GoalArea.class)));
            students.add(new ScheduleProblem.Student(s.studentId(), s.name(), s.schoolId(),
                    classes.isEmpty() ? null : classes.get(0).classId(), s.grade(), areas,
                    classes.stream().skip(1).map(ClassFacts::classId).toList()));

            for (MandateTerms m : s.mandates()) {
                if (m.providerId() != null && !m.providerId().equals(providerId)) {
                    studentNotes.add(who + ": " + m.serviceType() + " mandate " + m.mandateId()
                            + " is assigned to another provider; only its existing series are kept");
                    continue;
                }
                if (m.minutesPerSession() < 5 || m.minutesPerSession() > 240) {
                    studentNotes.add(who + ": " + m.serviceType() + " mandate " + m.mandateId() + " has "
                            + m.minutesPerSession() + "-minute sessions; the scheduler plans 5 to 240, left out");
                    continue;
                }
                int pushIn = m.weeklySessionsNeeded(ServiceSetting.PUSH_IN);
                int pullOut = m.weeklySessionsNeeded(ServiceSetting.PULL_OUT);
                if (pushIn + pullOut == 0) {
                    continue;
                }
                if (m.interval() != MandateTerms.Interval.WEEK) {
                    studentNotes.add(who + ": " + m.serviceType() + " " + m.pushInSessions() + " push-in + "
                            + m.pullOutSessions() + " pull-out per " + m.interval() + " planned as " + pushIn
                            + " + " + pullOut + " a week (weekly series, rounded up so no minute is short)");
                }
                if (m.continuesMandateId() != null) {
                    continuedBy.put(m.continuesMandateId(), m.mandateId());
                }
                mandates.add(new ScheduleProblem.Mandate(m.mandateId(), s.studentId(), m.serviceType(),
                        m.minutesPerSession(), pushIn, pullOut, !m.individual(),
                        m.individual() ? Integer.valueOf(1) : m.maxGroupSize() > 0 ? m.maxGroupSize() : null,
                        subjects(m.excludedSubjects()), subjects(m.preferredSubjects())));
            }
        }
        Set<UUID> planned = mandates.stream().map(ScheduleProblem.Mandate::mandateId).collect(Collectors.toSet());

        List<FixedSession> fixed = new ArrayList<>();
        for (SeriesFacts f : snapshot.series()) {
            int minutes = f.time().minutes();
            boolean own = providerId.equals(f.providerId());
            if (own) {
                schools.add(f.schoolId());
                // one per student, so each counts toward their own mandate
                f.students().forEach((student, mandate) -> fixed.add(new FixedSession(f.seriesId(), providerId,
                        planned.contains(mandate) ? mandate : continuedBy.get(mandate), List.of(student),
                        f.setting(), f.schoolId(), f.day(), f.time().start(), minutes, f.activityBlockId())));
            } else {
                List<UUID> ours = f.students().keySet().stream().filter(caseload::contains).toList();
                if (!ours.isEmpty()) {
                    fixed.add(new FixedSession(f.seriesId(), f.providerId(), null, ours, f.setting(), f.schoolId(),
                            f.day(), f.time().start(), minutes, f.activityBlockId()));
                }
            }
        }

        List<AvailabilityWindow> availability = snapshot.provider().availability().stream()
                .sorted(Comparator.comparing(ProviderWindow::day).thenComparing(w -> w.time().start()))
                .map(w -> new AvailabilityWindow(w.schoolId(), w.day(), w.time().start(), w.time().end()))
                .toList();
        availability.forEach(w -> schools.add(w.schoolId()));
        if (availability.isEmpty()) {
            notes.add("the provider has no availability windows, so nothing can be placed");
        }
        List<UUID> schoolList = schools.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing(UUID::toString)).toList();
        List<TravelTime> travel = new ArrayList<>();
        for (int i = 0; i < schoolList.size(); i++) {
            for (int j = i + 1; j < schoolList.size(); j++) {
                int trip = snapshot.provider().travel().between(schoolList.get(i), schoolList.get(j));
                if (trip > 0) {
                    travel.add(new TravelTime(schoolList.get(i), schoolList.get(j), trip));
                }
            }
        }
        boolean coreProtected = snapshot.policy() != null && snapshot.policy().pullOutDuringCore() == Severity.HARD;
        ScheduleProblem problem = new ScheduleProblem(providerId, schoolId, GRID_MINUTES, students, mandates,
                List.copyOf(blocks.values()), availability, travel, fixed, snapshot.provider().maxSessionsPerDay(),
                coreProtected);
        return new PlannedProblem(problem, List.copyOf(notes));
    }

    private static String label(StudentFacts s) {
        return "student " + (s.name() != null ? s.name() + " (" + s.studentId() + ")" : s.studentId());
    }
}
