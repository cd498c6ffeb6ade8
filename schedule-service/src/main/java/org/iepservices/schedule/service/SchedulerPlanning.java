package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot;
import org.iepservices.schedule.domain.caseload.SnapshotMapper;
import org.iepservices.schedule.domain.caseload.SnapshotMapper.PlannedProblem;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.roster.Staff;
import org.iepservices.schedule.solver.ScheduleProblem;
import org.iepservices.schedule.solver.SchedulerJobs;
import org.iepservices.schedule.solver.SchedulerJobs.JobOrigin;
import org.iepservices.schedule.solver.SchedulerJobs.JobStatus;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Submits a scheduler job for a provider's real caseload: the week containing {@code weekOf} is
 * read from the database ({@link CaseloadQuery#snapshot}), turned into a schedule problem
 * ({@link SnapshotMapper#scheduleProblem}) and handed to the solver.
 */
@ApplicationScoped
public class SchedulerPlanning {

    private final CaseloadQuery caseload;
    private final ScheduleQuery schedule;
    private final SchedulerJobs jobs;

    SchedulerPlanning(CaseloadQuery caseload, ScheduleQuery schedule, SchedulerJobs jobs) {
        this.caseload = caseload;
        this.schedule = schedule;
        this.jobs = jobs;
    }

    /**
     * 404 for a provider nothing is known about (no staff copy, no availability, no mandates); 422
     * when there is nothing to plan (no mandate in force that week, at that school) or nowhere to
     * plan it (no availability).
     */
    public JobStatus submit(UUID providerId, UUID schoolId, LocalDate weekOf) {
        LocalDate weekStart = schedule.weekStart(weekOf);
        LocalDate weekEnd = weekStart.plusDays(6);
        CaseloadSnapshot snapshot = caseload.snapshot(providerId, weekStart, weekEnd, seriesHorizon(providerId,
                weekStart, weekEnd));
        if (Staff.findByIdOptional(providerId).isEmpty() && snapshot.students().isEmpty()
                && snapshot.provider().availability().isEmpty()) {
            throw ProblemException.notFound("Provider", providerId + " (no staff record from roster.events, no "
                    + "availability and no mandates name them)");
        }
        PlannedProblem planned = SnapshotMapper.scheduleProblem(snapshot, schoolId);
        ScheduleProblem problem = planned.problem();
        Set<UUID> inScope = problem.students().stream()
                .filter(s -> schoolId == null || schoolId.equals(s.schoolId()))
                .map(ScheduleProblem.Student::studentId).collect(Collectors.toSet());
        boolean somethingToPlan = problem.mandates().stream().anyMatch(m -> inScope.contains(m.studentId()));
        if (!somethingToPlan) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Nothing to plan: provider " + providerId
                    + " has no mandate in force in the week of " + weekStart
                    + (schoolId == null ? "" : " at school " + schoolId),
                    List.of(new Violation(schoolId == null ? "providerId" : "schoolId", "no mandate in force "
                            + weekStart + " to " + weekEnd + " is assigned to the provider"
                            + (schoolId == null ? "" : " for a student of that school")
                            + (planned.notes().isEmpty() ? "" : "; " + String.join("; ", planned.notes())))));
        }
        if (problem.availability().isEmpty()) {
            throw ProblemException.unprocessable("Provider " + providerId + " has no availability windows: enter "
                            + "them first with POST /api/v1/providers/" + providerId + "/availability",
                    new Violation("providerId", "has no availability windows"));
        }
        return jobs.submit(problem, new JobOrigin(schoolId, weekStart, planned.notes()));
    }

    /**
     * Series the proposals would run into later in the year take their slot too: the existing series
     * are read up to the latest end of the provider's mandates in force that week.
     */
    private static LocalDate seriesHorizon(UUID providerId, LocalDate weekStart, LocalDate weekEnd) {
        return Mandate.<Mandate>list("providerId", providerId).stream()
                .filter(m -> m.inForceDuring(weekStart, weekEnd))
                .map(m -> m.effectiveEnd).max(Comparator.naturalOrder()).orElse(weekEnd);
    }
}
