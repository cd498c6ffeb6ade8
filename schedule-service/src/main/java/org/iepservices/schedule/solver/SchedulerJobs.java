package org.iepservices.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.api.solver.SolverStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.config.ScheduleConfig;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Scheduler jobs: submit a problem and get a job id back at once, read its status and best score
 * while Timefold works, fetch the best week found, cancel, and remember which proposed sessions were
 * accepted as series. Solving runs on this JVM's SolverManager threads (termination from
 * {@code quarkus.timefold.solver.termination.*}).
 *
 * <p>Every job is a row of {@code scheduler_job}, so any replica answers for it: the pod that took
 * it (its owner) solves it, writes the final week when done and refreshes a heartbeat meanwhile; a
 * job whose heartbeat is older than the lease is marked FAILED by whichever replica notices (the
 * owner died). At most {@code schedule.scheduler.max-active-jobs} jobs are queued or solving at once
 * (503 with Retry-After beyond), and a provider has at most one (409 naming it; a unique index
 * decides between replicas).
 */
@ApplicationScoped
public class SchedulerJobs {

    private static final Logger LOG = Logger.getLogger(SchedulerJobs.class);
    private static final List<State> ACTIVE = List.of(State.QUEUED, State.SOLVING);

    public enum State { QUEUED, SOLVING, DONE, CANCELLED, FAILED }

    /**
     * What a client polls: the state, the best score so far and how many mandated minutes it places,
     * against the upper bound of placeable minutes (no conflict-free week places more; null for a job
     * stored before the bound existed) and placed / bound;
     * for a job built from the database also the provider, school and week it plans and notes on how
     * the caseload was read (students left out, monthly mandates converted); the sessions accepted.
     */
    public record JobStatus(UUID jobId, State state, String score, boolean feasible, int placedMinutes,
                            int mandatedMinutes, Integer upperBoundMinutes, Double placedShareOfBound,
                            Instant submittedAt, Instant finishedAt, String error,
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

    /** The replicas have as many jobs queued or solving as they take: try again after {@code retryAfterSeconds}. */
    public static final class SchedulerBusy extends RuntimeException {
        private final int retryAfterSeconds;

        SchedulerBusy(int active, int retryAfterSeconds) {
            super(active + " scheduler jobs are queued or solving, the most this district runs at once; "
                    + "try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** The provider's week is being planned already: the job doing it. */
    public static final class ProviderJobActive extends RuntimeException {
        private final UUID jobId;

        ProviderJobActive(UUID providerId, UUID jobId) {
            super("Provider " + providerId + " has scheduler job " + jobId + " queued or solving; wait for it or "
                    + "cancel it before submitting another");
            this.jobId = jobId;
        }

        public UUID jobId() {
            return jobId;
        }
    }

    private final SolverManager<ServiceSchedule, UUID> solverManager;
    private final SolutionManager<ServiceSchedule, HardMediumSoftScore> solutionManager;
    /** The Quarkus extension's configuration (solverConfig.xml with the termination of application.properties). */
    private final SolverConfig solverConfig;
    private final ObjectMapper json;
    private final ScheduleConfig.Scheduler config;
    /** This JVM, as the owner written on the jobs it solves. */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    /** The jobs this JVM is solving; every other job is read from the database. */
    private final Map<UUID, Job> solving = new ConcurrentHashMap<>();
    private final Map<UUID, Object> acceptanceLocks = new ConcurrentHashMap<>();

    SchedulerJobs(SolverManager<ServiceSchedule, UUID> solverManager,
                  SolutionManager<ServiceSchedule, HardMediumSoftScore> solutionManager, SolverConfig solverConfig,
                  ObjectMapper json, ScheduleConfig config) {
        this.solverManager = solverManager;
        this.solverConfig = solverConfig;
        this.solutionManager = solutionManager;
        this.json = json;
        this.config = config.scheduler();
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
        ServiceSchedule schedule = ScheduleBuilder.build(problem).withBound();
        solutionManager.update(schedule); // score the starting point before the solver threads see it
        Job job = new Job(UUID.randomUUID(), schedule, problem, origin);
        admit(job);
        solving.put(job.id, job);
        solverManager.solveBuilder()
                .withProblemId(job.id)
                .withProblem(schedule)
                // stop once the week places every placeable minute and a second brings nothing better
                .withConfigOverride(new SolverConfigOverride<ServiceSchedule>().withTerminationConfig(
                        ScheduleSolver.orAtBound(solverConfig.getTerminationConfig().copyConfig(), schedule.getBound(),
                                Duration.ofSeconds(1))))
                .withBestSolutionConsumer(job::improved)
                .withFinalBestSolutionConsumer(solution -> finished(job, solution))
                .withExceptionHandler((id, error) -> failed(job, error))
                .run();
        return status(job.id);
    }

    /** Writes the job as QUEUED, unless the queue is full (503) or the provider has a job already (409). */
    private void admit(Job job) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                long active = StoredJob.count("state in ?1", ACTIVE);
                if (active >= config.maxActiveJobs()) {
                    throw new SchedulerBusy((int) active, config.retryAfterSeconds());
                }
                activeJobOf(job.problem.providerId()).ifPresent(id -> {
                    throw new ProviderJobActive(job.problem.providerId(), id);
                });
                StoredJob row = new StoredJob();
                row.id = job.id;
                row.providerId = job.problem.providerId();
                row.schoolId = job.origin.schoolId() != null ? job.origin.schoolId() : job.problem.schoolId();
                row.weekOf = job.origin.weekOf();
                row.state = State.QUEUED;
                row.owner = instance;
                row.submittedAt = job.submittedAt;
                row.heartbeatAt = Instant.now();
                row.problem = write(job.problem);
                row.notes = write(job.origin.notes());
                progress(row, job.best);
                row.persistAndFlush();
            });
        } catch (PersistenceException e) {
            // Another replica admitted a job of this provider in the same instant: the unique index said no.
            UUID other = QuarkusTransaction.requiringNew().call(() -> activeJobOf(job.problem.providerId()))
                    .orElseThrow(() -> e);
            throw new ProviderJobActive(job.problem.providerId(), other);
        }
    }

    private static java.util.Optional<UUID> activeJobOf(UUID providerId) {
        return StoredJob.<StoredJob>find("providerId = ?1 and state in ?2", providerId, ACTIVE)
                .firstResultOptional().map(j -> j.id);
    }

    /** Whether this JVM is solving the job (else it is read from the database like on any other replica). */
    public boolean solvingHere(UUID jobId) {
        return solving.containsKey(jobId);
    }

    /** Every job that concerns someone, newest first (the caller's filter runs in the resource). */
    public List<JobStatus> list() {
        return QuarkusTransaction.joiningExisting().call(() -> StoredJob.<StoredJob>list("order by submittedAt desc")
                .stream().map(this::status).toList());
    }

    public JobStatus status(UUID jobId) {
        return QuarkusTransaction.joiningExisting().call(() -> status(stored(jobId)));
    }

    private JobStatus status(StoredJob row) {
        Job job = solving.get(row.id);
        int accepted = (int) AcceptedSession.count("jobId", row.id);
        if (job != null && row.active()) {
            // Solving here: the live best score, not the last heartbeat's.
            ServiceSchedule best = job.best;
            HardMediumSoftScore score = best.getScore();
            ScheduleMetrics metrics = ScheduleMetrics.of(best, 0);
            SolverStatus solver = solverManager.getSolverStatus(job.id);
            State state = solver == SolverStatus.SOLVING_SCHEDULED ? State.QUEUED : State.SOLVING;
            return new JobStatus(row.id, state, score.toString(), score.isFeasible(), metrics.placedMinutes(),
                    metrics.mandatedMinutes(), metrics.upperBoundMinutes(), metrics.placedShareOfBound(),
                    row.submittedAt, null, null, row.providerId, job.origin.schoolId(),
                    row.weekOf, job.origin.notes(), accepted);
        }
        return new JobStatus(row.id, row.state, row.score, row.feasible, row.placedMinutes, row.mandatedMinutes,
                row.upperBoundMinutes, ScheduleMetrics.shareOfBound(row.placedMinutes, row.upperBoundMinutes),
                row.submittedAt, row.finishedAt, row.error, row.providerId, origin(row).schoolId(), row.weekOf,
                origin(row).notes(), accepted);
    }

    public ScheduleProblem problem(UUID jobId) {
        Job job = solving.get(jobId);
        if (job != null) {
            return job.problem;
        }
        return read(QuarkusTransaction.joiningExisting().call(() -> stored(jobId)).problem, ScheduleProblem.class);
    }

    public JobOrigin origin(UUID jobId) {
        Job job = solving.get(jobId);
        return job != null ? job.origin : QuarkusTransaction.joiningExisting().call(() -> origin(stored(jobId)));
    }

    private JobOrigin origin(StoredJob row) {
        // A job built from the caseload has a week; one from facts in the body has none (its school is the problem's).
        List<String> notes = read(row.notes, new TypeReference<List<String>>() { });
        return row.weekOf == null ? new JobOrigin(null, null, notes) : new JobOrigin(row.schoolId, row.weekOf, notes);
    }

    /** Sessions of the job's result already accepted, with the series each became. */
    public Map<UUID, UUID> accepted(UUID jobId) {
        return QuarkusTransaction.joiningExisting().call(() -> AcceptedSession.<AcceptedSession>list("jobId", jobId)
                .stream().collect(Collectors.toMap(a -> a.sessionId, a -> a.seriesId)));
    }

    public void recordAccepted(UUID jobId, UUID sessionId, UUID seriesId) {
        QuarkusTransaction.requiringNew().run(() -> {
            AcceptedSession a = new AcceptedSession();
            a.jobId = jobId;
            a.sessionId = sessionId;
            a.seriesId = seriesId;
            a.persist();
        });
    }

    /**
     * Held while a job's sessions are being accepted in this JVM. Across replicas each series is
     * created with an Idempotency-Key of job and session, so a second accept replays rather than duplicates.
     */
    public Object acceptanceLock(UUID jobId) {
        return acceptanceLocks.computeIfAbsent(jobId, id -> new Object());
    }

    /**
     * The best week found so far while this JVM solves it, the final one once the job is DONE or
     * CANCELLED (from the database, on any replica); 409 while another replica is still solving it.
     */
    public ScheduleResult result(UUID jobId) {
        Job job = solving.get(jobId);
        if (job != null) {
            ServiceSchedule best = job.best;
            synchronized (best) { // analysis recomputes the score on the solution itself
                return ScheduleResult.of(best, solutionManager.analyze(best));
            }
        }
        StoredJob row = QuarkusTransaction.joiningExisting().call(() -> stored(jobId));
        if (row.result == null) {
            throw ProblemException.conflict("Scheduler job " + jobId + " is " + row.state
                    + (row.state == State.FAILED ? ": it has no week (" + row.error + ")"
                    : " on another instance; its week is here once it is DONE (or cancel it)"));
        }
        return read(row.result, ScheduleResult.class);
    }

    /**
     * Stops solving; the best week found so far stays the result. Cancelling a finished job changes
     * nothing. A job solving on another replica is stopped by its owner at its next heartbeat.
     */
    public JobStatus cancel(UUID jobId) {
        Job job = solving.get(jobId);
        if (job != null) {
            job.cancelled = true;
            solverManager.terminateEarly(jobId);
        } else {
            QuarkusTransaction.requiringNew().run(() -> {
                StoredJob row = stored(jobId);
                if (row.active()) {
                    row.cancelRequested = true;
                }
            });
        }
        return status(jobId);
    }

    /**
     * The owner's heartbeat: its jobs' progress and liveness go to the database, cancels asked on
     * other replicas are carried out; and any replica fails the jobs whose owner stopped beating.
     */
    @Scheduled(every = "${schedule.scheduler.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeat() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Job job : solving.values()) {
                StoredJob row = StoredJob.findById(job.id);
                if (row == null || !row.active()) {
                    continue;
                }
                row.heartbeatAt = Instant.now();
                if (solverManager.getSolverStatus(job.id) == SolverStatus.SOLVING_ACTIVE) {
                    row.state = State.SOLVING;
                    row.startedAt = row.startedAt != null ? row.startedAt : Instant.now();
                }
                progress(row, job.best);
                if (row.cancelRequested && !job.cancelled) {
                    job.cancelled = true;
                    solverManager.terminateEarly(job.id);
                }
            }
        });
        expireLeases();
        forgetFinished();
    }

    /**
     * Deletes jobs finished longer ago than {@code schedule.scheduler.keep-finished}: what was
     * accepted lives on as series, and the table (read whole by the job list) stays small.
     */
    public long forgetFinished() {
        Instant cutoff = Instant.now().minus(config.keepFinished());
        return QuarkusTransaction.requiringNew().call(() -> StoredJob.delete("finishedAt < ?1", cutoff));
    }

    /**
     * A pod stopping on purpose (rolling update) fails its jobs at once instead of leaving them to
     * the lease: nobody else can finish them, and a client polling another replica learns it now.
     */
    void stopping(@Observes ShutdownEvent event) {
        if (solving.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> solving.keySet().forEach(id -> {
                StoredJob row = StoredJob.findById(id);
                if (row != null && row.active()) {
                    row.state = State.FAILED;
                    row.finishedAt = Instant.now();
                    row.error = "The instance solving it (" + instance + ") shut down; submit the week again";
                }
            }));
        } catch (RuntimeException e) {
            LOG.warnf("Could not fail %d scheduler job(s) at shutdown; the lease will: %s", solving.size(), e);
        }
        solving.keySet().forEach(solverManager::terminateEarly);
    }

    /** Queued or solving jobs whose owner has not beaten within the lease: FAILED (their pod died). */
    public int expireLeases() {
        Instant cutoff = Instant.now().minus(config.lease());
        return QuarkusTransaction.requiringNew().call(() -> {
            List<StoredJob> stale = StoredJob.list("state in ?1 and heartbeatAt < ?2", ACTIVE, cutoff);
            for (StoredJob row : stale) {
                row.state = State.FAILED;
                row.finishedAt = Instant.now();
                row.error = "The instance solving it (" + row.owner + ") stopped; submit the week again";
                LOG.warnf("Scheduler job %s failed: owner %s gave no heartbeat since %s", row.id, row.owner,
                        row.heartbeatAt);
            }
            return stale.size();
        });
    }

    private void finished(Job job, ServiceSchedule solution) {
        job.best = solution;
        ScheduleResult result;
        synchronized (solution) {
            result = ScheduleResult.of(solution, solutionManager.analyze(solution));
        }
        String week = write(result);
        store(job, row -> {
            row.state = job.cancelled || row.cancelRequested ? State.CANCELLED : State.DONE;
            row.result = week;
            progress(row, solution);
        });
    }

    private void failed(Job job, Throwable error) {
        LOG.errorf(error, "Scheduler job %s failed", job.id);
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        store(job, row -> {
            row.state = State.FAILED;
            row.error = message.length() > 2000 ? message.substring(0, 2000) : message;
        });
    }

    /** Records how a job ended, then forgets it here: from now on every replica reads it from the database. */
    private void store(Job job, java.util.function.Consumer<StoredJob> end) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                StoredJob row = StoredJob.findById(job.id);
                if (row == null || !row.active()) {
                    return; // expired meanwhile: FAILED stays
                }
                end.accept(row);
                row.finishedAt = Instant.now();
                row.heartbeatAt = row.finishedAt;
            });
        } finally {
            solving.remove(job.id);
            acceptanceLocks.remove(job.id);
        }
    }

    private static void progress(StoredJob row, ServiceSchedule best) {
        HardMediumSoftScore score = best.getScore();
        ScheduleMetrics metrics = ScheduleMetrics.of(best, 0);
        row.score = score == null ? null : score.toString();
        row.feasible = score != null && score.isFeasible();
        row.placedMinutes = metrics.placedMinutes();
        row.mandatedMinutes = metrics.mandatedMinutes();
        row.upperBoundMinutes = metrics.upperBoundMinutes();
    }

    private static StoredJob stored(UUID jobId) {
        return StoredJob.<StoredJob>findByIdOptional(jobId).orElseThrow(() -> unknown(jobId));
    }

    /** The 404 for an unknown job (or, to a caller it does not concern, one not shown). */
    public static ProblemException unknown(UUID jobId) {
        return new ProblemException(ProblemType.NOT_FOUND, "Scheduler job " + jobId + " does not exist");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scheduler job data", e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored scheduler job data", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored scheduler job data", e);
        }
    }

    private static final class Job {
        final UUID id;
        final ScheduleProblem problem;
        final JobOrigin origin;
        final Instant submittedAt = Instant.now();
        volatile ServiceSchedule best;
        volatile boolean cancelled;

        Job(UUID id, ServiceSchedule initial, ScheduleProblem problem, JobOrigin origin) {
            this.id = id;
            this.best = initial;
            this.problem = problem;
            this.origin = origin;
        }

        void improved(ServiceSchedule solution) {
            best = solution;
        }
    }
}
