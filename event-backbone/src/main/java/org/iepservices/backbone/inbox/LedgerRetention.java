package org.iepservices.backbone.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.backbone.ChunkedDelete;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes consumed-event ledger rows older than {@code consumer.ledger.retention}. A ledger row is what
 * makes a redelivered event harmless, so it must outlive every redelivery: the retention is checked at
 * start to be at least {@link #MINIMUM} and at least {@code consumer.ledger.redelivery-window}, the
 * longest time after which the broker may deliver an event again (its {@code offsets.retention.minutes}:
 * committed offsets of a group that consumes nothing are kept that long, 7 days by default). A service
 * without the ledger table (no db/inbox migration) has nothing to delete.
 */
@ApplicationScoped
public class LedgerRetention {

    private static final Logger LOG = Logger.getLogger(LedgerRetention.class);
    /** Never shorter than a week, whatever the broker says: a long weekend outage must stay harmless. */
    public static final Duration MINIMUM = Duration.ofDays(7);

    private final EntityManager em;
    private final Duration retention;
    private final Duration redeliveryWindow;

    LedgerRetention(EntityManager em,
                    @ConfigProperty(name = "consumer.ledger.retention", defaultValue = "P30D") Duration retention,
                    @ConfigProperty(name = "consumer.ledger.redelivery-window", defaultValue = "P7D") Duration redeliveryWindow) {
        this.em = em;
        this.retention = retention;
        this.redeliveryWindow = redeliveryWindow;
    }

    /** Refuses to start with a ledger window that a redelivery could outlast. */
    void validate(@Observes StartupEvent start) {
        check(retention, redeliveryWindow);
    }

    static void check(Duration retention, Duration redeliveryWindow) {
        if (retention.compareTo(MINIMUM) < 0 || retention.compareTo(redeliveryWindow) < 0) {
            throw new IllegalStateException("consumer.ledger.retention=" + retention + " is too short: it must be at least "
                    + MINIMUM + " and at least consumer.ledger.redelivery-window=" + redeliveryWindow
                    + ", or redelivered events would be applied twice");
        }
    }

    @Scheduled(every = "${consumer.ledger.retention-interval:1h}", delayed = "${consumer.ledger.retention-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf("Ledger retention run failed, will try on the next run: %s", e.toString());
        }
    }

    /** Deletes every ledger row older than the retention; returns how many. */
    public long purge() {
        boolean ledger = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select to_regclass('consumed_event') is not null").getSingleResult().equals(Boolean.TRUE));
        if (!ledger) {
            return 0;
        }
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        long deleted = ChunkedDelete.olderThan(em, "consumed_event", "ctid", "consumed_at < :cutoff", cutoff);
        if (deleted > 0) {
            LOG.infof("Ledger retention deleted %d consumed-event row(s) older than %s", deleted, cutoff);
        }
        return deleted;
    }
}
