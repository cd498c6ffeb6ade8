package org.iepservices.schedule.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.IepEnded;
import org.iepservices.events.ServiceProfileUpdated;
import org.iepservices.schedule.domain.iep.Goal;
import org.iepservices.schedule.domain.iep.Iep;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.iep.MandateConstraint;
import org.iepservices.schedule.domain.iep.ServiceProfile;
import org.iepservices.schedule.service.MandateSuccession;
import org.iepservices.schedule.service.SeriesEnding;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.iepservices.schedule.events.RosterEventsConsumer.required;

/**
 * Keeps the mandates in force (with goals and constraints) and service profiles from iep.events,
 * each event exactly once. History is kept: a superseded version's mandates stop the day before
 * the new version takes effect; an ended IEP's mandates stop on the day it ended. Whichever of a
 * version and its successor arrives first, the clipping is the same.
 */
@ApplicationScoped
public class IepEventsConsumer extends IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IepEventsConsumer.class);

    @Inject
    SeriesEnding series;

    @Inject
    MandateSuccession succession;

    @Incoming("iep-events")
    @Blocking // ordered: one student's IEP versions are applied in partition order
    public void onEvent(ConsumerRecord<String, String> record) {
        consume(record); // with its headers: continues the producer's trace
    }

    @Override
    protected String consumerName() {
        return "schedule.mandates";
    }

    @Override
    protected void apply(EventEnvelope event) {
        String type = event.type();
        if (IepActivated.TYPE.name().equals(type)) {
            IepActivated e = event.dataAs(IepActivated.TYPE, mapper);
            version(e.iepId(), e.studentId(), e.supersedesIepId(), e.effectiveFrom(), e.endDate(), e.mandates(),
                    e.goals());
        } else if (IepAmended.TYPE.name().equals(type)) {
            IepAmended e = event.dataAs(IepAmended.TYPE, mapper);
            version(e.iepId(), e.studentId(), e.amendsIepId(), e.effectiveFrom(), e.endDate(), e.mandates(),
                    e.goals());
        } else if (IepEnded.TYPE.name().equals(type)) {
            ended(event.dataAs(IepEnded.TYPE, mapper));
        } else if (ServiceProfileUpdated.TYPE.name().equals(type)) {
            profile(event.dataAs(ServiceProfileUpdated.TYPE, mapper));
        } else {
            LOG.debugf("Event type %s is not part of the mandate copy; recorded and skipped", type);
        }
    }

    private void version(UUID iepId, UUID studentId, UUID supersedes, LocalDate effectiveFrom, LocalDate endDate,
                         List<IepActivated.Mandate> mandates, List<IepActivated.Goal> goals) {
        required(iepId, "iepId");
        required(studentId, "studentId");
        if (effectiveFrom == null) {
            throw new IllegalArgumentException("event data lacks effectiveFrom");
        }
        Iep iep = iep(iepId, studentId);
        iep.effectiveFrom = effectiveFrom;
        iep.endDate = endDate;
        iep.supersedesId = supersedes;
        iep.received = true;
        iep.persist();
        if (supersedes != null) {
            Iep previous = iep(supersedes, studentId);
            if (previous.supersededFrom == null || effectiveFrom.isBefore(previous.supersededFrom)) {
                previous.supersededFrom = effectiveFrom;
            }
            previous.persist();
            clip(previous);
        }
        Set<UUID> sent = mandates.stream().map(m -> required(m.mandateId(), "mandates[].mandateId"))
                .collect(Collectors.toSet());
        // A version's mandates are its full set: one it no longer lists is dropped.
        Mandate.<Mandate>list("iepId", iepId).stream().filter(m -> !sent.contains(m.id)).forEach(Mandate::delete);
        for (IepActivated.Mandate m : mandates) {
            mandate(iep, m);
        }
        Goal.delete("iepId", iepId);
        for (IepActivated.Goal g : goals) {
            goal(iep, g);
        }
        clip(iep);
        Mandate.flush();
        // Series serving a mandate this version continues serve the new one from its start.
        succession.versionReceived(iepId);
    }

    private void mandate(Iep iep, IepActivated.Mandate m) {
        Mandate row = Mandate.<Mandate>findByIdOptional(m.mandateId()).orElseGet(Mandate::new);
        row.id = m.mandateId();
        row.iepId = iep.id;
        row.studentId = iep.studentId;
        row.continuesMandateId = m.continuesMandateId();
        if (m.serviceType() == null) {
            throw new IllegalArgumentException("mandate " + m.mandateId() + " lacks serviceType");
        }
        row.serviceType = m.serviceType();
        row.providerDiscipline = m.providerDiscipline();
        row.providerId = m.providerId();
        row.sessionsPerInterval = m.sessionsPerInterval();
        row.minutesPerSession = m.minutesPerSession();
        row.interval = m.interval() == null ? "WEEK" : m.interval();
        row.pushInSessions = m.pushInSessions();
        row.pullOutSessions = m.pullOutSessions();
        row.delivery = m.delivery();
        row.maxGroupSize = m.maxGroupSize();
        row.startDate = m.startDate() != null ? m.startDate() : iep.effectiveFrom;
        row.endDate = m.endDate() != null ? m.endDate() : iep.endDate != null ? iep.endDate : row.startDate.plusYears(1);
        row.effectiveEnd = row.endDate;
        row.pushInLocation = m.pushInLocation();
        row.pullOutLocation = m.pullOutLocation();
        row.constraints.clear();
        m.constraints().forEach(c -> row.constraints.add(new MandateConstraint(c.kind(), c.subject(), c.note())));
        row.updatedAt = now();
        row.persist();
    }

    private void goal(Iep iep, IepActivated.Goal g) {
        Goal row = new Goal();
        row.id = g.goalId() != null ? g.goalId() : UUID.randomUUID();
        row.iepId = iep.id;
        row.studentId = iep.studentId;
        row.area = g.area();
        row.description = g.description();
        row.baseline = g.baseline();
        row.target = g.target();
        row.targetPercent = g.targetPercent();
        row.measurementMethod = g.measurementMethod();
        row.skillStage = g.skillStage();
        row.serviceType = g.serviceType();
        row.persist();
    }

    /** The IEP stops early: its mandates end that day, and its students leave the series serving them. */
    private void ended(IepEnded e) {
        required(e.iepId(), "iepId");
        if (e.endedOn() == null) {
            throw new IllegalArgumentException("event data lacks endedOn");
        }
        Iep iep = iep(e.iepId(), e.studentId());
        iep.endedOn = e.endedOn();
        iep.endReason = e.reason();
        iep.persist();
        clip(iep);
        Set<UUID> mandates = Mandate.<Mandate>list("iepId", e.iepId()).stream().map(m -> m.id)
                .collect(Collectors.toSet());
        if (!mandates.isEmpty()) {
            series.endMembershipsOfMandates(mandates, e.endedOn().plusDays(1), "IEP_ENDED");
        }
    }

    private void profile(ServiceProfileUpdated e) {
        ServiceProfile row = ServiceProfile.<ServiceProfile>findByIdOptional(required(e.studentId(), "studentId"))
                .orElseGet(ServiceProfile::new);
        row.studentId = e.studentId();
        row.regulationSupport = e.regulationSupport();
        row.needsQuietSetting = e.needsQuietSetting();
        row.updatedAt = now();
        row.persist();
    }

    /** The IEP version's row, created as a placeholder when only referenced so far. */
    private Iep iep(UUID id, UUID studentId) {
        Iep iep = Iep.<Iep>findByIdOptional(id).orElseGet(() -> {
            Iep created = new Iep();
            created.id = id;
            created.received = false;
            return created;
        });
        if (iep.studentId == null) {
            iep.studentId = studentId;
        }
        iep.updatedAt = now();
        return iep;
    }

    /** Recomputes the end in force of the version's mandates from its supersession and early end. */
    private void clip(Iep iep) {
        for (Mandate m : Mandate.<Mandate>list("iepId", iep.id)) {
            LocalDate end = m.endDate;
            if (iep.supersededFrom != null && iep.supersededFrom.minusDays(1).isBefore(end)) {
                end = iep.supersededFrom.minusDays(1);
            }
            if (iep.endedOn != null && iep.endedOn.isBefore(end)) {
                end = iep.endedOn;
            }
            m.effectiveEnd = end;
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
