package org.iepservices.reporting.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.RecordAccessed;
import org.iepservices.reporting.projection.Sql;

import java.time.OffsetDateTime;

/**
 * audit.events into the district's access trail ({@code access_record}), one row per access.
 * Idempotent twice over: the ledger skips a redelivered event, and the same access published again
 * under a new event id (an outbox relay retry) keeps the first row ({@code on conflict do nothing}):
 * the trail records what happened, never a later version of it. Deliberately not a projection
 * consumer: the trail is not rebuilt from the topic.
 */
@ApplicationScoped
public class AccessRecordConsumer extends IdempotentConsumer {

    @Inject
    Sql sql;

    @Incoming("audit-events")
    @Blocking // ordered per partition; each access commits with its ledger row
    public void onEvent(ConsumerRecord<String, String> record) {
        consume(record); // with its headers: continues the producer's trace
    }

    @Override
    protected String consumerName() {
        return "reporting.audit";
    }

    @Override
    protected void apply(EventEnvelope event) {
        if (!RecordAccessed.TYPE.name().equals(event.type())) {
            return;
        }
        RecordAccessed a = event.dataAs(RecordAccessed.TYPE, mapper);
        if (a.accessId() == null) {
            throw new IllegalArgumentException("RecordAccessed " + event.id() + " has no accessId");
        }
        OffsetDateTime at = a.at() != null ? a.at() : EventTimes.of(event);
        String actor = a.actor() != null ? a.actor() : event.subject();
        sql.update("""
                insert into access_record (access_id, actor, actor_role, action, service, resource_type, resource_id,
                    student_ids, purpose, method, path, accessed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?)
                on conflict (access_id) do nothing""",
                a.accessId(), actor, a.actorRole(), a.action(),
                a.service(), a.resourceType(), a.resourceId(), a.studentIds(), a.purpose(), a.method(), a.path(), at);
    }
}
