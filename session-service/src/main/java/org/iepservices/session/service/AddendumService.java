package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.SessionAmended;
import org.iepservices.events.SessionCompleted;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.api.AddendumRequest;
import org.iepservices.session.domain.CreditedMinutes;
import org.iepservices.session.domain.SessionAddendum;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.StudentAttendance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Corrections to locked logs. The amended lines must satisfy the same minute rules as a new log;
 * every student whose credited minutes change gets a SessionAmended with the new state.
 */
@ApplicationScoped
public class AddendumService {

    private final SessionLogService logs;
    private final MakeupService makeups;
    private final Outbox outbox;

    AddendumService(SessionLogService logs, MakeupService makeups, Outbox outbox) {
        this.logs = logs;
        this.makeups = makeups;
        this.outbox = outbox;
    }

    @Transactional
    public SessionAddendum amend(UUID logId, AddendumRequest request) {
        SessionLog log = logs.get(logId);
        if (!log.isLocked()) {
            throw ProblemException.conflict("Session log " + logId + " is a draft; addenda correct completed logs");
        }
        Map<UUID, AddendumRequest.StudentCorrection> corrections = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < request.students().size(); i++) {
            AddendumRequest.StudentCorrection c = request.students().get(i);
            if (log.students.stream().noneMatch(s -> s.studentId.equals(c.studentId()))) {
                violations.add(new Violation("students[" + i + "].studentId", "this student is not on the log"));
            } else if (corrections.put(c.studentId(), c) != null) {
                violations.add(new Violation("students[" + i + "].studentId", "student listed twice"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The addendum does not fit the log", violations);
        }
        List<CreditedMinutes.Entry> amended = log.students.stream().map(s -> {
            AddendumRequest.StudentCorrection c = corrections.get(s.studentId);
            return c == null ? new CreditedMinutes.Entry(s.studentId, s.attendance, s.minutes)
                    : new CreditedMinutes.Entry(s.studentId, c.attendance(), c.minutes());
        }).toList();
        CreditedMinutes.Result credited = CreditedMinutes.resolve(log.startTime, log.endTime, amended);
        if (!credited.valid()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The corrected log is inconsistent",
                    credited.violations());
        }

        SessionAddendum addendum = new SessionAddendum();
        addendum.id = UUID.randomUUID();
        addendum.sessionLogId = log.id;
        addendum.author = request.author();
        addendum.authorCredentials = request.credentials();
        addendum.reason = request.reason();
        addendum.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        List<StudentAttendance> minutesChanged = new ArrayList<>();
        List<Integer> previousMinutes = new ArrayList<>();
        for (int i = 0; i < log.students.size(); i++) {
            StudentAttendance line = log.students.get(i);
            int newMinutes = credited.minutes().get(i);
            if (line.attendance != amended.get(i).attendance()) {
                addendum.changes.add(new SessionAddendum.Change(line.studentId, "attendance", line.attendance.name(),
                        amended.get(i).attendance().name()));
                line.attendance = amended.get(i).attendance();
            }
            if (line.minutes != newMinutes) {
                addendum.changes.add(new SessionAddendum.Change(line.studentId, "minutes",
                        Integer.toString(line.minutes), Integer.toString(newMinutes)));
                minutesChanged.add(line);
                previousMinutes.add(line.minutes);
                line.minutes = newMinutes;
            }
        }
        if (addendum.changes.isEmpty()) {
            throw ProblemException.unprocessable("The addendum changes nothing on log " + logId);
        }
        addendum.persist();
        for (int i = 0; i < minutesChanged.size(); i++) {
            StudentAttendance line = minutesChanged.get(i);
            List<SessionCompleted.Repayment> repaid = makeups.reallocate(log.id, line.studentId, line.minutes);
            outbox.publish(SessionAmended.TYPE, line.studentId, new SessionAmended(log.id, addendum.id,
                    line.studentId, line.mandateId, log.providerId, log.setting, log.sessionDate,
                    previousMinutes.get(i), line.minutes, repaid, request.reason()));
        }
        return addendum;
    }

    public List<SessionAddendum> of(UUID logId) {
        return SessionAddendum.list("sessionLogId = ?1 order by createdAt", logId);
    }
}
