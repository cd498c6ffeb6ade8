package org.iepservices.webhooks.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.problem.ProblemException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The delivery log of a subscription, redelivery, and the retention of finished deliveries. */
@ApplicationScoped
public class WebhookDeliveries {

    public record DeliveryAttempt(int attempt, OffsetDateTime attemptedAt, Integer statusCode, String error, int durationMs) {
    }

    public record WebhookDelivery(UUID id, UUID eventId, String eventType, String status, int attempts,
                           OffsetDateTime nextAttemptAt, Integer lastStatusCode, String lastError,
                           OffsetDateTime createdAt, OffsetDateTime deliveredAt, List<DeliveryAttempt> attemptLog) {
    }

    public record DeliveryPage(List<WebhookDelivery> deliveries, long total) {
    }

    public static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "FAILED");

    private final EntityManager em;
    private final WebhookSubscriptions subscriptions;
    private final Duration retention;

    WebhookDeliveries(EntityManager em, WebhookSubscriptions subscriptions,
                      @ConfigProperty(name = "webhooks.retention", defaultValue = "P30D") Duration retention) {
        this.em = em;
        this.subscriptions = subscriptions;
        this.retention = retention;
    }

    /** Newest first, each with its attempts; {@code status} null for all. */
    @Transactional
    public DeliveryPage list(UUID district, UUID subscriptionId, String status, int limit, int offset) {
        subscriptions.require(district, subscriptionId);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "one of " + STATUSES);
        }
        String filter = status == null ? "" : " and d.status = :status";
        var count = em.createNativeQuery("select count(*) from webhook_delivery d where d.subscription_id = :s" + filter)
                .setParameter("s", subscriptionId);
        var select = em.createNativeQuery("""
                        select d.id, d.message_id, m.event_type, d.status, d.attempts, d.next_attempt_at,
                               d.last_status_code, d.last_error, d.created_at, d.delivered_at
                        from webhook_delivery d join webhook_message m on m.id = d.message_id
                        where d.subscription_id = :s""" + filter + " order by d.created_at desc, d.id limit :limit offset :offset")
                .setParameter("s", subscriptionId).setParameter("limit", limit).setParameter("offset", offset);
        if (status != null) {
            count.setParameter("status", status);
            select.setParameter("status", status);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return new DeliveryPage(withAttempts(rows), total);
    }

    @Transactional
    public WebhookDelivery get(UUID district, UUID subscriptionId, UUID deliveryId) {
        subscriptions.require(district, subscriptionId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select d.id, d.message_id, m.event_type, d.status, d.attempts, d.next_attempt_at,
                               d.last_status_code, d.last_error, d.created_at, d.delivered_at
                        from webhook_delivery d join webhook_message m on m.id = d.message_id
                        where d.subscription_id = :s and d.id = :id""")
                .setParameter("s", subscriptionId).setParameter("id", deliveryId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Webhook delivery", deliveryId);
        }
        return withAttempts(rows).get(0);
    }

    /**
     * Sends the message again, now, with the same {@code webhook-id} (a receiver that had it skips it) and a full
     * set of attempts: a FAILED or DELIVERED delivery becomes PENDING, a PENDING one is due at once.
     */
    @Transactional
    public WebhookDelivery redeliver(UUID district, UUID subscriptionId, UUID deliveryId) {
        get(district, subscriptionId, deliveryId);
        em.createNativeQuery("""
                        update webhook_delivery set status = 'PENDING', round_attempts = 0, next_attempt_at = now(),
                            delivered_at = null where id = :id""")
                .setParameter("id", deliveryId).executeUpdate();
        return get(district, subscriptionId, deliveryId);
    }

    /** Deletes finished deliveries (with their attempts) older than {@code webhooks.retention}, then unused messages. */
    @Scheduled(every = "${webhooks.retention-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void retention() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        em.createNativeQuery("delete from webhook_delivery where status <> 'PENDING' and created_at < :before")
                .setParameter("before", before).executeUpdate();
        em.createNativeQuery("""
                        delete from webhook_message m where m.created_at < :before
                          and not exists (select 1 from webhook_delivery d where d.message_id = m.id)""")
                .setParameter("before", before).executeUpdate();
    }

    private List<WebhookDelivery> withAttempts(List<Object[]> rows) {
        Map<UUID, List<DeliveryAttempt>> attempts = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Object[] r : rows) {
            ids.add(Rows.uuid(r[0]));
            attempts.put(Rows.uuid(r[0]), new ArrayList<>());
        }
        if (!ids.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> log = em.createNativeQuery("""
                            select delivery_id, attempt, attempted_at, status_code, error, duration_ms from webhook_attempt
                            where delivery_id in (:ids) order by delivery_id, attempt""")
                    .setParameter("ids", ids).getResultList();
            for (Object[] a : log) {
                attempts.get(Rows.uuid(a[0])).add(new DeliveryAttempt(Rows.integer(a[1]), Rows.time(a[2]), Rows.integer(a[3]),
                        Rows.string(a[4]), Rows.integer(a[5])));
            }
        }
        List<WebhookDelivery> out = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = Rows.uuid(r[0]);
            out.add(new WebhookDelivery(id, Rows.uuid(r[1]), Rows.string(r[2]), Rows.string(r[3]), Rows.integer(r[4]),
                    Rows.time(r[5]), Rows.integer(r[6]), Rows.string(r[7]), Rows.time(r[8]), Rows.time(r[9]),
                    attempts.get(id)));
        }
        return out;
    }
}
