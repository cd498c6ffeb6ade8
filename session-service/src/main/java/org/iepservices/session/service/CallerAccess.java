package org.iepservices.session.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.access.Actor;
import org.iepservices.access.Role;
import org.iepservices.access.StudentScope;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.StudentAttendance;
import org.iepservices.session.domain.copy.KnownStudent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the caller of this request may see and change in session-service, on top of the roles each
 * endpoint allows:
 * <ul>
 *   <li>students: the caller's {@link StudentScopeQuery} (caseload, schools, district);</li>
 *   <li>session logs: a provider sees the logs they wrote (only theirs: another discipline's clinical
 *       notes are not theirs to read, even for a shared student); an admin sees the logs with a student
 *       in scope, and only those students' lines;</li>
 *   <li>misses: those of students in scope, and a provider's own;</li>
 *   <li>writes: every student named must be in scope, a provider documents only their own sessions,
 *       and only the provider who ran a session signs its log.</li>
 * </ul>
 */
@RequestScoped
public class CallerAccess {

    private final Actor actor;
    private final StudentScopeQuery students;

    CallerAccess(Actor actor, @ConfigProperty(name = "district.time-zone") String districtZone) {
        this.actor = actor;
        this.students = StudentScopeQuery.of(actor.studentScope(), LocalDate.now(ZoneId.of(districtZone)));
    }

    public Actor actor() {
        return actor;
    }

    public StudentScopeQuery students() {
        return students;
    }

    /** The caller sees what a provider sees, nothing broader (no admin role). */
    public boolean providerView() {
        return actor.studentScope() instanceof StudentScope.Caseload;
    }

    /**
     * The caller sees what a classroom teacher sees (no admin or provider role): the push-in
     * sessions hosted in their class, never a clinical record.
     */
    public boolean teacherView() {
        return actor.studentScope() instanceof StudentScope.TaughtBy;
    }

    /** The staff id of a caller who is a provider, if the token names one. */
    public Optional<UUID> providerId() {
        return actor.has(Role.PROVIDER) ? Optional.ofNullable(actor.staffId()) : Optional.empty();
    }

    public boolean isDistrictAdmin() {
        return actor.has(Role.DISTRICT_ADMIN);
    }

    // --- session logs ---------------------------------------------------------------------------

    /**
     * JPQL condition (unqualified, for a query on SessionLog) for the logs the caller may see;
     * {@link #bindLogs(Parameters)} binds it.
     */
    public String logCondition() {
        String own = providerId().isPresent() ? "providerId = :callerProvider" : null;
        if (providerView()) {
            return own != null ? own : "1 = 0";
        }
        String withStudentInScope = students.everyone() ? "1 = 1"
                : "id in (select scopeLog.id from SessionLog scopeLog join scopeLog.students scopeLine where "
                + students.condition("scopeLine.studentId") + ")";
        return own == null ? withStudentInScope : "(" + withStudentInScope + " or " + own + ")";
    }

    public Parameters bindLogs(Parameters params) {
        providerId().ifPresent(id -> params.and("callerProvider", id));
        if (!providerView()) {
            students.bind(params);
        }
        return params;
    }

    public boolean isOwn(SessionLog log) {
        return providerId().map(id -> id.equals(log.providerId)).orElse(false);
    }

    /** The students of the log the caller may see: all of their own log's, else those in scope. */
    public Set<UUID> visibleStudents(SessionLog log) {
        List<UUID> lines = log.students.stream().map(s -> s.studentId).toList();
        if (isOwn(log)) {
            return new LinkedHashSet<>(lines);
        }
        if (providerView()) {
            return Set.of();
        }
        return students.visible(SessionLog.getEntityManager(), lines);
    }

    /** {@link #visibleStudents(SessionLog)} for a page of logs, with one scope query for all of them. */
    public java.util.Map<UUID, Set<UUID>> visibleStudents(List<SessionLog> logs) {
        Set<UUID> others = new LinkedHashSet<>();
        logs.stream().filter(l -> !isOwn(l)).forEach(l -> l.students.forEach(s -> others.add(s.studentId)));
        Set<UUID> inScope = providerView() ? Set.of() : students.visible(SessionLog.getEntityManager(), others);
        java.util.Map<UUID, Set<UUID>> result = new java.util.LinkedHashMap<>();
        for (SessionLog log : logs) {
            result.put(log.id, log.students.stream().map(s -> s.studentId)
                    .filter(id -> isOwn(log) || inScope.contains(id))
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        return result;
    }

    /** The log if the caller may see it; otherwise the same 404 as for a log that does not exist. */
    public SessionLog visibleLog(SessionLog log) {
        if (log == null || visibleStudents(log).isEmpty() && !isOwn(log)) {
            return null;
        }
        return log;
    }

    /**
     * A provider documents their own sessions; a district admin may prepare a draft for any provider
     * of the district (the provider still signs it).
     */
    public void requireMayDocumentFor(UUID sessionProvider) {
        if (isDistrictAdmin()) {
            return;
        }
        if (sessionProvider == null || !providerId().map(sessionProvider::equals).orElse(false)) {
            throw new ForbiddenException("A provider documents their own sessions only: providerId "
                    + sessionProvider + " is not the staff id in your token");
        }
    }

    /** Only the provider who ran the session signs its log: nobody signs on a provider's behalf. */
    public void requireSigner(SessionLog log) {
        if (!isOwn(log)) {
            throw new ForbiddenException("Only the provider who ran the session (" + log.providerId
                    + ") signs its log; nobody signs on a provider's behalf");
        }
    }

    /**
     * Every student a write names must be in the caller's scope. A student this service has not
     * received yet is left to the reference checks (a 422 with Retry-After), so a client racing the
     * roster events is told to retry rather than refused.
     */
    public void requireMayWriteFor(Collection<UUID> studentIds) {
        Set<UUID> named = studentIds.stream().filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (named.isEmpty() || students.everyone()) {
            return;
        }
        Set<UUID> known = KnownStudent.<KnownStudent>list("studentId in ?1", named).stream()
                .map(s -> s.studentId).collect(Collectors.toSet());
        Set<UUID> visible = students.visible(KnownStudent.getEntityManager(), known);
        List<UUID> outside = known.stream().filter(id -> !visible.contains(id)).toList();
        if (!outside.isEmpty()) {
            throw new ForbiddenException("Not in your " + scopeName() + ": student"
                    + (outside.size() == 1 ? " " : "s ") + outside.stream().map(UUID::toString)
                    .collect(Collectors.joining(", ")));
        }
    }

    public void requireMayWriteFor(SessionLog log) {
        requireMayWriteFor(log.students.stream().map((StudentAttendance s) -> s.studentId).toList());
    }

    // --- misses ---------------------------------------------------------------------------------

    /** JPQL condition (unqualified, for a query on MissedSession) for the misses the caller may see. */
    public String missCondition() {
        String inScope = students.condition("studentId");
        return providerId().isPresent() ? "(" + inScope + " or providerId = :callerProvider)" : inScope;
    }

    public Parameters bindMisses(Parameters params) {
        providerId().ifPresent(id -> params.and("callerProvider", id));
        return students.bind(params);
    }

    public boolean maySeeMiss(UUID studentId, UUID missProvider) {
        return providerId().map(id -> id.equals(missProvider)).orElse(false)
                || students.includes(KnownStudent.getEntityManager(), studentId);
    }

    public boolean maySeeStudent(UUID studentId) {
        return students.includes(KnownStudent.getEntityManager(), studentId);
    }

    private String scopeName() {
        StudentScope scope = actor.studentScope();
        if (scope instanceof StudentScope.Caseload) {
            return "caseload";
        }
        if (scope instanceof StudentScope.Schools) {
            return "schools";
        }
        if (scope instanceof StudentScope.District) {
            return "district";
        }
        return "scope";
    }
}
