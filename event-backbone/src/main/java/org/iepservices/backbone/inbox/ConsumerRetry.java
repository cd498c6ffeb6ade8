package org.iepservices.backbone.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bounded retry with exponential backoff for transient failures ({@link TransientFailures}), so a
 * database restart or a lock timeout delays an event instead of dead-lettering it. Each try must be a
 * whole transaction: a failed transaction cannot be continued. A deterministic failure, or a transient
 * one that outlasts every try, is thrown to the caller (the messaging failure strategy then
 * dead-letters the record). The retries hold the partition, which is what keeps a key's events in order.
 */
@ApplicationScoped
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Counter retries;

    ConsumerRetry(MeterRegistry registry,
                  @ConfigProperty(name = "consumer.retry.max-attempts", defaultValue = "10") int maxAttempts,
                  @ConfigProperty(name = "consumer.retry.initial-backoff", defaultValue = "200ms") Duration initialBackoff,
                  @ConfigProperty(name = "consumer.retry.max-backoff", defaultValue = "10s") Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("consumer.retry.max-attempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.retries = Counter.builder("consumer.transient.retries")
                .description("Consumer transactions tried again after a transient failure (database restart, lock timeout)")
                .register(registry);
    }

    /** Runs {@code work} (one whole transaction) until it succeeds, fails for good, or the tries are used up. */
    public <T> T call(String what, Supplier<T> work) {
        long backoffMs = Math.max(1, initialBackoff.toMillis());
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("%s failed for a transient reason (try %d of %d), again in %d ms: %s",
                        what, attempt, maxAttempts, backoffMs, e.toString());
                retries.increment();
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, Math.max(1, maxBackoff.toMillis()));
            }
        }
    }

    public void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
