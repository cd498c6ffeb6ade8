package org.iepservices.reporting.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.MissResolved;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionAmended;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;
import org.iepservices.events.Topics;
import org.iepservices.reporting.service.ScheduleResolver;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * session.events into delivered and missed minutes, makeups and miss verdicts (the service's one
 * record of a session's credit: compliance, the makeup ledger, and the goal-progress views read
 * it), then the compliance periods they fall in. An addendum (SessionAmended) is newer than the completion it
 * corrects whatever order they arrive in; between two addenda the later event time wins. An
 * addendum to 0 minutes keeps the row at 0, so the correction stays on record.
 */
@ApplicationScoped
public class SessionEventsConsumer extends ComplianceConsumer {

    public SessionEventsConsumer() {
        super("compliance.session", Topics.SESSION);
    }

    @Incoming("compliance-session-events")
    @Blocking // ordered: batches of one partition are applied in order
    public void onBatch(ConsumerRecords<String, String> records) {
        consumeBatch(records);
    }

    @Override
    protected void apply(EventEnvelope event) {
        switch (event.type()) {
            case "SessionCompleted" -> {
                SessionCompleted d = event.dataAs(SessionCompleted.TYPE, mapper);
                delivered(event, d.sessionLogId(), d.studentId(), d.mandateId(), d.providerId(), d.setting(),
                        d.sessionDate(), d.minutes(), d.occurrenceId(), d.makeupFor(), false);
            }
            case "SessionAmended" -> {
                SessionAmended a = event.dataAs(SessionAmended.TYPE, mapper);
                delivered(event, a.sessionLogId(), a.studentId(), a.mandateId(), a.providerId(), a.setting(),
                        a.sessionDate(), a.minutes(), null, a.makeupFor(), true);
            }
            case "SessionMissed" -> missed(event, event.dataAs(SessionMissed.TYPE, mapper));
            case "MissResolved" -> resolved(event, event.dataAs(MissResolved.TYPE, mapper));
            default -> {
                // not part of compliance
            }
        }
    }

    private void delivered(EventEnvelope event, UUID sessionLogId, UUID studentId, UUID mandateId, UUID providerId,
                           ServiceSetting setting, LocalDate date, int minutes, UUID occurrenceId,
                           List<SessionCompleted.Repayment> makeups, boolean amendment) {
        if (sessionLogId == null || studentId == null || mandateId == null || setting == null || date == null) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + " lacks a log, student, mandate, "
                    + "setting or date");
        }
        ScheduleResolver.Touched touched = ScheduleResolver.Touched.none();
        sql.list("select mandate_id, session_date from delivered_session where session_log_id = ? and student_id = ?",
                rs -> {
                    touched.add(rs.uuid("mandate_id"), rs.date("session_date"));
                    return 1;
                }, sessionLogId, studentId);
        List<UUID> repaid = new ArrayList<>(sql.list(
                "select miss_id from makeup_repayment where session_log_id = ? and student_id = ?",
                rs -> rs.uuid("miss_id"), sessionLogId, studentId));
        OffsetDateTime time = EventTimes.of(event);
        // A completion never overrides an addendum; an addendum overrides a completion and older addenda.
        int changed = sql.update("""
                insert into delivered_session (session_log_id, student_id, mandate_id, provider_id, setting,
                    session_date, minutes, event_id, recorded_at, occurrence_id, amended, event_time)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (session_log_id, student_id) do update set mandate_id = excluded.mandate_id,
                    provider_id = excluded.provider_id, setting = excluded.setting,
                    session_date = excluded.session_date, minutes = excluded.minutes, event_id = excluded.event_id,
                    recorded_at = excluded.recorded_at,
                    occurrence_id = coalesce(excluded.occurrence_id, delivered_session.occurrence_id),
                    amended = excluded.amended, event_time = excluded.event_time
                where (excluded.amended or not delivered_session.amended)
                  and (excluded.amended > delivered_session.amended
                       or delivered_session.event_time is null or delivered_session.event_time <= excluded.event_time)""",
                sessionLogId, studentId, mandateId, providerId, setting, date, minutes, event.id(), time,
                occurrenceId, amendment, time);
        if (changed == 0) {
            // An addendum got here first: it carries no occurrence, the completion does; keep that link.
            if (occurrenceId != null && sql.update("""
                    update delivered_session set occurrence_id = ?
                    where session_log_id = ? and student_id = ? and occurrence_id is null""",
                    occurrenceId, sessionLogId, studentId) > 0) {
                projector.markDates(studentId, touched.mandates(), touched.dates());
            }
            return;
        }
        sql.update("delete from makeup_repayment where session_log_id = ? and student_id = ?", sessionLogId,
                studentId);
        List<Object[]> rows = new ArrayList<>();
        for (SessionCompleted.Repayment r : makeups) {
            rows.add(new Object[]{sessionLogId, studentId, r.missId(), r.minutes()});
            repaid.add(r.missId());
        }
        sql.batch("""
                insert into makeup_repayment (session_log_id, student_id, miss_id, minutes) values (?, ?, ?, ?)
                on conflict (session_log_id, student_id, miss_id) do update set minutes = excluded.minutes""", rows);
        touched.add(mandateId, date);
        if (!repaid.isEmpty()) {
            sql.list("select mandate_id, session_date from missed_session where miss_id = any(?)", rs -> {
                touched.add(rs.uuid("mandate_id"), rs.date("session_date"));
                return 1;
            }, repaid);
        }
        projector.markDates(studentId, touched.mandates(), touched.dates());
    }

    private void missed(EventEnvelope event, SessionMissed m) {
        if (m.missId() == null || m.studentId() == null || m.mandateId() == null || m.setting() == null
                || m.sessionDate() == null) {
            throw new IllegalArgumentException("SessionMissed " + event.id() + " lacks an id, student, mandate, "
                    + "setting or date");
        }
        ScheduleResolver.Touched touched = ScheduleResolver.Touched.none();
        sql.list("select mandate_id, session_date from missed_session where miss_id = ?", rs -> {
            touched.add(rs.uuid("mandate_id"), rs.date("session_date"));
            return 1;
        }, m.missId());
        OffsetDateTime time = EventTimes.of(event);
        int changed = sql.update("""
                insert into missed_session (miss_id, student_id, mandate_id, provider_id, setting, session_date,
                    minutes, reason, owed, event_id, recorded_at, occurrence_id, policy_owed, event_time, origin,
                    recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?,
                        coalesce((select owed from miss_resolution where miss_id = ?), ?), ?, ?, ?, ?, ?, ?, ?)
                on conflict (miss_id) do update set student_id = excluded.student_id,
                    mandate_id = excluded.mandate_id, provider_id = excluded.provider_id,
                    setting = excluded.setting, session_date = excluded.session_date, minutes = excluded.minutes,
                    reason = excluded.reason, owed = excluded.owed, event_id = excluded.event_id,
                    recorded_at = excluded.recorded_at, occurrence_id = excluded.occurrence_id,
                    policy_owed = excluded.policy_owed, event_time = excluded.event_time,
                    origin = excluded.origin, recorded_by = excluded.recorded_by
                where missed_session.event_time is null or missed_session.event_time <= excluded.event_time""",
                m.missId(), m.studentId(), m.mandateId(), m.providerId(), m.setting(), m.sessionDate(), m.minutes(),
                m.reason(), m.missId(), m.owed(), event.id(), time, m.occurrenceId(), m.owed(), time, origin(m),
                m.recordedBy());
        if (changed == 0) {
            return;
        }
        touched.add(m.mandateId(), m.sessionDate());
        // Sessions that repay this miss: their minutes move from ordinary delivery to the miss's period.
        sql.list("""
                select d.mandate_id, d.session_date from makeup_repayment r
                join delivered_session d on d.session_log_id = r.session_log_id and d.student_id = r.student_id
                where r.miss_id = ?""", rs -> {
            touched.add(rs.uuid("mandate_id"), rs.date("session_date"));
            return 1;
        }, m.missId());
        projector.markDates(m.studentId(), touched.mandates(), touched.dates());
    }

    /** SYSTEM or PERSON; older producers send none, which means a person entered the miss. */
    private static String origin(SessionMissed m) {
        return "SYSTEM".equalsIgnoreCase(m.origin()) ? "SYSTEM" : "PERSON";
    }

    private void resolved(EventEnvelope event, MissResolved r) {
        if (r.missId() == null || r.studentId() == null || r.owed() == null) {
            throw new IllegalArgumentException("MissResolved " + event.id() + " lacks a miss, student or verdict");
        }
        int changed = sql.update("""
                insert into miss_resolution (miss_id, student_id, mandate_id, owed, decided_by, decided_on, note,
                    event_time) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (miss_id) do update set owed = excluded.owed, decided_by = excluded.decided_by,
                    decided_on = excluded.decided_on, note = excluded.note, event_time = excluded.event_time
                where miss_resolution.event_time <= excluded.event_time""",
                r.missId(), r.studentId(), r.mandateId(), r.owed(), r.decidedBy(), r.decidedOn(), r.note(),
                EventTimes.of(event));
        if (changed == 0) {
            return;
        }
        ScheduleResolver.Touched touched = ScheduleResolver.Touched.none();
        sql.list("""
                update missed_session m set owed = r.owed from miss_resolution r
                where r.miss_id = m.miss_id and m.miss_id = ? returning m.mandate_id, m.session_date""", rs -> {
            touched.add(rs.uuid("mandate_id"), rs.date("session_date"));
            return 1;
        }, r.missId());
        projector.markDates(r.studentId(), touched.mandates(), touched.dates());
    }
}
