package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.config.DistrictClock;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot.GoalFacts;
import org.iepservices.schedule.domain.caseload.SnapshotMapper;
import org.iepservices.schedule.domain.iep.Goal;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.iep.ServiceProfile;
import org.iepservices.schedule.domain.roster.Student;
import org.iepservices.schedule.domain.scheduling.ClassBlock;
import org.iepservices.schedule.recommendation.SettingMixRequest;
import org.iepservices.schedule.recommendation.SettingRecommendation;
import org.iepservices.schedule.recommendation.SettingRecommender;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The push-in / pull-out recommendation for one of a student's mandates, from the service's copies:
 * the mandate and its current split, the goals of its IEP version, the service profile, and the
 * activity blocks of the classes the student is enrolled in on the day asked about.
 *
 * <p>A student in no class, or whose classes have no activity blocks yet, gets 422 rather than an
 * "all pull-out" answer: without blocks the recommender would veto push-in for lack of data, not
 * because the classroom has nothing to push into, and a provider could read that as evidence to
 * change the IEP's split. The 422 names the classes whose blocks are missing.
 */
@ApplicationScoped
public class SettingRecommendationService {

    private final RosterQuery roster;
    private final DistrictClock clock;
    private final SettingRecommender recommender = new SettingRecommender();

    SettingRecommendationService(RosterQuery roster, DistrictClock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    /** A class whose blocks were looked at. */
    public record ClassUsed(UUID classId, String title, int activityBlocks) {
    }

    /**
     * The recommendation with what it was built from: {@code input} is exactly what
     * {@code POST /api/v1/recommendations/setting-mix} would take, so the answer can be replayed.
     */
    public record MandateRecommendation(UUID studentId, UUID mandateId, LocalDate on, List<ClassUsed> classes,
                                        SettingMixRequest input, SettingRecommendation recommendation) {
    }

    public MandateRecommendation recommend(UUID studentId, UUID mandateId, LocalDate on) {
        Student.<Student>findByIdOptional(studentId).orElseThrow(() -> ProblemException.notFound("Student",
                studentId + " (schedule-service knows students from roster.events)"));
        Mandate mandate = Mandate.<Mandate>findByIdOptional(mandateId)
                .filter(m -> m.studentId.equals(studentId))
                .orElseThrow(() -> ProblemException.notFound("Mandate", mandateId + " of student " + studentId));
        LocalDate day = on != null ? on : dayInForce(mandate, clock.today());

        List<Violation> violations = new ArrayList<>();
        if (mandate.sessionsPerInterval < 1 || mandate.minutesPerSession < 1) {
            violations.add(new Violation("mandateId", "the mandate has no sessions to split ("
                    + mandate.sessionsPerInterval + " x " + mandate.minutesPerSession + " min)"));
        } else if (mandate.pushInSessions < 0 || mandate.pullOutSessions < 0
                || mandate.pushInSessions + mandate.pullOutSessions != mandate.sessionsPerInterval) {
            violations.add(new Violation("mandateId", "its split (" + mandate.pushInSessions + " push-in + "
                    + mandate.pullOutSessions + " pull-out) does not add up to its " + mandate.sessionsPerInterval
                    + " sessions per " + mandate.interval));
        }
        Set<UUID> classIds = roster.classesOfStudent(studentId, day, day);
        Map<UUID, List<ClassBlock>> blocks = roster.blocksOf(classIds);
        Map<UUID, String> titles = roster.names(classIds);
        List<ClassUsed> classes = classIds.stream()
                .map(id -> new ClassUsed(id, titles.get(id), blocks.getOrDefault(id, List.of()).size()))
                .sorted(Comparator.comparing((ClassUsed c) -> String.valueOf(c.title())).thenComparing(
                        c -> c.classId().toString()))
                .toList();
        if (classes.isEmpty()) {
            violations.add(new Violation("studentId", "the student is in no class on " + day
                    + " (no enrollment received from roster.events), so there is no classroom to judge push-in by"));
        } else if (classes.stream().allMatch(c -> c.activityBlocks() == 0)) {
            for (ClassUsed c : classes) {
                violations.add(new Violation("studentId", "class " + (c.title() == null ? c.classId()
                        : c.title() + " (" + c.classId() + ")") + " has no activity blocks yet: enter what the class does when with POST "
                        + "/api/v1/classes/" + c.classId() + "/activity-blocks"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "No recommendation for mandate " + mandateId
                    + " on " + day + ": " + violations.get(0).message(), violations);
        }

        List<GoalFacts> goals = Goal.<Goal>list("iepId = ?1 order by area, id", mandate.iepId).stream()
                .map(g -> new GoalFacts(g.id, g.iepId, g.area, g.description, g.skillStage, g.serviceType))
                .toList();
        ServiceProfile profile = ServiceProfile.findById(studentId);
        List<ClassBlock> classBlocks = blocks.values().stream().flatMap(List::stream).toList();
        SettingMixRequest input = SnapshotMapper.settingMix(mandate.terms(), goals,
                profile == null ? null : profile.regulationSupport, profile != null && profile.needsQuietSetting,
                classBlocks);
        return new MandateRecommendation(studentId, mandateId, day, classes, input, recommender.recommend(input));
    }

    /** Today when the mandate is in force then, else its first (or last) day. */
    static LocalDate dayInForce(Mandate mandate, LocalDate today) {
        if (today.isBefore(mandate.startDate)) {
            return mandate.startDate;
        }
        if (mandate.effectiveEnd != null && today.isAfter(mandate.effectiveEnd)
                && !mandate.effectiveEnd.isBefore(mandate.startDate)) {
            return mandate.effectiveEnd;
        }
        return today;
    }
}
