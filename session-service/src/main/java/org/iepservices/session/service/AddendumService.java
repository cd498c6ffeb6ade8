package org.iepservices.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.quarkus.security.ForbiddenException;
import org.iepservices.access.AccessAudit;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.SessionAmended;
import org.iepservices.events.SessionCompleted;
import org.iepservices.problem.ProblemException;
import org.iepservices.session.api.AddendumRequest;
import org.iepservices.session.api.SessionLogRequest;
import org.iepservices.session.domain.Attendance;
import org.iepservices.session.domain.CreditedMinutes;
import org.iepservices.session.domain.GoalDataEntry;
import org.iepservices.session.domain.GoalDataRules;
import org.iepservices.session.domain.GoalObservation;
import org.iepservices.session.domain.SessionAddendum;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.StudentAttendance;
import org.iepservices.session.domain.copy.KnownStaff;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Corrections to locked logs. The amended lines must satisfy the same rules as a new log (minutes,
 * goal data shapes, goals of the student's IEP); every student whose credited minutes change gets a
 * SessionAmended with the new state. Old values are kept in the addendum, so the signed original
 * stays readable.
 */
@ApplicationScoped
public class AddendumService {

    private final SessionLogService logs;
    private final MakeupService makeups;
    private final ReferenceChecks references;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final CallerAccess access;
    private final AccessAudit audit;

    private final SystemMisses systemMisses;
    private final java.time.ZoneId districtZone;

    AddendumService(SessionLogService logs, MakeupService makeups, ReferenceChecks references, Outbox outbox,
                    ObjectMapper mapper, CallerAccess access, AccessAudit audit, SystemMisses systemMisses,
                    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "district.time-zone")
                    String districtZone) {
        this.systemMisses = systemMisses;
        this.districtZone = java.time.ZoneId.of(districtZone);
        this.logs = logs;
        this.makeups = makeups;
        this.references = references;
        this.outbox = outbox;
        this.mapper = mapper;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Who may correct a signed log: its provider, anything; a district admin (after an attendance
     * audit, say) attendance and minutes only: goal data and progress notes are clinical content,
     * corrected by the clinician who signed it. Either way the addendum records who wrote it.
     */
    private void authorize(SessionLog log, AddendumRequest request) {
        if (access.isOwn(log)) {
            return;
        }
        if (!access.isDistrictAdmin()) {
            throw new ForbiddenException("Only the log's provider or a district admin corrects a signed log");
        }
        access.requireMayWriteFor(request.students().stream().map(AddendumRequest.StudentCorrection::studentId)
                .toList());
        boolean clinical = request.students().stream().anyMatch(c -> c.goalData() != null || c.progressNote() != null);
        if (clinical) {
            throw new ForbiddenException("Goal data and progress notes are corrected by the provider who signed the "
                    + "log; a district admin corrects attendance and minutes only");
        }
    }

    @Transactional
    public SessionAddendum amend(UUID logId, AddendumRequest request) {
        SessionLog log = logs.visible(logId);
        authorize(log, request);
        if (!log.isLocked()) {
            throw ProblemException.conflict("Session log " + logId + " is a draft; edit it with PUT, addenda "
                    + "correct completed logs");
        }
        Findings findings = new Findings();
        Map<UUID, AddendumRequest.StudentCorrection> corrections = new HashMap<>();
        Map<UUID, Integer> positions = new HashMap<>();
        for (int i = 0; i < request.students().size(); i++) {
            AddendumRequest.StudentCorrection c = request.students().get(i);
            if (log.students.stream().noneMatch(s -> s.studentId.equals(c.studentId()))) {
                findings.invalid("students[" + i + "].studentId", "this student is not on the log");
            } else if (corrections.put(c.studentId(), c) != null) {
                findings.invalid("students[" + i + "].studentId", "student listed twice");
            } else {
                positions.put(c.studentId(), i);
            }
        }
        findings.throwIfAny("The addendum");

        List<GoalObservation> currentGoals = GoalObservation.of(log.id);
        List<CreditedMinutes.Entry> amended = new ArrayList<>();
        for (StudentAttendance s : log.students) {
            AddendumRequest.StudentCorrection c = corrections.get(s.studentId);
            if (c == null) {
                amended.add(new CreditedMinutes.Entry(s.studentId, s.attendance, s.minutes));
            } else if (c.attendance() == null) {
                amended.add(new CreditedMinutes.Entry(s.studentId, s.attendance,
                        c.minutes() != null ? c.minutes() : Integer.valueOf(s.minutes)));
            } else {
                amended.add(new CreditedMinutes.Entry(s.studentId, c.attendance(), c.minutes()));
            }
        }
        CreditedMinutes.Result credited = CreditedMinutes.resolve(log.startTime, log.endTime, amended);
        findings.invalid(credited.violations().stream()
                .map(v -> remap(v, log, positions)).toList());
        KnownStaff provider = KnownStaff.findById(log.providerId);
        Map<UUID, List<GoalDataEntry>> newGoals = new HashMap<>();
        for (int i = 0; i < log.students.size(); i++) {
            StudentAttendance s = log.students.get(i);
            AddendumRequest.StudentCorrection c = corrections.get(s.studentId);
            if (c == null) {
                continue;
            }
            String at = "students[" + positions.get(s.studentId) + "]";
            List<GoalDataEntry> goals = c.goalData() == null ? entries(currentGoals, s.studentId)
                    : c.goalData().stream().map(SessionLogRequest.GoalData::entry).toList();
            findings.invalid(GoalDataRules.check(at + ".goalData", amended.get(i).attendance(), goals,
                    GoalDataRules.sessionSeconds(log.startTime, log.endTime)));
            if (c.goalData() != null) {
                newGoals.put(s.studentId, goals);
                references.line(findings, at, s.studentId, s.mandateId, log.sessionDate, provider, goals);
            }
        }
        findings.throwIfAny("The corrected log");

        SessionAddendum addendum = new SessionAddendum();
        addendum.id = UUID.randomUUID();
        addendum.sessionLogId = log.id;
        addendum.author = request.author() != null && !request.author().isBlank() ? request.author().trim()
                : SessionLogService.signerName(access.providerId().map(id -> KnownStaff.<KnownStaff>findById(id))
                .orElse(null), access.actor().name(), access.actor().subject());
        addendum.authorSubject = access.actor().subject();
        addendum.authorRole = access.isOwn(log) ? org.iepservices.access.Role.PROVIDER.claim()
                : org.iepservices.access.Role.DISTRICT_ADMIN.claim();
        addendum.authorCredentials = request.credentials();
        addendum.reason = request.reason();
        addendum.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        List<StudentAttendance> minutesChanged = new ArrayList<>();
        List<Integer> previousMinutes = new ArrayList<>();
        Map<StudentAttendance, Boolean> attendanceChanged = new java.util.LinkedHashMap<>();
        for (int i = 0; i < log.students.size(); i++) {
            StudentAttendance line = log.students.get(i);
            AddendumRequest.StudentCorrection c = corrections.get(line.studentId);
            int newMinutes = credited.minutes().get(i);
            Attendance newAttendance = amended.get(i).attendance();
            if (line.attendance != newAttendance) {
                addendum.changes.add(new SessionAddendum.Change(line.studentId, "attendance", line.attendance.name(),
                        newAttendance.name()));
                boolean wasAbsent = line.attendance == Attendance.ABSENT;
                line.attendance = newAttendance;
                attendanceChanged.put(line, wasAbsent);
            }
            if (line.minutes != newMinutes) {
                addendum.changes.add(new SessionAddendum.Change(line.studentId, "minutes",
                        Integer.toString(line.minutes), Integer.toString(newMinutes)));
                minutesChanged.add(line);
                previousMinutes.add(line.minutes);
                line.minutes = newMinutes;
            }
            if (c != null && c.progressNote() != null && !Objects.equals(c.progressNote(), line.progressNote)) {
                addendum.changes.add(new SessionAddendum.Change(line.studentId, "progressNote", line.progressNote,
                        c.progressNote()));
                line.progressNote = c.progressNote();
            }
            List<GoalDataEntry> replaced = newGoals.get(line.studentId);
            List<GoalDataEntry> before = entries(currentGoals, line.studentId);
            if (replaced != null && !replaced.equals(before)) {
                addendum.changes.add(new SessionAddendum.Change(line.studentId, "goalData", json(before),
                        json(replaced)));
                GoalObservation.delete("sessionLogId = ?1 and studentId = ?2", log.id, line.studentId);
                for (int j = 0; j < replaced.size(); j++) {
                    GoalObservation.of(log.id, line.studentId, j, replaced.get(j)).persist();
                }
            }
        }
        if (addendum.changes.isEmpty()) {
            throw ProblemException.unprocessable("The addendum changes nothing on log " + logId);
        }
        addendum.persist();
        attendanceChanged.forEach((line, wasAbsent) -> systemMisses.attendanceCorrected(log, line, wasAbsent,
                LocalDate.now(districtZone)));
        for (int i = 0; i < minutesChanged.size(); i++) {
            StudentAttendance line = minutesChanged.get(i);
            List<SessionCompleted.Repayment> repaid = makeups.reallocate(log.id, line.studentId, line.minutes);
            outbox.publish(SessionAmended.TYPE, line.studentId, new SessionAmended(log.id, addendum.id,
                    line.studentId, line.mandateId, log.providerId, log.setting, log.sessionDate,
                    previousMinutes.get(i), line.minutes, repaid, request.reason()));
        }
        audit.write(SessionLogService.AUDIT_RESOURCE, log.id, SessionLogService.studentsOf(log));
        return addendum;
    }

    public List<SessionAddendum> of(UUID logId) {
        return SessionAddendum.list("sessionLogId = ?1 order by createdAt", logId);
    }

    private static List<GoalDataEntry> entries(List<GoalObservation> goals, UUID studentId) {
        return goals.stream().filter(g -> g.studentId.equals(studentId)).map(GoalObservation::entry).toList();
    }

    /** CreditedMinutes names lines by their place in the log; the client named them by their place in the addendum. */
    private static org.iepservices.problem.Problem.Violation remap(org.iepservices.problem.Problem.Violation v,
                                                                   SessionLog log, Map<UUID, Integer> positions) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^students\\[(\\d+)](.*)$").matcher(v.field());
        if (m.matches()) {
            UUID student = log.students.get(Integer.parseInt(m.group(1))).studentId;
            Integer position = positions.get(student);
            if (position != null) {
                return new org.iepservices.problem.Problem.Violation("students[" + position + "]" + m.group(2),
                        v.message());
            }
        }
        return v;
    }

    private String json(List<GoalDataEntry> entries) {
        try {
            String text = mapper.writeValueAsString(entries);
            return text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
