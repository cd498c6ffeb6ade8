package org.iepservices.webhooks.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.iepservices.events.EventEnvelope;
import org.iepservices.webhooks.domain.WebhookEventTypes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Where the host service hands events over: {@link #offer} turns an event into a webhook message (its public
 * fields only) and queues one delivery per active subscription of the event's district to its type, in the
 * caller's transaction. Offering the same event again queues nothing new (the message id is the event id and a
 * subscription gets a message once), so a redelivered Kafka record is harmless.
 */
@ApplicationScoped
public class WebhookFanOut {

    /** Fired once per transaction that queued deliveries; the dispatcher sends after the commit. */
    public record Queued() {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Event<Queued> queued;
    private final Counter unrouted;

    WebhookFanOut(EntityManager em, ObjectMapper mapper, Event<Queued> queued, MeterRegistry registry) {
        this.em = em;
        this.mapper = mapper;
        this.queued = queued;
        this.unrouted = Counter.builder("webhooks.events.without.district")
                .description("WebhookEventType events whose district the host did not know: delivered only to subscriptions without a district")
                .register(registry);
    }

    /**
     * Queues {@code event} for the subscriptions of {@code districtId} (null: the host does not know the
     * district; only district-less subscriptions of a single-district deployment get it). Returns the number of
     * deliveries queued. A type nobody may subscribe to queues nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int offer(EventEnvelope event, UUID districtId) {
        if (!WebhookEventTypes.subscribable(event.type())) {
            return 0;
        }
        if (districtId == null) {
            unrouted.increment();
        }
        // A subscription with no district (single-district deployment) receives every district's events.
        Number subscribers = (Number) em.createNativeQuery("""
                        select count(*) from webhook_subscription
                        where active and (district_id = cast(nullif(:d, '') as uuid) or district_id is null)
                          and :type = any(string_to_array(event_types, ','))""")
                .setParameter("d", districtId == null ? "" : districtId.toString()).setParameter("type", event.type()).getSingleResult();
        if (subscribers.intValue() == 0) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.createNativeQuery("""
                        insert into webhook_message (id, event_type, district_id, body, created_at)
                        values (:id, :type, cast(nullif(:d, '') as uuid), :body, :now) on conflict (id) do nothing""")
                .setParameter("id", event.id()).setParameter("type", event.type()).setParameter("d", districtId == null ? "" : districtId.toString())
                .setParameter("body", body(event)).setParameter("now", now).executeUpdate();
        int deliveries = em.createNativeQuery("""
                        insert into webhook_delivery (id, subscription_id, message_id, status, next_attempt_at, created_at)
                        select gen_random_uuid(), s.id, :message, 'PENDING', :now, :now from webhook_subscription s
                        where s.active and (s.district_id = cast(nullif(:d, '') as uuid) or s.district_id is null)
                          and :type = any(string_to_array(s.event_types, ','))
                        on conflict (subscription_id, message_id) do nothing""")
                .setParameter("message", event.id()).setParameter("now", now).setParameter("d", districtId == null ? "" : districtId.toString())
                .setParameter("type", event.type()).executeUpdate();
        if (deliveries > 0) {
            queued.fire(new Queued());
        }
        return deliveries;
    }

    /** The CloudEvent a webhook carries: the envelope's attributes and the public fields of its data. */
    String body(EventEnvelope event) {
        ObjectNode data = WebhookEventTypes.publicData(event.type(), event.data(), mapper.getNodeFactory());
        // No dataschema: the data is a subset of the internal schema's, and a receiver must not validate against it.
        EventEnvelope sent = new EventEnvelope(event.id(), event.source(), event.type(), EventEnvelope.SPEC_VERSION,
                event.time(), event.subject(), EventEnvelope.CONTENT_TYPE, null, null, data);
        try {
            return mapper.writeValueAsString(sent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook message of event " + event.id() + " cannot be written", e);
        }
    }
}
