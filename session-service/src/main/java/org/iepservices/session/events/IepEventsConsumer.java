package org.iepservices.session.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.iepservices.backbone.inbox.IdempotentConsumer;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.IepEnded;
import org.iepservices.events.ServiceProfileUpdated;
import org.iepservices.session.domain.copy.KnownGoal;
import org.iepservices.session.domain.copy.KnownIep;
import org.iepservices.session.domain.copy.KnownMandate;
import org.iepservices.session.domain.copy.ServiceProfile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the IEP versions with their mandates and goals (IepActivated, IepAmended, IepEnded) and the
 * students' service profiles (Medicaid id, diagnoses, consent) from iep.events, each event exactly
 * once. Versions are never overwritten: a later version only marks the earlier one superseded from
 * its effective date, so a log for an earlier day is still checked against the mandate then in force.
 */
@ApplicationScoped
public class IepEventsConsumer extends IdempotentConsumer {

    @Incoming("iep-events")
    @Blocking // ordered: one student's IEP versions are applied in partition order
    public void onEvent(ConsumerRecord<String, String> record) {
        consume(record); // with its headers: continues the producer's trace
    }

    @Override
    protected String consumerName() {
        return "session.iep";
    }

    @Override
    protected void apply(EventEnvelope event) {
        if (IepActivated.TYPE.name().equals(event.type())) {
            IepActivated iep = event.dataAs(IepActivated.TYPE, mapper);
            version(iep.iepId(), iep.studentId(), iep.supersedesIepId(), iep.effectiveFrom(), iep.endDate(),
                    iep.mandates(), iep.goals());
        } else if (IepAmended.TYPE.name().equals(event.type())) {
            IepAmended iep = event.dataAs(IepAmended.TYPE, mapper);
            version(iep.iepId(), iep.studentId(), iep.amendsIepId(), iep.effectiveFrom(), iep.endDate(),
                    iep.mandates(), iep.goals());
        } else if (IepEnded.TYPE.name().equals(event.type())) {
            ended(event.dataAs(IepEnded.TYPE, mapper));
        } else if (ServiceProfileUpdated.TYPE.name().equals(event.type())) {
            profile(event.dataAs(ServiceProfileUpdated.TYPE, mapper));
        }
    }

    private void version(UUID iepId, UUID studentId, UUID supersedes, LocalDate effectiveFrom, LocalDate endDate,
                         List<IepActivated.Mandate> mandates, List<IepActivated.Goal> goals) {
        Copies.require(iepId, "iepId");
        Copies.require(studentId, "studentId");
        Copies.require(effectiveFrom, "effectiveFrom");
        // A placeholder may exist (an amendment or IepEnded arrived first): its marks are kept.
        KnownIep iep = KnownIep.findOrPlaceholder(iepId, studentId);
        iep.effectiveFrom = effectiveFrom;
        iep.endDate = endDate;
        iep.updatedAt = now();
        iep.persist();
        if (supersedes != null) {
            KnownIep previous = KnownIep.findOrPlaceholder(supersedes, studentId);
            if (previous.supersededFrom == null || previous.supersededFrom.isAfter(effectiveFrom)) {
                previous.supersededFrom = effectiveFrom;
            }
            previous.updatedAt = now();
            previous.persist();
        }
        for (IepActivated.Mandate m : mandates) {
            Copies.require(m.mandateId(), "mandates[].mandateId");
            KnownMandate row = KnownMandate.<KnownMandate>findByIdOptional(m.mandateId()).orElseGet(KnownMandate::new);
            row.mandateId = m.mandateId();
            row.iepId = iepId;
            row.studentId = studentId;
            row.continuesMandateId = m.continuesMandateId();
            row.serviceType = m.serviceType() == null ? "UNKNOWN" : m.serviceType();
            row.providerDiscipline = m.providerDiscipline();
            row.providerId = m.providerId();
            row.sessionsPerInterval = m.sessionsPerInterval();
            row.minutesPerSession = m.minutesPerSession();
            row.interval = m.interval();
            row.pushInSessions = m.pushInSessions();
            row.pullOutSessions = m.pullOutSessions();
            row.delivery = m.delivery();
            row.maxGroupSize = m.maxGroupSize();
            row.startDate = m.startDate();
            row.endDate = m.endDate();
            row.persist();
        }
        for (IepActivated.Goal g : goals) {
            Copies.require(g.goalId(), "goals[].goalId");
            KnownGoal row = KnownGoal.<KnownGoal>findByIdOptional(g.goalId()).orElseGet(KnownGoal::new);
            row.goalId = g.goalId();
            row.iepId = iepId;
            row.studentId = studentId;
            row.area = g.area();
            row.description = g.description();
            row.measurementMethod = g.measurementMethod();
            row.skillStage = g.skillStage();
            row.serviceType = g.serviceType();
            row.targetPercent = g.targetPercent();
            row.direction = g.direction();
            row.targetValue = g.targetValue();
            row.durationUnit = g.durationUnit();
            row.scaleMin = g.scaleMin();
            row.scaleMax = g.scaleMax();
            row.persist();
        }
    }

    private void ended(IepEnded data) {
        Copies.require(data.iepId(), "iepId");
        Copies.require(data.studentId(), "studentId");
        KnownIep iep = KnownIep.findOrPlaceholder(data.iepId(), data.studentId());
        iep.endedOn = data.endedOn();
        iep.updatedAt = now();
        iep.persist();
    }

    private void profile(ServiceProfileUpdated data) {
        Copies.require(data.studentId(), "studentId");
        ServiceProfile profile = ServiceProfile.<ServiceProfile>findByIdOptional(data.studentId())
                .orElseGet(() -> {
                    ServiceProfile created = new ServiceProfile();
                    created.studentId = data.studentId();
                    return created;
                });
        profile.medicaidId = data.medicaidId();
        profile.diagnosisCodes = new ArrayList<>(data.diagnosisCodes().stream()
                .filter(c -> c != null && !c.isBlank()).map(String::trim).toList());
        profile.billingConsent = data.billingConsentOnFile();
        profile.billingConsentDate = data.billingConsentDate();
        profile.updatedAt = now();
        profile.persist();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
