package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.api.solver.SolverStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scheduler jobs: submit a problem and get a job id back at once, read its status and best score
 * while Timefold works, fetch the best week found so far, cancel. Solving runs on the SolverManager's
 * threads (termination from {@code quarkus.timefold.solver.termination.*}).
 *
 * <p>Jobs live in memory (the last {@link #KEPT_JOBS} are kept): a week is re-planned in seconds,
 * and phase 2 stores what is accepted as recurring series, not the jobs.
 */
@ApplicationScoped
public class SchedulerJobs {

    static final int KEPT_JOBS = 50;

    public enum State { QUEUED, SOLVING, DONE, CANCELLED, FAILED }

    /** What a client polls: the state, the best score so far and how many mandated minutes it places. */
    public record JobStatus(UUID jobId, State state, String score, boolean feasible, int placedMinutes,
                            int mandatedMinutes, Instant submittedAt, Instant finishedAt, String error) {
    }

    private final SolverManager<ServiceSchedule, UUID> solverManager;
    private final SolutionManager<ServiceSchedule, HardMediumSoftScore> solutionManager;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

    SchedulerJobs(SolverManager<ServiceSchedule, UUID> solverManager,
                  SolutionManager<ServiceSchedule, HardMediumSoftScore> solutionManager) {
        this.solverManager = solverManager;
        this.solutionManager = solutionManager;
    }

    /** Checks the problem (422 listing every bad field), builds the planning solution and starts solving. */
    public JobStatus submit(ScheduleProblem problem) {
        List<Problem.Violation> violations = problem.violations().stream()
                .map(v -> new Problem.Violation(v[0], v[1])).toList();
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The schedule problem cannot be planned", violations);
        }
        ServiceSchedule schedule = ScheduleBuilder.build(problem);
        solutionManager.update(schedule); // score the starting point before the solver threads see it
        Job job = new Job(UUID.randomUUID(), schedule);
        forgetOldJobs();
        jobs.put(job.id, job);
        solverManager.solveBuilder()
                .withProblemId(job.id)
                .withProblem(schedule)
                .withBestSolutionConsumer(job::improved)
                .withFinalBestSolutionConsumer(job::finished)
                .withExceptionHandler((id, error) -> job.failed(error))
                .run();
        return status(job.id);
    }

    /** Every kept job, newest first. */
    public List<JobStatus> list() {
        return jobs.values().stream().sorted(Comparator.comparing((Job j) -> j.submittedAt).reversed())
                .map(j -> status(j.id)).toList();
    }

    public JobStatus status(UUID jobId) {
        Job job = job(jobId);
        ServiceSchedule best = job.best;
        HardMediumSoftScore score = best.getScore();
        ScheduleMetrics metrics = ScheduleMetrics.of(best, 0);
        return new JobStatus(job.id, state(job), score.toString(), score.isFeasible(), metrics.placedMinutes(),
                metrics.mandatedMinutes(), job.submittedAt, job.finishedAt, job.error);
    }

    /** The best week found so far (the final one once the job is DONE or CANCELLED). */
    public ScheduleResult result(UUID jobId) {
        Job job = job(jobId);
        ServiceSchedule best = job.best;
        synchronized (best) { // analysis recomputes the score on the solution itself
            return ScheduleResult.of(best, solutionManager.analyze(best));
        }
    }

    /** Stops solving; the best week found so far stays the result. Cancelling a finished job changes nothing. */
    public JobStatus cancel(UUID jobId) {
        Job job = job(jobId);
        if (job.finishedAt == null) {
            job.cancelled = true;
            solverManager.terminateEarly(jobId);
        }
        return status(jobId);
    }

    private State state(Job job) {
        if (job.error != null) {
            return State.FAILED;
        }
        if (job.finishedAt != null) {
            return job.cancelled ? State.CANCELLED : State.DONE;
        }
        SolverStatus status = solverManager.getSolverStatus(job.id);
        return status == SolverStatus.SOLVING_SCHEDULED ? State.QUEUED : State.SOLVING;
    }

    private Job job(UUID jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw ProblemException.notFound("Scheduler job", jobId);
        }
        return job;
    }

    private void forgetOldJobs() {
        if (jobs.size() < KEPT_JOBS) {
            return;
        }
        jobs.values().stream().filter(j -> j.finishedAt != null)
                .sorted(Comparator.comparing((Job j) -> j.submittedAt))
                .limit(jobs.size() - KEPT_JOBS + 1L)
                .forEach(j -> jobs.remove(j.id));
    }

    private static final class Job {
        final UUID id;
        final Instant submittedAt = Instant.now();
        volatile ServiceSchedule best;
        volatile Instant finishedAt;
        volatile boolean cancelled;
        volatile String error;

        Job(UUID id, ServiceSchedule initial) {
            this.id = id;
            this.best = initial;
        }

        void improved(ServiceSchedule solution) {
            best = solution;
        }

        void finished(ServiceSchedule solution) {
            best = solution;
            finishedAt = Instant.now();
        }

        void failed(Throwable t) {
            error = t.getClass().getSimpleName() + ": " + t.getMessage();
            finishedAt = Instant.now();
        }
    }
}
