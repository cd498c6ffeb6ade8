package org.iepservices.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.problem.ProblemException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds read models from the topics alone: replays every topic the projections' consumers
 * read, from the beginning, into empty copies of their tables (schema {@value #SCHEMA}, reached
 * through the transaction's search_path, so the very same consumer code writes them), then swaps
 * the copies in.
 *
 * <p>The swap is one transaction: it locks the consumed-event ledger against inserts and the live
 * tables against everything, replays what arrived since the replay's end, moves the live tables
 * out and the copies in ({@code ALTER TABLE ... SET SCHEMA}) and replaces the projections' ledger
 * rows. Live consumers wait on the locks for that moment; afterwards they go on from their own
 * offsets, and the ledger makes them skip what the rebuild already applied. Records a consumer
 * cannot apply (the ones the live channel sent to the dead-letter topic) are skipped and counted.
 *
 * <p>Several instances share one database: a rebuild row names the instance running it
 * ({@code owner_instance}) and holds a lease ({@code lease_until}, database time) that the owner
 * renews every third of {@code rebuild.lease} while it runs. At most one rebuild is queued or
 * running across instances (409). A rebuild whose lease expired lost its owner (killed, partitioned):
 * a starting instance, or the next start request, marks it FAILED and drops its half-built copies;
 * a rebuild with a live lease is never touched. An owner that finds its lease taken from it stops.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    static final String SCHEMA = "rebuild";
    private static final String RETIRED = "rebuild_retired";
    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);
    private static final int LOCK_TIMEOUT_SECONDS = 600;

    /** Status of one rebuild, as stored in projection_rebuild. */
    public record Status(UUID id, String status, List<String> projections, OffsetDateTime requestedAt,
                         OffsetDateTime startedAt, OffsetDateTime swappedAt, OffsetDateTime finishedAt,
                         long eventsReplayed, long eventsSkipped, Map<String, Long> endOffsets, String error,
                         String ownerInstance, OffsetDateTime heartbeatAt, OffsetDateTime leaseUntil) {
    }

    private static final ThreadLocal<Boolean> REPLAYING = ThreadLocal.withInitial(() -> false);

    /**
     * True on the rebuild's thread: projections that take locks use their own lock keys there, so
     * the rebuild never waits on a live consumer (which may wait on the swap's table locks).
     */
    public static boolean replaying() {
        return REPLAYING.get();
    }

    private final Sql sql;
    private final ProjectionRegistry registry;
    private final ObjectMapper mapper;
    private final String bootstrapServers;
    private final String instanceId;
    private final Duration lease;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild-lease");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });

    ProjectionRebuilder(Sql sql, ProjectionRegistry registry, ObjectMapper mapper,
                        @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                        @ConfigProperty(name = "reporting.instance-id") Optional<String> instanceId,
                        @ConfigProperty(name = "rebuild.lease", defaultValue = "60s") Duration lease) {
        this.sql = sql;
        this.registry = registry;
        this.mapper = mapper;
        this.bootstrapServers = bootstrapServers;
        // Unique per JVM unless configured (a pod name): a restarted instance never mistakes an older run for its own.
        this.instanceId = instanceId.filter(s -> !s.isBlank())
                .orElseGet(() -> hostName() + "/" + UUID.randomUUID());
        this.lease = lease;
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "reporting" : host;
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * At startup: a rebuild that was running when its owner stopped did not swap anything. Only
     * rebuilds whose lease expired (or that this very instance owned, when its id is configured)
     * are failed and cleaned; another instance's rebuild with a live lease goes on untouched.
     */
    void onStart(@Observes StartupEvent event) {
        recoverAbandoned();
    }

    /** Fails the rebuilds that lost their owner and drops their copies; the ids failed. */
    public List<UUID> recoverAbandoned() {
        return QuarkusTransaction.requiringNew().call(() -> {
            sql.execute("lock table projection_rebuild in exclusive mode");
            return failAbandoned(true);
        });
    }

    /**
     * Within a transaction holding the table lock. At startup this instance runs nothing yet, so a
     * rebuild it owned (a configured, stable instance id) is abandoned too; at a start request, its
     * own live rebuild is not.
     */
    private List<UUID> failAbandoned(boolean atStartup) {
        List<UUID> failed = sql.list("""
                update projection_rebuild set status = 'FAILED', finished_at = now(),
                    error = 'interrupted: its instance ' || coalesce(owner_instance, '?')
                            || ' stopped renewing its lease before the swap'
                where status in ('QUEUED', 'RUNNING')
                  and (lease_until is null or lease_until < now() or (? and owner_instance = ?))
                returning rebuild_id""", rs -> rs.uuid("rebuild_id"), atStartup, instanceId);
        boolean stillRunning = sql.one("select rebuild_id from projection_rebuild where status in ('QUEUED', 'RUNNING')"
                + " limit 1", rs -> rs.uuid("rebuild_id")).isPresent();
        if (!stillRunning) {
            // No live rebuild: any copies left are a dead one's (the live one's are never dropped).
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        if (!failed.isEmpty()) {
            LOG.warnf("Rebuilds %s lost their instance (lease expired); marked FAILED", failed);
        }
        return failed;
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
        heartbeats.shutdownNow();
    }

    /** Starts a rebuild of the named projections (all when empty); 409 while another one runs. */
    public Status start(List<String> names) {
        List<String> all = registry.projections().stream().map(Projection::name).toList();
        List<String> selected = names == null || names.isEmpty() ? all : List.copyOf(new LinkedHashSet<>(names));
        for (String name : selected) {
            if (!all.contains(name)) {
                throw ProblemException.invalid("projections", "unknown projection '" + name + "'; one of " + all);
            }
        }
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            sql.execute("lock table projection_rebuild in exclusive mode");
            failAbandoned(false);
            if (sql.one("select rebuild_id from projection_rebuild where status in ('QUEUED', 'RUNNING') limit 1",
                    rs -> rs.uuid("rebuild_id")).isPresent()) {
                throw ProblemException.conflict("a rebuild is already running; see GET /api/v1/admin/rebuild");
            }
            sql.update("""
                    insert into projection_rebuild (rebuild_id, status, projections, requested_at, owner_instance,
                        heartbeat_at, lease_until)
                    values (?, 'QUEUED', ?, now(), ?, now(), now() + ?::interval)""", id, String.join(",", selected),
                    instanceId, leaseInterval());
        });
        executor.submit(() -> run(id, selected));
        return status(id).orElseThrow();
    }

    public Optional<Status> status(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one("select * from projection_rebuild where rebuild_id = ?",
                this::status, id));
    }

    public List<Status> recent(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> sql.list(
                "select * from projection_rebuild order by requested_at desc limit ?", this::status, limit));
    }

    private Status status(Sql.Rs rs) throws java.sql.SQLException {
        Map<String, Long> offsets = new TreeMap<>();
        String json = rs.string("end_offsets");
        if (json != null) {
            try {
                mapper.readTree(json).fields().forEachRemaining(e -> offsets.put(e.getKey(), e.getValue().asLong()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Status(rs.uuid("rebuild_id"), rs.string("status"), List.of(rs.string("projections").split(",")),
                rs.timestamp("requested_at"), rs.timestamp("started_at"), rs.timestamp("swapped_at"),
                rs.timestamp("finished_at"), rs.longValue("events_replayed"), rs.longValue("events_skipped"),
                offsets, rs.string("error"), rs.string("owner_instance"), rs.timestamp("heartbeat_at"),
                rs.timestamp("lease_until"));
    }

    private String leaseInterval() {
        return lease.toMillis() + " milliseconds";
    }

    /**
     * Renews the lease of a running rebuild; false when it is no longer this instance's (another
     * instance found it expired and failed it): the run must stop without swapping.
     */
    boolean renewLease(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> sql.update("""
                update projection_rebuild set heartbeat_at = now(), lease_until = now() + ?::interval
                where rebuild_id = ? and owner_instance = ? and status in ('QUEUED', 'RUNNING')""",
                leaseInterval(), id, instanceId) > 0);
    }

    private final class Lease implements AutoCloseable {
        private final ScheduledFuture<?> renewal;
        private volatile boolean lost;

        Lease(UUID id) {
            long every = Math.max(100, lease.toMillis() / 3);
            renewal = heartbeats.scheduleAtFixedRate(() -> {
                ManagedContext request = Arc.container().requestContext();
                request.activate();
                try {
                    if (!renewLease(id)) {
                        lost = true;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("Rebuild %s: lease not renewed this time: %s", id, e.getMessage());
                } finally {
                    request.terminate();
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }

        void check() {
            if (lost) {
                throw new IllegalStateException("the rebuild's lease was lost (another instance found it expired)");
            }
        }

        @Override
        public void close() {
            renewal.cancel(false);
        }
    }

    // --- the run ------------------------------------------------------------------------------

    private final class Run {
        final UUID id;
        final List<Projection> projections;
        final Map<String, List<ProjectionConsumer>> byTopic = new HashMap<>();
        final Set<String> skip = new HashSet<>();
        final AtomicLong replayed = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        Lease lease;

        Run(UUID id, List<String> names) {
            this.id = id;
            this.projections = registry.projections(names);
            registry.consumersOf(names).forEach(c -> byTopic.computeIfAbsent(c.topic(), t -> new ArrayList<>()).add(c));
        }

        List<String> tables() {
            return projections.stream().flatMap(p -> p.tables().stream()).toList();
        }

        List<String> consumerNames() {
            return byTopic.values().stream().flatMap(List::stream).map(ProjectionConsumer::consumerName).toList();
        }
    }

    private void run(UUID id, List<String> names) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        REPLAYING.set(true);
        Run run = new Run(id, names);
        try (Lease lease = new Lease(id); KafkaConsumer<String, String> consumer = kafkaConsumer()) {
            run.lease = lease;
            QuarkusTransaction.requiringNew().run(() -> sql.update(
                    "update projection_rebuild set status = 'RUNNING', started_at = now() where rebuild_id = ?", id));
            prepare(run);
            List<TopicPartition> partitions = partitions(consumer, run.byTopic.keySet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            replay(run, consumer, end, false);
            recordProgress(run, end);
            swap(run, consumer, partitions);
            QuarkusTransaction.requiringNew().run(() -> sql.update("""
                    update projection_rebuild set status = 'DONE', finished_at = now(), events_replayed = ?,
                        events_skipped = ? where rebuild_id = ?""", run.replayed.get(), run.skipped.get(), id));
            LOG.infof("Rebuild %s of %s done: %d events replayed, %d skipped", id, names, run.replayed.get(),
                    run.skipped.get());
        } catch (Throwable e) {
            LOG.errorf(e, "Rebuild %s of %s failed; the live tables were kept", id, names);
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    sql.execute("lock table projection_rebuild in exclusive mode");
                    // Only while the rebuild is still ours: once another instance failed it for an expired
                    // lease, the copies may already belong to the next rebuild.
                    if (sql.update("""
                            update projection_rebuild set status = 'FAILED', finished_at = now(), error = ?,
                                events_replayed = ?, events_skipped = ?
                            where rebuild_id = ? and owner_instance = ? and status in ('QUEUED', 'RUNNING')""",
                            String.valueOf(e.getMessage()), run.replayed.get(), run.skipped.get(), id,
                            instanceId) > 0) {
                        sql.execute("drop schema if exists " + SCHEMA + " cascade");
                    }
                });
            } catch (RuntimeException cleanup) {
                LOG.error("Could not record the failed rebuild", cleanup);
            }
        } finally {
            REPLAYING.remove();
            request.terminate();
        }
    }

    private KafkaConsumer<String, String> kafkaConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500",
                ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild"));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, Set<String> topics) {
        List<TopicPartition> result = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(p -> result.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        return result;
    }

    /** Empty copies of the tables (columns, defaults, keys, indexes) and of the ledger. */
    private void prepare(Run run) {
        QuarkusTransaction.requiringNew().run(() -> {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
            sql.execute("create schema " + SCHEMA);
            for (String table : run.tables()) {
                sql.execute("create table " + SCHEMA + "." + table + " (like public." + table + " including all)");
            }
            sql.execute("create table " + SCHEMA + ".consumed_event (like public.consumed_event including all)");
        });
    }

    /** The projections' statements in this transaction read and write the copies. */
    private void useCopies() {
        sql.list("select set_config('search_path', '" + SCHEMA + ", public', true)", rs -> 1);
    }

    /** Applies records until every partition reached {@code end}; in batches, one transaction each. */
    private void replay(Run run, KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end,
                        boolean inCurrentTransaction) {
        while (!reached(consumer, end)) {
            if (run.lease != null) {
                run.lease.check();
            }
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                Long stop = end.get(new TopicPartition(r.topic(), r.partition()));
                if (stop != null && r.offset() < stop) {
                    batch.add(r);
                }
            }
            if (batch.isEmpty()) {
                continue;
            }
            if (inCurrentTransaction) {
                for (ConsumerRecord<String, String> r : batch) {
                    try {
                        apply(run, r);
                        run.projections.forEach(Projection::flush);
                    } catch (RuntimeException e) {
                        run.skip.add(key(r));
                        throw new PoisonRecord(key(r), e);
                    }
                }
                run.replayed.addAndGet(batch.size());
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().timeout(LOCK_TIMEOUT_SECONDS).run(() -> {
                    useCopies();
                    batch.forEach(r -> apply(run, r));
                    run.projections.forEach(Projection::flush);
                });
                run.replayed.addAndGet(batch.size());
            } catch (RuntimeException batchFailed) {
                // Find the record(s) the live channel dead-lettered too: one transaction per record.
                for (ConsumerRecord<String, String> r : batch) {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> {
                            useCopies();
                            apply(run, r);
                            run.projections.forEach(Projection::flush);
                        });
                        run.replayed.incrementAndGet();
                    } catch (RuntimeException e) {
                        run.skip.add(key(r));
                        run.skipped.incrementAndGet();
                        LOG.warnf("Rebuild %s skips %s: %s", run.id, key(r), e.getMessage());
                    }
                }
            }
        }
    }

    private void apply(Run run, ConsumerRecord<String, String> r) {
        if (run.skip.contains(key(r)) || r.value() == null) {
            return;
        }
        for (ProjectionConsumer c : run.byTopic.getOrDefault(r.topic(), List.of())) {
            c.consume(r.value());
        }
    }

    private static String key(ConsumerRecord<String, String> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static final class PoisonRecord extends RuntimeException {
        PoisonRecord(String key, Throwable cause) {
            super("record " + key + " cannot be applied: " + cause.getMessage(), cause);
        }
    }

    private void recordProgress(Run run, Map<TopicPartition, Long> end) {
        Map<String, Long> offsets = new TreeMap<>();
        end.forEach((tp, offset) -> offsets.put(tp.topic() + "-" + tp.partition(), offset));
        String json;
        try {
            json = mapper.writeValueAsString(offsets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> sql.update("""
                update projection_rebuild set status = 'RUNNING', events_replayed = ?, events_skipped = ?,
                    end_offsets = ? where rebuild_id = ?""", run.replayed.get(), run.skipped.get(), json, run.id));
    }

    /**
     * The last catch-up and the swap, in one transaction under locks. A record that fails in
     * the catch-up is skipped and the swap tried again (its rollback undid nothing live).
     */
    private void swap(Run run, KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        for (int attempt = 1; ; attempt++) {
            Map<TopicPartition, Long> positions = new HashMap<>();
            partitions.forEach(tp -> positions.put(tp, consumer.position(tp)));
            long before = run.replayed.get();
            try {
                QuarkusTransaction.requiringNew().timeout(LOCK_TIMEOUT_SECONDS).run(() -> swapUnderLocks(run, consumer,
                        partitions));
                return;
            } catch (RuntimeException e) {
                if (!(e instanceof PoisonRecord || e.getCause() instanceof PoisonRecord) || attempt >= 5) {
                    throw e;
                }
                LOG.warnf("Rebuild %s: %s; swapping again without it", run.id, e.getMessage());
                run.skipped.incrementAndGet();
                run.replayed.set(before);
                positions.forEach(consumer::seek);
            }
        }
    }

    private void swapUnderLocks(Run run, KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        // Still ours, and leased for as long as this transaction may take: the row stays locked until
        // commit, so an instance checking leases meanwhile waits and then sees a live lease.
        if (sql.update("update projection_rebuild set heartbeat_at = now(), lease_until = now() + ?::interval"
                + " where rebuild_id = ? and owner_instance = ? and status in ('QUEUED', 'RUNNING')",
                (LOCK_TIMEOUT_SECONDS * 1000L + lease.toMillis()) + " milliseconds", run.id, instanceId) == 0) {
            throw new IllegalStateException("the rebuild's lease was lost (another instance found it expired)");
        }
        sql.execute("lock table public.consumed_event in share row exclusive mode");
        for (String table : run.tables()) {
            sql.execute("lock table public." + table + " in access exclusive mode");
        }
        useCopies();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long before = run.replayed.get();
        replay(run, consumer, end, true);
        for (Projection p : run.projections) {
            p.beforeSwap();
        }
        sql.update("delete from public.consumed_event where consumer = any(?)", run.consumerNames());
        sql.execute("insert into public.consumed_event select * from " + SCHEMA + ".consumed_event");
        sql.execute("create schema " + RETIRED);
        for (String table : run.tables()) {
            sql.execute("alter table public." + table + " set schema " + RETIRED);
            sql.execute("alter table " + SCHEMA + "." + table + " set schema public");
        }
        sql.execute("drop schema " + RETIRED + " cascade");
        sql.execute("drop schema " + SCHEMA + " cascade");
        sql.update("update projection_rebuild set status = 'RUNNING', swapped_at = now(), events_replayed = ?, "
                + "events_skipped = ? where rebuild_id = ?", run.replayed.get(), run.skipped.get(), run.id);
        LOG.infof("Rebuild %s swapped in %d tables (%d events in the final catch-up)", run.id, run.tables().size(),
                run.replayed.get() - before);
    }
}
