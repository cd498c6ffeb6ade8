package org.iepservices.backbone.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.backbone.ChunkedDelete;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes outbox rows that Kafka acknowledged longer than {@code outbox.retention.published} ago: once
 * on the topic, the row is only kept for looking into what was sent. Pending and parked rows are never
 * deleted. Deletes in chunks, each its own short transaction, so a large backlog never holds locks long.
 */
@ApplicationScoped
@IfBuildProperty(name = "outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private final EntityManager em;
    private final Duration retention;

    OutboxRetention(EntityManager em,
                    @ConfigProperty(name = "outbox.retention.published", defaultValue = "P7D") Duration retention) {
        this.em = em;
        this.retention = retention;
    }

    @Scheduled(every = "${outbox.retention.interval:1h}", delayed = "${outbox.retention.delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox retention run failed, will try on the next run: %s", e.toString());
        }
    }

    /** Deletes every published row older than the retention; returns how many. */
    public long purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        long deleted = ChunkedDelete.olderThan(em, "outbox_event", "id",
                "published_at is not null and published_at < :cutoff", cutoff);
        if (deleted > 0) {
            LOG.infof("Outbox retention deleted %d event(s) published before %s", deleted, cutoff);
        }
        return deleted;
    }
}
