package org.iepservices.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.access.AccessAudit;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.ServiceSetting;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.api.SessionLogRequest;
import org.iepservices.session.domain.CreditedMinutes;
import org.iepservices.session.domain.GoalDataRules;
import org.iepservices.session.domain.GoalObservation;
import org.iepservices.session.domain.Attendance;
import org.iepservices.session.domain.MissOrigin;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.domain.PushInContext;
import org.iepservices.session.domain.SessionFormat;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.SessionStatus;
import org.iepservices.session.domain.StudentAttendance;
import org.iepservices.session.domain.copy.KnownMandate;
import org.iepservices.session.domain.copy.KnownStaff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Use cases of session logs: document (and rewrite drafts), sign and lock, and announce the credited minutes. */
@ApplicationScoped
public class SessionLogService {

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final MakeupService makeups;
    private final OccurrenceDefaults defaults;
    private final ReferenceChecks references;
    private final CallerAccess access;
    private final AccessAudit audit;

    private final SystemMisses systemMisses;
    private final ZoneId districtZone;

    SessionLogService(Outbox outbox, ObjectMapper mapper, MakeupService makeups, OccurrenceDefaults defaults,
                      ReferenceChecks references, CallerAccess access, AccessAudit audit, SystemMisses systemMisses,
                      @ConfigProperty(name = "district.time-zone") String districtZone) {
        this.systemMisses = systemMisses;
        this.districtZone = ZoneId.of(districtZone);
        this.outbox = outbox;
        this.mapper = mapper;
        this.makeups = makeups;
        this.defaults = defaults;
        this.references = references;
        this.access = access;
        this.audit = audit;
    }

    /** Resource type of session logs in the access audit. */
    public static final String AUDIT_RESOURCE = "session-log";

    /** The outcome of a create: the log, and whether an earlier request with the same key made it. */
    public record Created(SessionLog log, boolean replayed) {
    }

    /** Minutes and service per line, as validated. */
    private record Checked(List<Integer> minutes, List<String> serviceTypes) {
    }

    @Transactional
    public Created create(SessionLogRequest request, String idempotencyKey) {
        String hash = hash(request);
        Optional<Created> replay = replay(idempotencyKey, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        LogContent content = defaults.resolve(request);
        authorize(content);
        Checked checked = validate(content, null);
        SessionLog log = new SessionLog();
        log.id = UUID.randomUUID();
        log.status = SessionStatus.DRAFT;
        log.idempotencyKey = idempotencyKey;
        log.requestHash = hash;
        log.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        write(log, content, checked);
        log.persist();
        if (idempotencyKey != null) {
            SessionLog.flush(); // a concurrent twin with the same key fails here, and the caller replays
        }
        children(log, content);
        audit.write(AUDIT_RESOURCE, log.id, studentsOf(log));
        return new Created(log, false);
    }

    /** Who may document this content: the session's own provider (or a district admin), for students in scope. */
    private void authorize(LogContent content) {
        access.requireMayDocumentFor(content.providerId());
        access.requireMayWriteFor(content.lines().stream().map(LogContent.Line::studentId).toList());
    }

    static List<UUID> studentsOf(SessionLog log) {
        return log.students.stream().map(s -> s.studentId).toList();
    }

    /**
     * The earlier log made with this Idempotency-Key, if any. The same key with another body is
     * refused: the client reused a key for a different session.
     */
    @Transactional
    public Optional<Created> replay(String idempotencyKey, String hash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        Optional<SessionLog> earlier = SessionLog.find("idempotencyKey", idempotencyKey).firstResultOptional();
        // Somebody else's log under the same key is not shown: to this caller the key is just taken.
        if (earlier.isPresent() && (!hash.equals(earlier.get().requestHash)
                || access.visibleLog(earlier.get()) == null)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Idempotency-Key " + idempotencyKey
                    + " was already used for a different session log request");
        }
        earlier.ifPresent(log -> audit.read(AUDIT_RESOURCE, log.id, access.visibleStudents(log)));
        return earlier.map(log -> new Created(log, true));
    }

    /** Rewrites a draft with the same rules as a create; a completed log is locked (409). */
    @Transactional
    public SessionLog update(UUID id, SessionLogRequest request, Long expectedVersion) {
        SessionLog log = visible(id);
        access.requireMayDocumentFor(log.providerId);
        access.requireMayWriteFor(log);
        refuseIfLocked(log);
        IfMatch.check("Session log", id, expectedVersion, log.version);
        LogContent content = defaults.resolve(request);
        authorize(content);
        Checked checked = validate(content, log.id);
        GoalObservation.delete("sessionLogId", log.id);
        makeups.unlinkAll(log.id);
        log.students.clear();
        write(log, content, checked);
        SessionLog.flush();
        children(log, content);
        audit.write(AUDIT_RESOURCE, log.id, studentsOf(log));
        return log;
    }

    public SessionLog get(UUID id) {
        return SessionLog.<SessionLog>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Session log", id));
    }

    /** The log if the caller may see it; a log outside their scope is the same 404 as one that does not exist. */
    public SessionLog visible(UUID id) {
        SessionLog log = access.visibleLog(SessionLog.<SessionLog>findByIdOptional(id).orElse(null));
        if (log == null) {
            throw ProblemException.notFound("Session log", id);
        }
        return log;
    }

    /**
     * Signs and locks the log and, in the same transaction, writes one SessionCompleted per
     * student credited with minutes to the outbox. Without credentials in the request the
     * provider's credentials from the roster are used.
     */
    @Transactional
    public SessionLog complete(UUID id, String signedBy, String credentials) {
        SessionLog log = visible(id);
        access.requireSigner(log);
        refuseIfLocked(log);
        KnownStaff provider = KnownStaff.findById(log.providerId);
        String signerCredentials = credentials;
        if (signerCredentials == null || signerCredentials.isBlank()) {
            signerCredentials = provider == null ? null : provider.credentials;
        }
        if (signerCredentials == null || signerCredentials.isBlank()) {
            throw ProblemException.unprocessable("The signature needs the provider's credentials: the roster has "
                    + "none for provider " + log.providerId, new org.iepservices.problem.Problem.Violation(
                    "credentials", "required: the provider's staff record has no credentials"));
        }
        log.status = SessionStatus.COMPLETED;
        log.signerId = access.actor().staffId();
        log.signedBy = signedBy != null && !signedBy.isBlank() ? signedBy.trim()
                : signerName(provider, access.actor().name(), access.actor().subject());
        log.signerCredentials = signerCredentials;
        log.signedAt = OffsetDateTime.now(ZoneOffset.UTC);
        List<GoalObservation> goals = GoalObservation.of(log.id);
        for (StudentAttendance student : log.students) {
            if (student.minutes > 0) {
                List<SessionCompleted.Repayment> repaid = makeups.allocate(log.id, student.studentId, student.minutes);
                outbox.publish(SessionCompleted.TYPE, student.studentId, completed(log, student, repaid, goals));
            }
            systemMissesOf(log, student);
        }
        audit.write(AUDIT_RESOURCE, log.id, studentsOf(log));
        return log;
    }

    /**
     * What the signed line tells about misses: an ABSENT student of a group session missed it (a system
     * miss, STUDENT_ABSENT); any other line documents the occurrence, so an UNDOCUMENTED miss of it is
     * withdrawn.
     */
    private void systemMissesOf(SessionLog log, StudentAttendance student) {
        if (student.attendance == Attendance.ABSENT && log.format != SessionFormat.INDIVIDUAL) {
            systemMisses.absentLine(log, student);
        } else if (log.occurrenceId != null) {
            systemMisses.documented(log.occurrenceId, student.studentId, log.id, LocalDate.now(districtZone));
        }
    }

    /** The name a signature or addendum shows when the request leaves it out: the roster's, else the token's. */
    static String signerName(KnownStaff staff, String tokenName, String subject) {
        if (staff != null && !staff.displayName().isBlank()) {
            return staff.displayName();
        }
        return tokenName != null && !tokenName.isBlank() ? tokenName : subject;
    }

    static SessionCompleted completed(SessionLog log, StudentAttendance student, List<SessionCompleted.Repayment> repaid,
                                      List<GoalObservation> goals) {
        List<SessionCompleted.GoalData> goalData = goals.stream()
                .filter(g -> g.studentId.equals(student.studentId))
                .map(g -> new SessionCompleted.GoalData(g.goalId, g.measure.name(), g.correct, g.total,
                        g.percent == null ? null : g.percent.doubleValue(), g.count, g.intervalsObserved,
                        g.intervalsWithBehavior, g.cueLevel == null ? null : g.cueLevel.name(), g.probeResult, g.note,
                        g.durationSeconds, g.rubricScore))
                .toList();
        PushInContext c = log.pushIn;
        SessionCompleted.PushInContext pushIn = log.setting != ServiceSetting.PUSH_IN || c == null ? null
                : new SessionCompleted.PushInContext(c.classId, c.teacherId,
                c.activitySubject == null ? null : c.activitySubject.name(),
                c.coTeachingModel == null ? null : c.coTeachingModel.name(),
                c.classroomStructure == null ? null : c.classroomStructure.name(),
                c.teacherDebriefNote, c.nonInstructionalBlock());
        return new SessionCompleted(log.id, student.studentId, student.mandateId, log.providerId, log.setting,
                log.sessionDate, student.minutes, repaid, log.occurrenceId, student.serviceType, log.format.name(),
                log.startTime, log.endTime, student.attendance.name(), goalData, pushIn, student.progressNote);
    }

    private static void refuseIfLocked(SessionLog log) {
        if (log.isLocked()) {
            throw ProblemException.conflict("Session log " + log.id + " was completed and locked on " + log.signedAt
                    + "; corrections are made with an addendum");
        }
    }

    /**
     * Every rule a log must satisfy, all findings at once: minutes and times, goal data shapes,
     * format and push-in context, makeups, and the references (provider, mandates in force, goals)
     * against the copies. A scheduled student's occurrence is documented once, by a log or a miss.
     */
    private Checked validate(LogContent c, UUID self) {
        Findings findings = new Findings();
        List<CreditedMinutes.Entry> entries = c.lines().stream()
                .map(l -> new CreditedMinutes.Entry(l.studentId(), l.attendance(), l.minutes()))
                .toList();
        CreditedMinutes.Result credited = CreditedMinutes.resolve(c.startTime(), c.endTime(), entries);
        findings.invalid(credited.violations());
        if (c.format() == SessionFormat.INDIVIDUAL && c.lines().size() > 1) {
            findings.invalid("format", "an INDIVIDUAL session has one student; this log lists " + c.lines().size());
        }
        if (c.pushInGivenForPullOut()) {
            findings.invalid("pushIn", "only push-in sessions have a classroom context; this one is " + c.setting());
        }
        for (int i = 0; i < c.lines().size(); i++) {
            LogContent.Line line = c.lines().get(i);
            findings.invalid(GoalDataRules.check("students[" + i + "].goalData", line.attendance(), line.goalData(),
                    GoalDataRules.sessionSeconds(c.startTime(), c.endTime())));
        }
        findings.invalid(makeups.check(c.lines()));
        KnownStaff provider = references.provider(findings, "providerId", c.providerId());
        List<String> serviceTypes = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            LogContent.Line line = c.lines().get(i);
            Optional<KnownMandate> mandate = references.line(findings, "students[" + i + "]", line.studentId(),
                    line.mandateId(), c.sessionDate(), provider, line.goalData());
            serviceTypes.add(mandate.map(m -> m.serviceType).orElse(null));
        }
        if (c.occurrenceId() != null) {
            for (LogContent.Line line : c.lines()) {
                documentedElsewhere(c.occurrenceId(), line.studentId(), self);
            }
        }
        findings.throwIfAny("The session log");
        return new Checked(credited.minutes(), serviceTypes);
    }

    /** 409 when another log or a miss already documents this student's part in the occurrence. */
    static void documentedElsewhere(UUID occurrenceId, UUID studentId, UUID selfLog) {
        loggedElsewhere(occurrenceId, studentId, selfLog);
        MissedSession miss = MissedSession.find("occurrenceId = ?1 and studentId = ?2", occurrenceId, studentId)
                .firstResult();
        // An UNDOCUMENTED miss the system recorded gives way to the log (withdrawn when it is signed).
        if (miss != null && !miss.withdrawn()
                && !(miss.origin == MissOrigin.SYSTEM && miss.reason == MissReason.UNDOCUMENTED)) {
            throw ProblemException.conflict("Student " + studentId + "'s part in occurrence " + occurrenceId
                    + " is already recorded as missed (" + miss.id + ")");
        }
    }

    /** 409 when another log documents this student's part in the occurrence. */
    static void loggedElsewhere(UUID occurrenceId, UUID studentId, UUID selfLog) {
        var query = SessionLog.getEntityManager().createQuery(
                        "select l.id from SessionLog l join l.students s where l.occurrenceId = :occurrence "
                                + "and s.studentId = :student" + (selfLog == null ? "" : " and l.id <> :self"))
                .setParameter("occurrence", occurrenceId)
                .setParameter("student", studentId);
        if (selfLog != null) {
            query.setParameter("self", selfLog);
        }
        List<?> logs = query.getResultList();
        if (!logs.isEmpty()) {
            throw ProblemException.conflict("Student " + studentId + "'s part in occurrence " + occurrenceId
                    + " is already documented by session log " + logs.get(0));
        }
    }

    private static void write(SessionLog log, LogContent c, Checked checked) {
        log.occurrenceId = c.occurrenceId();
        log.providerId = c.providerId();
        log.sessionDate = c.sessionDate();
        log.startTime = c.startTime();
        log.endTime = c.endTime();
        log.setting = c.setting();
        log.format = c.format();
        log.note = c.note();
        log.pushIn = c.pushIn();
        for (int i = 0; i < c.lines().size(); i++) {
            LogContent.Line line = c.lines().get(i);
            log.students.add(new StudentAttendance(line.studentId(), line.mandateId(), line.attendance(),
                    checked.minutes().get(i), checked.serviceTypes().get(i), line.progressNote()));
        }
    }

    /** Goal data and makeup links of a persisted log. */
    private void children(SessionLog log, LogContent c) {
        for (LogContent.Line line : c.lines()) {
            for (int j = 0; j < line.goalData().size(); j++) {
                GoalObservation.of(log.id, line.studentId(), j, line.goalData().get(j)).persist();
            }
            makeups.link(log.id, line.studentId(), line.makeupFor());
        }
    }

    public String hash(SessionLogRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
