package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.MissResolved;
import org.iepservices.events.SessionMissed;
import org.iepservices.session.domain.MakeupLink;
import org.iepservices.session.domain.MissOrigin;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.domain.OwedVerdict;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.StudentAttendance;
import org.iepservices.session.domain.copy.KnownSchool;
import org.iepservices.session.domain.copy.KnownStudent;
import org.iepservices.session.domain.copy.ScheduledOccurrence;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Misses session-service records itself (origin SYSTEM) from what it knows: a closure, a cancelled
 * occurrence, an ABSENT line in a signed group log, an occurrence left undocumented. There is one
 * miss per student and occurrence whatever the order or repetition of what it learns: rows are
 * inserted with "on conflict do nothing" against the unique index, and a miss already there is
 * kept, except that a more telling system reason replaces a weaker one (UNDOCUMENTED gives way to
 * anything that says what happened; a closure explains the whole day). A miss a person entered,
 * one the IEP team resolved or one a makeup repays already is never rewritten. Runs in the caller's
 * transaction, so the SessionMissed it publishes commits with the copy or log that caused it.
 */
@ApplicationScoped
public class SystemMisses {

    private static final Logger LOG = Logger.getLogger(SystemMisses.class);

    private final Outbox outbox;
    private final MakeupPolicyService policies;

    SystemMisses(Outbox outbox, MakeupPolicyService policies) {
        this.outbox = outbox;
        this.policies = policies;
    }

    /**
     * The student's part in a scheduled occurrence did not take place, for {@code reason}; true when
     * a miss was recorded (false: one was there already, or a log documents the part).
     */
    public boolean occurrenceMissed(ScheduledOccurrence o, MissReason reason, String note) {
        UUID mandateId = ContinuingMandates.inForceOn(o.mandateId, o.date);
        if (mandateId == null || o.providerId == null || o.setting == null || o.date == null || o.minutes <= 0) {
            LOG.warnf("occurrence %s of student %s lacks what a miss needs (mandate, provider, setting, date, "
                    + "minutes); no %s miss recorded", o.key.occurrenceId(), o.key.studentId(), reason);
            return false;
        }
        if (documentedByLog(o.key.occurrenceId(), o.key.studentId())) {
            return false; // a log says what happened; a later closure or cancellation does not undo it
        }
        MissedSession miss = new MissedSession();
        miss.studentId = o.key.studentId();
        miss.mandateId = mandateId;
        miss.providerId = o.providerId;
        miss.setting = o.setting;
        miss.sessionDate = o.date;
        miss.minutes = o.minutes;
        miss.reason = reason;
        miss.note = note;
        miss.occurrenceId = o.key.occurrenceId();
        miss.districtId = districtOf(o.schoolId, o.key.studentId());
        return record(miss, MissedSession.<MissedSession>find("occurrenceId = ?1 and studentId = ?2",
                miss.occurrenceId, miss.studentId));
    }

    /**
     * A signed group log lists the student ABSENT: the session they were due did not take place for
     * them. The miss is of the occurrence the log documents, or of the log's line for an ad hoc session.
     */
    public void absentLine(SessionLog log, StudentAttendance line) {
        int minutes = (int) java.time.Duration.between(log.startTime, log.endTime).toMinutes();
        MissedSession miss = new MissedSession();
        miss.studentId = line.studentId;
        miss.mandateId = line.mandateId;
        miss.providerId = log.providerId;
        miss.setting = log.setting;
        miss.sessionDate = log.sessionDate;
        miss.minutes = minutes;
        miss.reason = MissReason.STUDENT_ABSENT;
        miss.note = "ABSENT in the signed group session log " + log.id;
        miss.occurrenceId = log.occurrenceId;
        miss.sessionLogId = log.id;
        miss.districtId = districtOf(null, line.studentId);
        record(miss, log.occurrenceId != null
                ? MissedSession.find("occurrenceId = ?1 and studentId = ?2", log.occurrenceId, line.studentId)
                : MissedSession.find("sessionLogId = ?1 and studentId = ?2", log.id, line.studentId));
    }

    /**
     * A signed log documents the student's part in the occurrence after all: an UNDOCUMENTED miss the
     * sweep recorded is withdrawn (not owed, MissResolved says why) rather than counted next to the log.
     */
    public void documented(UUID occurrenceId, UUID studentId, UUID sessionLogId, LocalDate today) {
        MissedSession miss = MissedSession.<MissedSession>find("occurrenceId = ?1 and studentId = ?2",
                occurrenceId, studentId).firstResult();
        if (miss == null || miss.withdrawn() || miss.origin != MissOrigin.SYSTEM
                || miss.reason != MissReason.UNDOCUMENTED) {
            return;
        }
        withdraw(miss, "documented by session log " + sessionLogId, today);
    }

    /**
     * An addendum corrected a signed line's attendance: a student now ABSENT from a group session
     * missed it; one no longer ABSENT did not, so the system's STUDENT_ABSENT miss of that line is
     * withdrawn (unless a makeup already repays it: then it stays for a person to sort out).
     */
    public void attendanceCorrected(SessionLog log, StudentAttendance line, boolean wasAbsent, LocalDate today) {
        boolean absent = line.attendance == org.iepservices.session.domain.Attendance.ABSENT;
        if (absent && !wasAbsent && log.format != org.iepservices.session.domain.SessionFormat.INDIVIDUAL) {
            absentLine(log, line);
        } else if (wasAbsent && !absent) {
            MissedSession miss = MissedSession.<MissedSession>find("sessionLogId = ?1 and studentId = ?2",
                    log.id, line.studentId).firstResult();
            if (miss != null && miss.origin == MissOrigin.SYSTEM && !miss.withdrawn()
                    && miss.reason == MissReason.STUDENT_ABSENT && MakeupLink.count("key.missId", miss.id) == 0) {
                withdraw(miss, "an addendum to session log " + log.id + " records the student "
                        + line.attendance, today);
            }
        }
    }

    /** Not a miss after all: kept for the record, not owed, and MissResolved tells the readers. */
    private void withdraw(MissedSession miss, String why, LocalDate today) {
        miss.withdrawnAt = now();
        miss.withdrawnNote = why;
        miss.owed = OwedVerdict.NOT_OWED;
        miss.resolvedBy = "session-service";
        miss.resolvedOn = today;
        miss.resolutionNote = "withdrawn: " + why;
        miss.resolvedAt = miss.withdrawnAt;
        outbox.publish(MissResolved.TYPE, miss.studentId, new MissResolved(miss.id, miss.studentId, miss.mandateId,
                OwedVerdict.NOT_OWED.name(), miss.resolvedBy, today, miss.resolutionNote));
        // The same miss announced again with 0 minutes: a reader that sums missed minutes stops counting
        // them next to the log's delivered minutes (the contract allows 0; the row here keeps its minutes).
        outbox.publish(SessionMissed.TYPE, miss.studentId, new SessionMissed(miss.id, miss.studentId, miss.mandateId,
                miss.providerId, miss.setting, miss.sessionDate, 0, miss.reason.name(), miss.owed.name(),
                miss.occurrenceId, miss.resolutionNote, miss.origin.name(), miss.recordedBy));
    }

    /** Inserts the miss unless the student's part is recorded already; then perhaps sharpens that one. */
    private boolean record(MissedSession miss, io.quarkus.hibernate.orm.panache.PanacheQuery<MissedSession> existing) {
        miss.id = UUID.randomUUID();
        miss.origin = MissOrigin.SYSTEM;
        miss.policyVerdict = policies.policyFor(miss.districtId).verdictFor(miss.reason);
        miss.owed = miss.policyVerdict;
        miss.createdAt = now();
        if (insertIfAbsent(miss) == 1) {
            publish(miss);
            return true;
        }
        MissedSession there = existing.firstResult();
        if (there == null || !replaces(miss.reason, there)) {
            return false;
        }
        there.reason = miss.reason;
        there.circumstance = null;
        there.note = miss.note;
        there.mandateId = miss.mandateId;
        there.minutes = miss.minutes;
        if (miss.sessionLogId != null) {
            there.sessionLogId = miss.sessionLogId;
        }
        there.districtId = miss.districtId;
        there.policyVerdict = miss.policyVerdict;
        there.owed = miss.owed;
        publish(there);
        return true;
    }

    /** Whether a system miss for {@code reason} says more than the one recorded already. */
    static boolean replaces(MissReason reason, MissedSession there) {
        if (there.origin != MissOrigin.SYSTEM || there.withdrawn() || there.reason == reason
                || there.resolvedBy != null || MakeupLink.count("key.missId", there.id) > 0) {
            return false;
        }
        return reason != MissReason.UNDOCUMENTED
                && (there.reason == MissReason.UNDOCUMENTED || reason == MissReason.SCHOOL_CLOSED);
    }

    private static int insertIfAbsent(MissedSession m) {
        EntityManager em = MissedSession.getEntityManager();
        em.flush();
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("""
                    insert into missed_session (id, student_id, mandate_id, provider_id, setting, session_date,
                        minutes, reason, note, owed, policy_verdict, district_id, occurrence_id, session_log_id,
                        origin, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing""")) {
                Object[] values = {m.id, m.studentId, m.mandateId, m.providerId, m.setting.name(), m.sessionDate,
                        m.minutes, m.reason.name(), m.note, m.owed.name(), m.policyVerdict.name(), m.districtId,
                        m.occurrenceId, m.sessionLogId, m.origin.name(), m.createdAt};
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        insert.setNull(i + 1, java.sql.Types.OTHER);
                    } else {
                        insert.setObject(i + 1, values[i]);
                    }
                }
                return insert.executeUpdate();
            }
        });
    }

    private void publish(MissedSession m) {
        outbox.publish(SessionMissed.TYPE, m.studentId, new SessionMissed(m.id, m.studentId, m.mandateId,
                m.providerId, m.setting, m.sessionDate, m.minutes, m.reason.name(), m.owed.name(), m.occurrenceId,
                m.note, m.origin.name(), m.recordedBy));
    }

    private static boolean documentedByLog(UUID occurrenceId, UUID studentId) {
        return !SessionLog.getEntityManager().createQuery(
                        "select l.id from SessionLog l join l.students s where l.occurrenceId = :occurrence "
                                + "and s.studentId = :student")
                .setParameter("occurrence", occurrenceId).setParameter("student", studentId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Whose policy decides: the occurrence's school's district, else the student's school's; null = default. */
    static UUID districtOf(UUID schoolId, UUID studentId) {
        UUID school = schoolId;
        if (school == null) {
            school = Optional.ofNullable(KnownStudent.<KnownStudent>findById(studentId)).map(s -> s.schoolId)
                    .orElse(null);
        }
        return school == null ? null : Optional.ofNullable(KnownSchool.<KnownSchool>findById(school))
                .map(s -> s.districtId).orElse(null);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
