package org.iepservices.reporting.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.IepEnded;
import org.iepservices.events.Topics;
import org.iepservices.reporting.service.ComplianceProjector;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * iep.events: every IEP version (activation or amendment) with its mandates as stated, and IEP
 * endings (goals are the progress IEP consumer's). History is never overwritten: a version superseded from a date keeps
 * its rows and simply stops the day before (derived by {@link ComplianceProjector}).
 */
@ApplicationScoped
public class IepEventsConsumer extends ComplianceConsumer {

    public IepEventsConsumer() {
        super("compliance.iep", Topics.IEP);
    }

    @Incoming("compliance-iep-events")
    @Blocking // ordered: batches of one partition are applied in order
    public void onBatch(ConsumerRecords<String, String> records) {
        consumeBatch(records);
    }

    @Override
    protected void apply(EventEnvelope event) {
        switch (event.type()) {
            case "IepActivated" -> {
                IepActivated iep = event.dataAs(IepActivated.TYPE, mapper);
                version(event, iep.iepId(), iep.studentId(), iep.supersedesIepId(), iep.effectiveFrom(),
                        iep.endDate(), "ACTIVATED", iep.mandates());
            }
            case "IepAmended" -> {
                IepAmended iep = event.dataAs(IepAmended.TYPE, mapper);
                version(event, iep.iepId(), iep.studentId(), iep.amendsIepId(), iep.effectiveFrom(), iep.endDate(),
                        "AMENDED", iep.mandates());
            }
            case "IepEnded" -> ended(event, event.dataAs(IepEnded.TYPE, mapper));
            default -> {
                // service profiles do not change compliance
            }
        }
    }

    private void version(EventEnvelope event, UUID iepId, UUID studentId, UUID supersedes, LocalDate effectiveFrom,
                         LocalDate endDate, String kind, List<IepActivated.Mandate> mandates) {
        if (iepId == null || studentId == null || effectiveFrom == null) {
            throw new IllegalArgumentException("IEP event " + event.id() + " lacks iepId, studentId or effectiveFrom");
        }
        OffsetDateTime time = EventTimes.of(event);
        sql.update("""
                insert into iep_version (iep_id, student_id, supersedes_iep_id, effective_from, end_date, kind,
                    event_time)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (iep_id) do update set supersedes_iep_id = excluded.supersedes_iep_id,
                    effective_from = excluded.effective_from, end_date = excluded.end_date, kind = excluded.kind,
                    event_time = excluded.event_time
                where iep_version.event_time <= excluded.event_time""",
                iepId, studentId, supersedes, effectiveFrom, endDate, kind, time);
        for (IepActivated.Mandate m : mandates) {
            sql.update("""
                    insert into mandate (mandate_id, iep_id, student_id, service_type, sessions_per_interval,
                        minutes_per_session, interval_unit, push_in_sessions, pull_out_sessions, start_date, end_date,
                        event_id, continues_mandate_id, provider_id, provider_discipline, delivery, event_time)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (mandate_id) do update set iep_id = excluded.iep_id,
                        student_id = excluded.student_id, service_type = excluded.service_type,
                        sessions_per_interval = excluded.sessions_per_interval,
                        minutes_per_session = excluded.minutes_per_session, interval_unit = excluded.interval_unit,
                        push_in_sessions = excluded.push_in_sessions, pull_out_sessions = excluded.pull_out_sessions,
                        start_date = excluded.start_date, end_date = excluded.end_date, event_id = excluded.event_id,
                        continues_mandate_id = excluded.continues_mandate_id, provider_id = excluded.provider_id,
                        provider_discipline = excluded.provider_discipline, delivery = excluded.delivery,
                        event_time = excluded.event_time
                    where mandate.event_time is null or mandate.event_time <= excluded.event_time""",
                    m.mandateId(), iepId, studentId, m.serviceType(), m.sessionsPerInterval(), m.minutesPerSession(),
                    m.interval(), m.pushInSessions(), m.pullOutSessions(),
                    m.startDate() != null ? m.startDate() : effectiveFrom,
                    m.endDate() != null ? m.endDate() : endDate, event.id(), m.continuesMandateId(), m.providerId(),
                    m.providerDiscipline(), m.delivery(), time);
        }
        projector.markStudent(studentId);
    }

    private void ended(EventEnvelope event, IepEnded ended) {
        sql.update("""
                insert into iep_ending (iep_id, student_id, ended_on, reason, event_time) values (?, ?, ?, ?, ?)
                on conflict (iep_id) do update set ended_on = excluded.ended_on, reason = excluded.reason,
                    event_time = excluded.event_time
                where iep_ending.event_time <= excluded.event_time""",
                ended.iepId(), ended.studentId(), ended.endedOn(), ended.reason(), EventTimes.of(event));
        projector.markStudent(ended.studentId());
    }
}
