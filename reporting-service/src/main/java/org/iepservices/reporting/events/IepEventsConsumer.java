package org.iepservices.reporting.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.reporting.domain.Mandate;

/** Keeps the mandates in force from iep.events, each event exactly once. */
@ApplicationScoped
public class IepEventsConsumer extends IdempotentConsumer {

    @Incoming("iep-events")
    @Blocking // ordered: one student's IEP versions are applied in partition order
    public void onEvent(String record) {
        consume(record);
    }

    @Override
    protected String consumerName() {
        return "reporting.mandates";
    }

    @Override
    protected void apply(EventEnvelope event) {
        if (!IepActivated.TYPE.name().equals(event.type())) {
            return;
        }
        IepActivated iep = event.dataAs(IepActivated.TYPE, mapper);
        if (iep.supersedesIepId() != null) {
            // History is kept: the old mandates simply stop the day before the new IEP takes effect.
            Mandate.update("endDate = ?1 where iepId = ?2 and endDate >= ?3",
                    iep.effectiveFrom().minusDays(1), iep.supersedesIepId(), iep.effectiveFrom());
        }
        for (IepActivated.Mandate m : iep.mandates()) {
            Mandate row = Mandate.<Mandate>findByIdOptional(m.mandateId()).orElseGet(Mandate::new);
            row.mandateId = m.mandateId();
            row.iepId = iep.iepId();
            row.studentId = iep.studentId();
            row.serviceType = m.serviceType();
            row.sessionsPerInterval = m.sessionsPerInterval();
            row.minutesPerSession = m.minutesPerSession();
            row.interval = m.interval();
            row.pushInSessions = m.pushInSessions();
            row.pullOutSessions = m.pullOutSessions();
            row.startDate = m.startDate();
            row.endDate = m.endDate();
            row.eventId = event.id();
            row.persist();
        }
    }
}
