package org.iepservices.reporting.progress.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.IepEnded;
import org.iepservices.reporting.progress.projection.ProgressGoal;
import org.iepservices.reporting.progress.projection.ProgressIep;
import org.iepservices.reporting.progress.projection.ProgressMandate;
import org.iepservices.reporting.progress.projection.ProgressProjection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * IEP versions with their goals and mandates from iep.events. A version is stored as stated and
 * never edited by another version's event: which one is current, and when a superseded one's
 * mandates stop, is decided when reading, so versions may arrive in any order.
 */
@ApplicationScoped
public class ProgressIepConsumer extends IdempotentConsumer {

    @Incoming("progress-iep-events")
    @Blocking
    public void onEvent(String record) {
        consume(record);
    }

    @Override
    protected String consumerName() {
        return ProgressProjection.IEP.consumerName();
    }

    @Override
    protected void apply(EventEnvelope event) {
        OffsetDateTime time = EventTime.of(event);
        if (IepActivated.TYPE.name().equals(event.type())) {
            IepActivated iep = event.dataAs(IepActivated.TYPE, mapper);
            version(iep.iepId(), iep.studentId(), iep.supersedesIepId(), iep.effectiveFrom(), iep.endDate(),
                    iep.mandates(), iep.goals(), time);
        } else if (IepAmended.TYPE.name().equals(event.type())) {
            IepAmended iep = event.dataAs(IepAmended.TYPE, mapper);
            version(iep.iepId(), iep.studentId(), iep.amendsIepId(), iep.effectiveFrom(), iep.endDate(),
                    iep.mandates(), iep.goals(), time);
        } else if (IepEnded.TYPE.name().equals(event.type())) {
            IepEnded ended = event.dataAs(IepEnded.TYPE, mapper);
            ProgressIep row = ProgressIep.<ProgressIep>findByIdOptional(ended.iepId()).orElseGet(ProgressIep::new);
            row.iepId = ended.iepId();
            row.studentId = ended.studentId();
            row.endedOn = ended.endedOn();
            row.persist();
        }
    }

    private void version(UUID iepId, UUID studentId, UUID supersedes, LocalDate effectiveFrom, LocalDate endDate,
                         List<IepActivated.Mandate> mandates, List<IepActivated.Goal> goals, OffsetDateTime time) {
        ProgressIep row = ProgressIep.<ProgressIep>findByIdOptional(iepId).orElseGet(ProgressIep::new);
        if (EventTime.isStale(time, row.eventTime)) {
            return; // an older statement of the same version
        }
        row.iepId = iepId;
        row.studentId = studentId;
        row.supersedesIepId = supersedes;
        row.effectiveFrom = effectiveFrom;
        row.endDate = endDate;
        row.eventTime = time;
        row.persist();

        ProgressGoal.delete("key.iepId", iepId);
        for (int i = 0; i < goals.size(); i++) {
            IepActivated.Goal g = goals.get(i);
            ProgressGoal goal = new ProgressGoal();
            goal.key = new ProgressGoal.Key(iepId, g.goalId());
            goal.studentId = studentId;
            goal.position = i;
            goal.area = g.area();
            goal.description = g.description();
            goal.baseline = g.baseline();
            goal.target = g.target();
            goal.targetPercent = g.targetPercent();
            goal.measurementMethod = g.measurementMethod();
            goal.skillStage = g.skillStage();
            goal.serviceType = g.serviceType();
            goal.persist();
        }

        ProgressMandate.delete("iepId", iepId);
        for (IepActivated.Mandate m : mandates) {
            ProgressMandate mandate = ProgressMandate.<ProgressMandate>findByIdOptional(m.mandateId())
                    .orElseGet(ProgressMandate::new);
            mandate.mandateId = m.mandateId();
            mandate.iepId = iepId;
            mandate.studentId = studentId;
            mandate.serviceType = m.serviceType();
            mandate.providerDiscipline = m.providerDiscipline();
            mandate.providerId = m.providerId();
            mandate.sessionsPerInterval = m.sessionsPerInterval();
            mandate.minutesPerSession = m.minutesPerSession();
            mandate.interval = m.interval();
            mandate.pushInSessions = m.pushInSessions();
            mandate.pullOutSessions = m.pullOutSessions();
            mandate.startDate = m.startDate();
            mandate.endDate = m.endDate();
            mandate.persist();
        }
    }
}
