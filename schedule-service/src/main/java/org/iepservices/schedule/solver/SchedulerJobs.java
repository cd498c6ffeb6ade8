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
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scheduler jobs: submit a problem and get a job id back at once, read its status and best score
 * while Timefold works, fetch the best week found so far, cancel, and remember which proposed
 * sessions were accepted as series. Solving runs on the SolverManager's threads (termination from
 * {@code quarkus.timefold.solver.termination.*}).
 *
 * <p>Jobs live in memory only (the last {@link #KEPT_JOBS} are kept; a restart forgets them): a week
 * is re-planned in seconds, and what a provider accepts is stored as recurring series, not as jobs.
 */
@ApplicationScoped
public class SchedulerJobs {

    static final int KEPT_JOBS = 50;

    public enum State { QUEUED, SOLVING, DONE, CANCELLED, FAILED }

    /**
     * What a client polls: the state, the best score so far and how many mandated minutes it places;
     * for a job built from the database also the provider, school and week it plans and notes on how
     * the caseload was read (students left out, monthly mandates converted); the sessions accepted.
     */
    public record JobStatus(UUID jobId, State state, String score, boolean feasible, int placedMinutes,
                            int mandatedMinutes, Instant submittedAt, Instant finishedAt, String error,
                            UUID providerId, UUID schoolId, LocalDate weekOf, List<String> notes,
                            int acceptedSessions) {
    }

    /**
     * Where a job's problem came from: a provider's caseload in the week starting {@code weekOf}
     * (built from the database), or the facts in the request body ({@code weekOf} null).
     */
    public record JobOrigin(UUID schoolId, LocalDate weekOf, List<String> notes) {
        public static final JobOrigin FACTS_IN_BODY = new JobOrigin(null, null, List.of());

        public JobOrigin {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
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
        return submit(problem, JobOrigin.FACTS_IN_BODY);
    }

    public JobStatus submit(ScheduleProblem problem, JobOrigin origin) {
        List<Problem.Violation> violations = problem.violations().stream()
                .map(v -> new Problem.Violation(v[0], v[1])).toList();
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The schedule problem cannot be planned", violations);
        }
        ServiceSchedule schedule = ScheduleBuilder.build(problem);
        solutionManager.update(schedule); // score the starting point before the solver threads see it
        Job job = new Job(UUID.randomUUID(), schedule, problem, origin);
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
                metrics.mandatedMinutes(), job.submittedAt, job.finishedAt, job.error, job.problem.providerId(),
                job.origin.schoolId(), job.origin.weekOf(), job.origin.notes(), job.accepted.size());
    }

    public ScheduleProblem problem(UUID jobId) {
        return job(jobId).problem;
    }

    public JobOrigin origin(UUID jobId) {
        return job(jobId).origin;
    }

    /** Sessions of the job's result already accepted, with the series each became. */
    public Map<UUID, UUID> accepted(UUID jobId) {
        return Map.copyOf(job(jobId).accepted);
    }

    public void recordAccepted(UUID jobId, UUID sessionId, UUID seriesId) {
        job(jobId).accepted.put(sessionId, seriesId);
    }

    /** Held while a job's sessions are being accepted, so two accepts of one job never both create a series. */
    public Object acceptanceLock(UUID jobId) {
        return job(jobId).acceptance;
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
            throw unknown(jobId);
        }
        return job;
    }

    /** The 404 for a job that is not kept (or, to a caller it does not concern, not shown). */
    public static ProblemException unknown(UUID jobId) {
        return new ProblemException(ProblemType.NOT_FOUND, "Scheduler job " + jobId + " does not exist: jobs "
                + "are kept in memory (the last " + KEPT_JOBS + ", until the service restarts); submit the week "
                + "again");
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
        final ScheduleProblem problem;
        final JobOrigin origin;
        final Map<UUID, UUID> accepted = new ConcurrentHashMap<>();
        final Object acceptance = new Object();
        final Instant submittedAt = Instant.now();
        volatile ServiceSchedule best;
        volatile Instant finishedAt;
        volatile boolean cancelled;
        volatile String error;

        Job(UUID id, ServiceSchedule initial, ScheduleProblem problem, JobOrigin origin) {
            this.id = id;
            this.best = initial;
            this.problem = problem;
            this.origin = origin;
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
