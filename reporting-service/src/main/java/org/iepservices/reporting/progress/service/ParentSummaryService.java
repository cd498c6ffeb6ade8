package org.iepservices.reporting.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.progress.domain.ParentSummary;
import org.iepservices.reporting.progress.domain.ParentSummaryWriter;
import org.iepservices.reporting.progress.projection.ProgressMiss;
import org.iepservices.reporting.progress.projection.ProgressSession;
import org.iepservices.reporting.progress.projection.ProgressStaff;
import org.iepservices.reporting.progress.projection.ProgressStudent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Gathers a student's facts for a period and has {@link ParentSummaryWriter} put them in words. */
@ApplicationScoped
public class ParentSummaryService {

    private final GoalProgressService goals;

    ParentSummaryService(GoalProgressService goals) {
        this.goals = goals;
    }

    public ParentSummary summary(UUID studentId, LocalDate from, LocalDate to) {
        ProgressStudent student = ProgressStudent.findById(studentId);
        String name = student == null ? null
                : student.givenName != null && !student.givenName.isBlank() ? student.givenName.trim()
                : student.displayName();

        List<ParentSummaryWriter.SessionFact> sessions = ProgressSession.<ProgressSession>list(
                        "key.studentId = ?1 and completed = true and minutes > 0 and sessionDate between ?2 and ?3 "
                                + "order by sessionDate, startTime, key.sessionLogId", studentId, from, to)
                .stream()
                .map(s -> new ParentSummaryWriter.SessionFact(s.key.sessionLogId(), s.sessionDate, s.setting,
                        s.minutes, s.makeupMinutes, s.serviceType, providerName(s.providerId), s.progressNote))
                .toList();
        List<ParentSummaryWriter.MissFact> misses = ProgressMiss.<ProgressMiss>list(
                        "studentId = ?1 and sessionDate between ?2 and ?3 order by sessionDate, missId",
                        studentId, from, to)
                .stream()
                .map(m -> new ParentSummaryWriter.MissFact(m.missId, m.sessionDate, m.setting,
                        m.minutes == null ? 0 : m.minutes, m.reason, m.verdict()))
                .toList();
        // Goals of the IEP in force at the end of the period, and any other goal worked on in it.
        List<ParentSummaryWriter.GoalFact> goalFacts = goals.goals(studentId, to).stream()
                .filter(g -> g.inCurrentIep() || !g.pointsBetween(from, to).isEmpty())
                .map(g -> new ParentSummaryWriter.GoalFact(g.goalId(), g.iep() == null ? null : g.iep().iepId,
                        g.known() ? g.wording().description : null, g.known() ? g.wording().area : null,
                        g.known() ? g.wording().target : null, g.targetPercent(), g.iepEndDate(),
                        g.pointsBetween(from, to), g.evaluation()))
                .toList();
        return new ParentSummaryWriter(goals.rules()).write(new ParentSummaryWriter.Facts(studentId, name, from, to,
                sessions, misses, goalFacts));
    }

    private static String providerName(UUID providerId) {
        if (providerId == null) {
            return null;
        }
        ProgressStaff staff = ProgressStaff.findById(providerId);
        return staff == null ? null : staff.displayName();
    }
}
