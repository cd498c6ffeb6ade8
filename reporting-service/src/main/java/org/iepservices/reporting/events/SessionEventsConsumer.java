package org.iepservices.reporting.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionAmended;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;
import org.iepservices.reporting.domain.DeliveredSession;
import org.iepservices.reporting.domain.MissedSession;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Projects session.events into delivered (and amended) and missed minutes, each event exactly once. */
@ApplicationScoped
public class SessionEventsConsumer extends IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);

    @Incoming("session-events")
    @Blocking // ordered: one student's events are applied in partition order
    public void onEvent(String record) {
        consume(record);
    }

    @Override
    protected String consumerName() {
        return "reporting.delivered-minutes";
    }

    @Override
    protected void apply(EventEnvelope event) {
        if (SessionCompleted.TYPE.name().equals(event.type())) {
            delivered(event.id(), event.dataAs(SessionCompleted.TYPE, mapper));
        } else if (SessionAmended.TYPE.name().equals(event.type())) {
            amended(event.id(), event.dataAs(SessionAmended.TYPE, mapper));
        } else if (SessionMissed.TYPE.name().equals(event.type())) {
            missed(event.id(), event.dataAs(SessionMissed.TYPE, mapper));
        } else {
            LOG.debugf("Event type %s is not part of this projection; recorded and skipped", event.type());
        }
    }

    private void delivered(UUID eventId, SessionCompleted data) {
        upsert(eventId, data.sessionLogId(), data.studentId(), data.mandateId(), data.providerId(), data.setting(),
                data.sessionDate(), data.minutes(), data.makeupFor());
    }

    /** An addendum replaces the student's minutes for that log; 0 minutes removes the delivery. */
    private void amended(UUID eventId, SessionAmended data) {
        if (data.minutes() == 0) {
            DeliveredSession.deleteById(new DeliveredSession.Key(data.sessionLogId(), data.studentId()));
            return;
        }
        upsert(eventId, data.sessionLogId(), data.studentId(), data.mandateId(), data.providerId(), data.setting(),
                data.sessionDate(), data.minutes(), data.makeupFor());
    }

    private void upsert(UUID eventId, UUID sessionLogId, UUID studentId, UUID mandateId, UUID providerId,
                        ServiceSetting setting, LocalDate date, int minutes, List<SessionCompleted.Repayment> makeups) {
        DeliveredSession.Key key = new DeliveredSession.Key(sessionLogId, studentId);
        DeliveredSession row = DeliveredSession.<DeliveredSession>findByIdOptional(key).orElseGet(() -> {
            DeliveredSession created = new DeliveredSession();
            created.key = key;
            return created;
        });
        row.mandateId = mandateId;
        row.providerId = providerId;
        row.setting = setting;
        row.sessionDate = date;
        row.minutes = minutes;
        row.repayments.clear();
        makeups.forEach(r -> row.repayments.add(new DeliveredSession.Repayment(r.missId(), r.minutes())));
        row.eventId = eventId;
        row.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.persist();
    }

    private void missed(UUID eventId, SessionMissed data) {
        MissedSession row = MissedSession.<MissedSession>findByIdOptional(data.missId()).orElseGet(MissedSession::new);
        row.missId = data.missId();
        row.studentId = data.studentId();
        row.mandateId = data.mandateId();
        row.providerId = data.providerId();
        row.setting = data.setting();
        row.sessionDate = data.sessionDate();
        row.minutes = data.minutes();
        row.reason = data.reason();
        row.owed = data.owed();
        row.eventId = eventId;
        row.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.persist();
    }
}
