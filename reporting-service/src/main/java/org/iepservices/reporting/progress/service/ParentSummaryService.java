package org.iepservices.reporting.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.iepservices.reporting.domain.DeliveredSession;
import org.iepservices.reporting.domain.MissedSession;
import org.iepservices.reporting.domain.Staff;
import org.iepservices.reporting.domain.Student;
import org.iepservices.reporting.progress.domain.FamilyWords;
import org.iepservices.reporting.progress.domain.ParentSummary;
import org.iepservices.reporting.progress.domain.ParentSummaryWriter;
import org.iepservices.reporting.progress.projection.ProgressSession;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Gathers a student's facts for a period and has {@link ParentSummaryWriter} put them in words:
 * sessions as credited (after addenda, with their makeups) with what the provider wrote, misses with
 * the verdict in force, and the goals.
 */
@ApplicationScoped
public class ParentSummaryService {

    private final EntityManager em;
    private final GoalProgressService goals;

    ParentSummaryService(EntityManager em, GoalProgressService goals) {
        this.em = em;
        this.goals = goals;
    }

    public ParentSummary summary(UUID studentId, LocalDate from, LocalDate to) {
        return summary(studentId, from, to, FamilyWords.ENGLISH);
    }

    /** The summary in the language of {@code words}: the same facts, the same sentences, other words. */
    public ParentSummary summary(UUID studentId, LocalDate from, LocalDate to, FamilyWords words) {
        Student student = Student.findById(studentId);
        String name = student == null ? null
                : student.givenName != null && !student.givenName.isBlank() ? student.givenName.trim()
                : student.displayName();

        List<ParentSummaryWriter.SessionFact> sessions = em.createQuery("select d, s from DeliveredSession d, "
                        + "ProgressSession s where s.key.sessionLogId = d.key.sessionLogId "
                        + "and s.key.studentId = d.key.studentId and d.key.studentId = :student and d.minutes > 0 "
                        + "and d.sessionDate between :from and :to "
                        + "order by d.sessionDate, s.startTime, d.key.sessionLogId", Object[].class)
                .setParameter("student", studentId).setParameter("from", from).setParameter("to", to)
                .getResultList().stream()
                .map(row -> {
                    DeliveredSession d = (DeliveredSession) row[0];
                    ProgressSession s = (ProgressSession) row[1];
                    return new ParentSummaryWriter.SessionFact(d.key.sessionLogId(), d.sessionDate, d.setting,
                            d.minutes, d.madeUpMinutes(), s.serviceType, providerName(d.providerId), s.progressNote);
                })
                .toList();
        List<ParentSummaryWriter.MissFact> misses = MissedSession.<MissedSession>list(
                        "studentId = ?1 and sessionDate between ?2 and ?3 order by sessionDate, missId",
                        studentId, from, to)
                .stream()
                .map(m -> new ParentSummaryWriter.MissFact(m.missId, m.sessionDate, m.setting, m.minutes, m.reason,
                        m.owed))
                .toList();
        // Goals of the IEP in force at the end of the period, and any other goal worked on in it.
        List<ParentSummaryWriter.GoalFact> goalFacts = goals.goals(studentId, to).stream()
                .filter(g -> g.inCurrentIep() || !g.pointsBetween(from, to).isEmpty())
                .map(g -> new ParentSummaryWriter.GoalFact(g.goalId(), g.iep() == null ? null : g.iep().iepId(),
                        g.known() ? g.wording().description : null, g.known() ? g.wording().area : null,
                        g.known() ? g.wording().target : null, g.targetPercent(), g.iepEndDate(),
                        g.pointsBetween(from, to), g.evaluation()))
                .toList();
        return new ParentSummaryWriter(goals.rules(), words).write(new ParentSummaryWriter.Facts(studentId, name, from, to,
                sessions, misses, goalFacts));
    }

    private static String providerName(UUID providerId) {
        if (providerId == null) {
            return null;
        }
        Staff staff = Staff.findById(providerId);
        return staff == null ? null : staff.displayName();
    }
}
