package org.iepservices.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.SessionCompleted;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.api.SessionLogRequest;
import org.iepservices.session.domain.CreditedMinutes;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.SessionStatus;
import org.iepservices.session.domain.StudentAttendance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Use cases of session logs: document, sign and lock, and announce the credited minutes. */
@ApplicationScoped
public class SessionLogService {

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final MakeupService makeups;

    SessionLogService(Outbox outbox, ObjectMapper mapper, MakeupService makeups) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.makeups = makeups;
    }

    /** The outcome of a create: the log, and whether an earlier request with the same key made it. */
    public record Created(SessionLog log, boolean replayed) {
    }

    @Transactional
    public Created create(SessionLogRequest request, String idempotencyKey) {
        String hash = hash(request);
        if (idempotencyKey != null) {
            Optional<SessionLog> earlier = SessionLog.find("idempotencyKey", idempotencyKey).firstResultOptional();
            if (earlier.isPresent()) {
                if (!hash.equals(earlier.get().requestHash)) {
                    throw new ProblemException(ProblemType.UNPROCESSABLE, "Idempotency-Key " + idempotencyKey
                            + " was already used for a different session log request");
                }
                return new Created(earlier.get(), true);
            }
        }
        List<CreditedMinutes.Entry> entries = request.students().stream()
                .map(s -> new CreditedMinutes.Entry(s.studentId(), s.attendance(), s.minutes()))
                .toList();
        CreditedMinutes.Result credited = CreditedMinutes.resolve(request.startTime(), request.endTime(), entries);
        List<Problem.Violation> violations = new ArrayList<>(credited.violations());
        violations.addAll(makeups.check(request.students()));
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The session log is inconsistent", violations);
        }
        SessionLog log = new SessionLog();
        log.id = UUID.randomUUID();
        log.providerId = request.providerId();
        log.sessionDate = request.sessionDate();
        log.startTime = request.startTime();
        log.endTime = request.endTime();
        log.setting = request.setting();
        log.format = request.format();
        log.note = request.note();
        log.status = SessionStatus.DRAFT;
        log.idempotencyKey = idempotencyKey;
        log.requestHash = hash;
        log.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < request.students().size(); i++) {
            SessionLogRequest.StudentLine line = request.students().get(i);
            log.students.add(new StudentAttendance(line.studentId(), line.mandateId(), line.attendance(),
                    credited.minutes().get(i)));
        }
        log.persist();
        for (SessionLogRequest.StudentLine line : request.students()) {
            makeups.link(log.id, line.studentId(), line.makeupFor());
        }
        return new Created(log, false);
    }

    public SessionLog get(UUID id) {
        return SessionLog.<SessionLog>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Session log", id));
    }

    /**
     * Signs and locks the log and, in the same transaction, writes one SessionCompleted per
     * student credited with minutes to the outbox.
     */
    @Transactional
    public SessionLog complete(UUID id, String signedBy, String credentials) {
        SessionLog log = get(id);
        if (log.isLocked()) {
            throw ProblemException.conflict("Session log " + id + " was completed and locked on " + log.signedAt
                    + "; corrections are made with an addendum");
        }
        log.status = SessionStatus.COMPLETED;
        log.signedBy = signedBy;
        log.signerCredentials = credentials;
        log.signedAt = OffsetDateTime.now(ZoneOffset.UTC);
        for (StudentAttendance student : log.students) {
            if (student.minutes > 0) {
                List<SessionCompleted.Repayment> repaid = makeups.allocate(log.id, student.studentId, student.minutes);
                outbox.publish(SessionCompleted.TYPE, student.studentId, new SessionCompleted(log.id,
                        student.studentId, student.mandateId, log.providerId, log.setting, log.sessionDate,
                        student.minutes, repaid));
            }
        }
        return log;
    }

    private String hash(SessionLogRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
