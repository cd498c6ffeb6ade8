package org.iepservices.webhooks.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.webhooks.domain.EndpointPolicy;
import org.iepservices.webhooks.domain.RetrySchedule;
import org.iepservices.webhooks.domain.WebhookSigner;
import org.iepservices.webhooks.service.WebhookFanOut;
import org.iepservices.webhooks.service.WebhookSettings;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends due deliveries. A run claims up to {@code webhooks.dispatch.batch-size} PENDING rows whose
 * {@code next_attempt_at} has come, with {@code FOR UPDATE SKIP LOCKED} (another replica's claim is skipped, never
 * waited for), and moves their {@code next_attempt_at} a lease ahead in the same short transaction; then it POSTs
 * them, in parallel, outside any transaction, and records each outcome in a transaction of its own. A 2xx answer
 * delivers; anything else (another status, a timeout, a refused connection, an address the endpoint policy
 * refuses) schedules the next attempt with exponential backoff, or marks the delivery FAILED after
 * {@code webhooks.retry.max-attempts}. A replica that dies mid-send leaves its claimed rows to come due again when
 * the lease ends: delivery is at least once, and receivers deduplicate on {@code webhook-id}.
 *
 * <p>Runs right after a commit that queued deliveries, and every {@code webhooks.dispatch.interval}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final String USER_AGENT = "iep-services-webhooks/1";

    private final EntityManager em;
    private final WebhookSettings settings;
    private final int batchSize;
    private final Duration timeout;
    private final Duration lease;
    private final HttpClient http;
    private final ExecutorService senders;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-dispatcher");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter gaveUp;
    private final Timer latency;

    WebhookDispatcher(EntityManager em, WebhookSettings settings,
                      @ConfigProperty(name = "webhooks.dispatch.batch-size", defaultValue = "50") int batchSize,
                      @ConfigProperty(name = "webhooks.dispatch.concurrency", defaultValue = "8") int concurrency,
                      @ConfigProperty(name = "webhooks.dispatch.timeout", defaultValue = "10s") Duration timeout,
                      MeterRegistry registry) {
        this.em = em;
        this.settings = settings;
        this.batchSize = batchSize;
        this.timeout = timeout;
        // Long enough for the slowest send of a batch plus recording it; a dead replica's rows wait this long.
        this.lease = timeout.multipliedBy(3).plusSeconds(30);
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                // A redirect could lead anywhere, including inside our network: a 3xx is a failed attempt.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.senders = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        this.delivered = Counter.builder("webhooks.deliveries.delivered").description("Deliveries answered 2xx")
                .register(registry);
        this.failedAttempts = Counter.builder("webhooks.attempts.failed")
                .description("Attempts that got no 2xx answer (each is retried until max-attempts)").register(registry);
        this.gaveUp = Counter.builder("webhooks.deliveries.failed")
                .description("Deliveries that used up their attempts (FAILED; redeliver to try again)").register(registry);
        this.latency = Timer.builder("webhooks.attempt.duration").description("Time of one delivery attempt")
                .register(registry);
        Gauge.builder("webhooks.deliveries.pending", pending, AtomicLong::get)
                .description("Deliveries waiting for their next attempt, as of the last dispatcher run").register(registry);
    }

    void afterQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookFanOut.Queued queued) {
        wake();
    }

    /** Asks for a run soon (after a redelivery request, after new deliveries). */
    public void wake() {
        try {
            runner.execute(this::run);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    @Scheduled(every = "${webhooks.dispatch.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run();
    }

    /** One run at a time per replica; a request during a run makes it go once more. */
    public void run() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                int claimed;
                do {
                    claimed = dispatchBatch();
                } while (claimed == batchSize);
            } while (again.get());
            countPending();
        } catch (RuntimeException e) {
            LOG.warnf("Webhook dispatcher run failed, will retry: %s", e.toString());
        } finally {
            running.set(false);
        }
    }

    /** A claimed delivery with what sending it needs. */
    record Claimed(UUID id, UUID messageId, String url, String body, String secret, String previousSecret,
                   int attempts, int roundAttempts) {
    }

    /**
     * Claims, sends and records one batch; returns how many rows were claimed. Safe to run concurrently, in this
     * JVM or in other replicas: a row is claimed by one caller only.
     */
    public int dispatchBatch() {
        List<Claimed> batch = claim();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<?>> sends = new ArrayList<>(batch.size());
        for (Claimed c : batch) {
            sends.add(senders.submit(() -> record(c, send(c))));
        }
        for (Future<?> f : sends) {
            try {
                f.get();
            } catch (Exception e) {
                LOG.warnf("Webhook send failed unexpectedly: %s", e.toString());
            }
        }
        return batch.size();
    }

    private List<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select d.id, d.message_id, s.url, m.body, s.secret,
                                   case when s.previous_secret_until > now() then s.previous_secret end,
                                   d.attempts, d.round_attempts
                            from webhook_delivery d
                            join webhook_subscription s on s.id = d.subscription_id
                            join webhook_message m on m.id = d.message_id
                            where d.status = 'PENDING' and d.next_attempt_at <= now() and s.active
                            order by d.next_attempt_at
                            limit :n
                            for update of d skip locked""")
                    .setParameter("n", batchSize).getResultList();
            if (rows.isEmpty()) {
                return List.of();
            }
            List<Claimed> claimed = new ArrayList<>(rows.size());
            List<UUID> ids = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                Claimed c = new Claimed((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], ((Number) r[6]).intValue(), ((Number) r[7]).intValue());
                claimed.add(c);
                ids.add(c.id());
            }
            em.createNativeQuery("update webhook_delivery set next_attempt_at = now() + make_interval(secs => :lease) "
                            + "where id in (:ids)")
                    .setParameter("lease", (double) lease.toSeconds()).setParameter("ids", ids).executeUpdate();
            return claimed;
        });
    }

    /** What one attempt got: a status code, or an error instead. */
    record Outcome(Integer statusCode, String error, long durationMs, OffsetDateTime at) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Outcome send(Claimed c) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        long start = System.nanoTime();
        try {
            URI uri = URI.create(c.url());
            // Again before every attempt: the name may resolve elsewhere now than when it was subscribed.
            List<EndpointPolicy.Refusal> refused = settings.endpoints().checkHost(uri.getHost());
            if (!refused.isEmpty()) {
                return new Outcome(null, "refused: " + refused.get(0).message(), elapsed(start), at);
            }
            long timestamp = at.toEpochSecond();
            String id = c.messageId().toString();
            List<String> secrets = c.previousSecret() == null ? List.of(c.secret()) : List.of(c.secret(), c.previousSecret());
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSigner.signatureHeader(secrets, id, timestamp, c.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.body()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null, elapsed(start), at);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", elapsed(start), at);
        } catch (Exception e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    elapsed(start), at);
        }
    }

    private void record(Claimed c, Outcome outcome) {
        latency.record(Duration.ofMillis(outcome.durationMs()));
        int attempt = c.attempts() + 1;
        int round = c.roundAttempts() + 1;
        RetrySchedule retry = settings.retry();
        String status;
        OffsetDateTime next;
        if (outcome.delivered()) {
            status = "DELIVERED";
            next = null;
            delivered.increment();
        } else if (retry.exhausted(round)) {
            status = "FAILED";
            next = null;
            failedAttempts.increment();
            gaveUp.increment();
            LOG.warnf("Webhook delivery %s FAILED after %d attempts: %s", c.id(), round, describe(outcome));
        } else {
            status = "PENDING";
            next = OffsetDateTime.now(ZoneOffset.UTC).plus(retry.backoff(round, ThreadLocalRandom.current().nextDouble()));
            failedAttempts.increment();
        }
        String error = outcome.error() != null ? truncate(outcome.error()) : outcome.delivered() ? null : "HTTP " + outcome.statusCode();
        int code = outcome.statusCode() == null ? -1 : outcome.statusCode();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            insert into webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                            values (:id, :attempt, :at, nullif(:code, -1), nullif(:error, ''), :ms) on conflict do nothing""")
                    .setParameter("id", c.id()).setParameter("attempt", attempt).setParameter("at", outcome.at())
                    .setParameter("code", code).setParameter("error", error == null ? "" : error)
                    .setParameter("ms", (int) Math.min(Integer.MAX_VALUE, outcome.durationMs())).executeUpdate();
            // Only while the row is still this claim's: a replica that took it over after the lease records its own.
            var update = em.createNativeQuery("update webhook_delivery set status = :status, attempts = :attempt, "
                            + "round_attempts = :round, next_attempt_at = " + (next == null ? "null" : ":next")
                            + ", last_status_code = nullif(:code, -1), last_error = nullif(:error, ''), "
                            + "delivered_at = " + (next == null && "DELIVERED".equals(status) ? "now()" : "null")
                            + " where id = :id and attempts = :previous")
                    .setParameter("status", status).setParameter("attempt", attempt).setParameter("round", round)
                    .setParameter("code", code).setParameter("error", error == null ? "" : error)
                    .setParameter("id", c.id()).setParameter("previous", c.attempts());
            if (next != null) {
                update.setParameter("next", next);
            }
            update.executeUpdate();
        });
    }

    private void countPending() {
        try {
            QuarkusTransaction.requiringNew().run(() -> pending.set(((Number) em.createNativeQuery(
                    "select count(*) from webhook_delivery where status = 'PENDING'").getSingleResult()).longValue()));
        } catch (RuntimeException e) {
            LOG.debugf("Could not count pending webhook deliveries: %s", e);
        }
    }

    private static String describe(Outcome o) {
        return o.error() != null ? o.error() : "HTTP " + o.statusCode();
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    void onStop(@Observes ShutdownEvent event) {
        runner.shutdownNow();
        senders.shutdownNow();
    }
}
