package org.iepservices.student.service.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.service.roster.RosterImportJob.State;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Async roster imports ({@code Prefer: respond-async}). The zip is stored in the database before the
 * 202, so any replica can run the job: a worker claims the oldest QUEUED job with
 * {@code FOR UPDATE SKIP LOCKED} (two replicas never take the same one), holds a lease it renews while it
 * works, and writes the rows read per file after every chunk, so a GET on any replica shows progress.
 * A RUNNING job whose lease ran out belongs to a replica that died: the next claim takes it over and
 * imports the zip again from the start (an import is idempotent: what the lost run wrote counts as
 * unchanged).
 */
@ApplicationScoped
public class RosterImportJobs {

    private static final Logger LOG = Logger.getLogger(RosterImportJobs.class);

    /** The zip is stored and read back in parts of this size: never whole in memory. */
    static final int PART = 4 * 1024 * 1024;

    /**
     * Tests only: called after each progress write, on the worker thread (a test holds the import
     * there to see it RUNNING with rows read). Null in production.
     */
    public static volatile RosterImportService.Progress afterProgress;

    private record Claimed(UUID id, RosterImportService.Options options) {
    }

    private final DataSource db;
    private final RosterImportService imports;
    private final ObjectMapper mapper;
    private final Duration lease;
    /** This replica, as written in the owner column of the jobs it runs. */
    private final String replica = hostName() + "/" + UUID.randomUUID();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean working = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roster-import-jobs");
        t.setDaemon(true);
        return t;
    });

    RosterImportJobs(DataSource db, RosterImportService imports, ObjectMapper mapper,
                     @ConfigProperty(name = "roster.import.jobs.lease", defaultValue = "2m") Duration lease) {
        this.db = db;
        this.imports = imports;
        this.mapper = mapper;
        this.lease = lease;
    }

    /**
     * Checks what can be decided before reading rows (answered now, like the synchronous form),
     * stores the zip and a QUEUED job in one transaction, and wakes the worker.
     */
    public RosterImportJob enqueue(Path zip, RosterImportService.Options options) {
        imports.precheck(zip, options);
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> store(id, zip, options));
        worker.execute(this::work);
        return find(id).orElseThrow();
    }

    /** The safety net: jobs queued while this replica's worker was busy, and jobs of a lost replica. */
    @Scheduled(every = "${roster.import.jobs.poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        worker.execute(this::work);
    }

    /** Keeps this replica's leases while its imports run (long single statements included). */
    @Scheduled(every = "${roster.import.jobs.heartbeat:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (UUID id : running) {
            update("update roster_import_job set lease_until = now() + make_interval(secs => ?) where id = ?"
                    + " and owner = ? and state = 'RUNNING'", lease.toSeconds(), id, replica);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public Optional<RosterImportJob> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select j.state, j.received_at, j.started_at, j.finished_at, j.attempts, j.current_file,"
                            + " j.progress::text, j.problem::text, i.report::text from roster_import_job j"
                            + " left join roster_import i on i.id = j.id where j.id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    State state = State.valueOf(rs.getString(1));
                    Map<String, Long> rows = mapper.readValue(rs.getString(7), new TypeReference<LinkedHashMap<String, Long>>() { });
                    return Optional.of(new RosterImportJob(id, state, rs.getObject(2, OffsetDateTime.class),
                            rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                            rs.getInt(5), state == State.RUNNING ? rs.getString(6) : null, rows,
                            state == State.SUCCEEDED ? tree(rs.getString(9)) : null, tree(rs.getString(8))));
                }
            }
        });
    }

    /** Runs jobs until none is claimable; one at a time per replica (imports run one at a time anyway). */
    void work() {
        if (!working.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Optional<Claimed> job = claim(); job.isPresent(); job = claim()) {
                // As within a request: a dry run's transaction (QuarkusTransaction.begin) needs the request context.
                ManagedContext context = Arc.container().requestContext();
                context.activate();
                try {
                    run(job.get());
                } finally {
                    context.terminate();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("roster import worker failed; the next poll retries", e);
        } finally {
            working.set(false);
        }
    }

    private Optional<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "update roster_import_job set state = 'RUNNING', owner = ?, attempts = attempts + 1,"
                            + " lease_until = now() + make_interval(secs => ?), started_at = now(),"
                            + " current_file = null, progress = '{}'::jsonb"
                            + " where id = (select id from roster_import_job where state = 'QUEUED'"
                            + " or (state = 'RUNNING' and lease_until < now()) order by received_at"
                            + " limit 1 for update skip locked) returning id, options::text")) {
                ps.setString(1, replica);
                ps.setLong(2, lease.toSeconds());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    UUID id = rs.getObject(1, UUID.class);
                    running.add(id);
                    return Optional.of(new Claimed(id, mapper.readValue(rs.getString(2),
                            RosterImportService.Options.class)));
                }
            }
        });
    }

    private void run(Claimed job) {
        Path zip = null;
        try {
            if (reportExists(job.id())) { // a lost replica finished the import but not the job
                finish(job.id(), State.SUCCEEDED, null);
                return;
            }
            Path file = Files.createTempFile("roster-import-" + job.id() + "-", ".zip");
            zip = file;
            QuarkusTransaction.requiringNew().run(() -> load(job.id(), file));
            imports.importZip(file, job.options(), job.id(), (name, rows) -> progress(job.id(), name, rows));
            finish(job.id(), State.SUCCEEDED, null);
        } catch (ProblemException e) {
            finish(job.id(), State.FAILED, new Problem(e.type().uri(), e.type().title(), e.type().status(),
                    e.getMessage(), instance(job.id()), e.violations()));
        } catch (RosterZipLimits.TooLarge e) {
            finish(job.id(), State.FAILED, new Problem(ProblemType.HTTP.uri(), "Request Entity Too Large", 413,
                    e.getMessage(), instance(job.id()), List.of()));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "roster import job %s failed", job.id());
            finish(job.id(), State.FAILED, new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                    "The import failed unexpectedly; nothing more was written. Send it again.", instance(job.id()),
                    List.of()));
        } finally {
            running.remove(job.id());
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException e) {
                    LOG.warnf("could not delete %s", zip);
                }
            }
        }
    }

    private void progress(UUID id, String file, long rows) {
        update("update roster_import_job set current_file = ?, progress = progress || jsonb_build_object(?::text, ?),"
                + " lease_until = now() + make_interval(secs => ?) where id = ? and owner = ?",
                file, file, rows, lease.toSeconds(), id, replica);
        RosterImportService.Progress hook = afterProgress;
        if (hook != null) {
            hook.rowsRead(file, rows);
        }
    }

    /** Ends the job (unless another replica took it over meanwhile) and drops its stored zip. */
    private void finish(UUID id, State state, Problem problem) {
        String json = problem == null ? null : write(problem);
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement("update roster_import_job set state = ?,"
                        + " finished_at = now(), lease_until = null, current_file = null, problem = cast(? as jsonb)"
                        + " where id = ? and owner = ?")) {
                    ps.setString(1, state.name());
                    ps.setString(2, json);
                    ps.setObject(3, id);
                    ps.setString(4, replica);
                    if (ps.executeUpdate() == 0) {
                        return null;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("delete from roster_import_upload where job_id = ?")) {
                    ps.setObject(1, id);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private void store(UUID id, Path zip, RosterImportService.Options options) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into roster_import_job (id, state, options,"
                    + " zip_size, received_at) values (?, 'QUEUED', cast(? as jsonb), ?, now())")) {
                ps.setObject(1, id);
                ps.setString(2, write(options));
                ps.setLong(3, Files.size(zip));
                ps.executeUpdate();
            }
            try (InputStream in = Files.newInputStream(zip); PreparedStatement ps = c.prepareStatement(
                    "insert into roster_import_upload (job_id, part, data) values (?, ?, ?)")) {
                byte[] buffer = new byte[PART];
                int part = 0;
                for (int n = in.readNBytes(buffer, 0, PART); n > 0; n = in.readNBytes(buffer, 0, PART)) {
                    ps.setObject(1, id);
                    ps.setInt(2, part++);
                    ps.setBytes(3, n == PART ? buffer : java.util.Arrays.copyOf(buffer, n));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load(UUID id, Path file) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select data from roster_import_upload where job_id = ? order by part");
             OutputStream out = Files.newOutputStream(file)) {
            ps.setFetchSize(1); // one part in memory at a time (inside a transaction, pgjdbc streams)
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.write(rs.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean reportExists(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection();
                 PreparedStatement ps = c.prepareStatement("select 1 from roster_import where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private void update(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static URI instance(UUID id) {
        return URI.create("/api/v1/roster/imports/" + id);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tree(String json) throws JsonProcessingException {
        return json == null ? null : mapper.readTree(json);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "local" : host;
    }
}
