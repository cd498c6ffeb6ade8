package org.iepservices.reporting.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.ConsumerRetry;
import org.iepservices.events.ComplianceStatusChanged;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.RosterImportCompleted;
import org.iepservices.reporting.projection.Sql;
import org.iepservices.webhooks.domain.WebhookEventTypes;
import org.iepservices.webhooks.service.WebhookFanOut;

import java.util.UUID;

/**
 * Hands the subscribable events of session.events, iep.events, roster.events and reporting.events to the
 * webhooks module (consumer group {@code reporting-webhooks}, its own offsets: a slow receiver or a rebuild never
 * holds the projections back, and the other way round). The event's district decides who receives it: the one in
 * the payload (ComplianceStatusChanged, RosterImportCompleted), else the district of the student's school as the
 * compliance projection knows it. Idempotent without a ledger: the webhook message id is the event id and a
 * subscription gets a message once. Transient database failures are retried (ConsumerRetry); a record that is
 * no CloudEvent goes to reporting.dlq.
 */
@ApplicationScoped
public class WebhookEventsConsumer {

    private final WebhookFanOut fanOut;
    private final Sql sql;
    private final ObjectMapper mapper;
    private final ConsumerRetry retry;

    WebhookEventsConsumer(WebhookFanOut fanOut, Sql sql, ObjectMapper mapper, ConsumerRetry retry) {
        this.fanOut = fanOut;
        this.sql = sql;
        this.mapper = mapper;
        this.retry = retry;
    }

    @Incoming("webhooks-session-events")
    @Blocking
    public void session(String json) {
        offer(json);
    }

    @Incoming("webhooks-iep-events")
    @Blocking
    public void iep(String json) {
        offer(json);
    }

    @Incoming("webhooks-roster-events")
    @Blocking
    public void roster(String json) {
        offer(json);
    }

    @Incoming("webhooks-reporting-events")
    @Blocking
    public void reporting(String json) {
        offer(json);
    }

    /** Queues the deliveries of one record; returns how many. */
    int offer(String json) {
        EventEnvelope event;
        try {
            event = mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a CloudEvents envelope: " + e.getMessage(), e);
        }
        if (!WebhookEventTypes.subscribable(event.type())) {
            return 0; // most events: nothing to do, no database work
        }
        return retry.call("webhooks offering " + event.id(),
                () -> QuarkusTransaction.requiringNew().call(() -> fanOut.offer(event, district(event))));
    }

    private UUID district(EventEnvelope event) {
        if (ComplianceStatusChanged.TYPE.name().equals(event.type())
                || RosterImportCompleted.TYPE.name().equals(event.type())) {
            JsonNode d = event.data() == null ? null : event.data().get("districtId");
            return d == null || d.isNull() ? null : UUID.fromString(d.asText());
        }
        JsonNode student = event.data() == null ? null : event.data().get("studentId");
        if (student == null || student.isNull()) {
            return null;
        }
        return sql.one("""
                        select sc.district_id from student st join school sc on sc.school_id = st.school_id
                        where st.student_id = ?""", rs -> rs.uuid("district_id"), UUID.fromString(student.asText()))
                .orElse(null);
    }
}
