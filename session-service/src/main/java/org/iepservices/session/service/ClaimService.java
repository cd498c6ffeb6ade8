package org.iepservices.session.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.session.domain.ServiceDiscipline;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.StudentAttendance;
import org.iepservices.session.domain.copy.KnownSchool;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.copy.KnownStudent;
import org.iepservices.session.domain.copy.ServiceProfile;
import org.iepservices.session.domain.medicaid.ClaimFacts;
import org.iepservices.session.domain.medicaid.ClaimLine;
import org.iepservices.session.domain.medicaid.ClaimRules;
import org.iepservices.session.domain.medicaid.MedicaidProvider;
import org.iepservices.session.domain.medicaid.MedicaidServiceCode;
import org.iepservices.session.domain.medicaid.RenderingProvider;
import org.iepservices.session.domain.medicaid.ServiceCodeTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Medicaid claim lines for the sessions in a date range: one per student credited with minutes in
 * a session log (completed or not: an unsigned log is listed as not billable, so nothing delivered
 * is silently left out of the export). Each line is priced with the service-code table of the
 * student's district.
 */
@ApplicationScoped
public class ClaimService {

    private final CallerAccess access;

    ClaimService(CallerAccess access) {
        this.access = access;
    }

    /**
     * The claim lines of the sessions the caller may see: a provider's own logs, an admin's logs with
     * a student in scope, and of those only the lines of students in scope.
     */
    public List<ClaimLine> claims(LocalDate from, LocalDate to, UUID providerId) {
        Parameters params = access.bindLogs(Parameters.with("from", from).and("to", to));
        String where = "sessionDate >= :from and sessionDate <= :to and " + access.logCondition();
        if (providerId != null) {
            where += " and providerId = :provider";
            params.and("provider", providerId);
        }
        return lines(SessionLog.list(where + " order by sessionDate, startTime, id", params));
    }

    /** The claim lines of these logs the caller may see (for corrections of exported lines). */
    public List<ClaimLine> claimsOfLogs(Collection<UUID> logIds) {
        if (logIds.isEmpty()) {
            return List.of();
        }
        Parameters params = access.bindLogs(Parameters.with("ids", logIds));
        return lines(SessionLog.list("id in :ids and " + access.logCondition()
                + " order by sessionDate, startTime, id", params));
    }

    private List<ClaimLine> lines(List<SessionLog> logs) {
        Set<UUID> studentIds = new HashSet<>();
        Set<UUID> providerIds = new HashSet<>();
        logs.forEach(l -> {
            providerIds.add(l.providerId);
            l.students.forEach(s -> studentIds.add(s.studentId));
        });
        Set<UUID> inScope = access.students().visible(SessionLog.getEntityManager(), studentIds);
        Map<UUID, KnownStudent> students = byId(studentIds.isEmpty() ? List.<KnownStudent>of()
                : KnownStudent.list("studentId in ?1", studentIds), s -> s.studentId);
        Map<UUID, ServiceProfile> profiles = byId(studentIds.isEmpty() ? List.<ServiceProfile>of()
                : ServiceProfile.list("studentId in ?1", studentIds), p -> p.studentId);
        Map<UUID, RenderingProvider> rendering = renderingProviders(providerIds);
        Map<UUID, KnownStaff> providers = byId(providerIds.isEmpty() ? List.<KnownStaff>of()
                : KnownStaff.list("staffId in ?1", providerIds), s -> s.staffId);
        Map<UUID, UUID> districtOfStudent = districts(students.values());
        Map<UUID, ServiceCodeTable> codes = MedicaidServiceCode.tables(districtOfStudent.values());

        List<ClaimLine> lines = new ArrayList<>();
        for (SessionLog log : logs) {
            long present = log.studentsAttending();
            KnownStaff provider = providers.get(log.providerId);
            for (StudentAttendance s : log.students) {
                if (s.minutes <= 0) {
                    continue; // absent: nothing delivered, nothing to claim
                }
                if (!access.isOwn(log) && !inScope.contains(s.studentId)) {
                    continue; // another school's or district's student in a group: not this caller's to export
                }
                KnownStudent student = students.get(s.studentId);
                ServiceProfile profile = profiles.get(s.studentId);
                String discipline = ServiceDiscipline.of(s.serviceType, null);
                if (discipline == null && provider != null) {
                    discipline = provider.discipline;
                }
                ServiceCodeTable table = codes.get(districtOfStudent.get(s.studentId));
                lines.add(ClaimRules.line(new ClaimFacts(log.id, log.sessionDate, log.startTime, log.endTime,
                        log.isLocked(), log.signedBy, log.signerCredentials, log.signedAt, log.providerId,
                        provider == null ? null : provider.displayName(), discipline, s.serviceType, log.format,
                        present, s.studentId, student == null ? null : student.givenName,
                        student == null ? null : student.familyName, s.minutes,
                        profile == null ? null : profile.medicaidId,
                        profile == null ? List.of() : profile.diagnosisCodes,
                        profile != null && profile.consentOn(log.sessionDate),
                        rendering.get(log.providerId)), table == null ? codes.get(null) : table));
            }
        }
        return lines;
    }

    /**
     * Who rendered: the billing discipline on file (else the rostered one), the NPI and, for an
     * assistant, the supervising clinician's name and NPI.
     */
    private static Map<UUID, RenderingProvider> renderingProviders(Set<UUID> providerIds) {
        if (providerIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, MedicaidProvider> billing = byId(MedicaidProvider.list("staffId in ?1", providerIds),
                p -> p.staffId);
        Set<UUID> staffIds = new HashSet<>(providerIds);
        billing.values().stream().map(p -> p.supervisorId).filter(java.util.Objects::nonNull).forEach(staffIds::add);
        Map<UUID, MedicaidProvider> supervisors = byId(MedicaidProvider.list("staffId in ?1", staffIds),
                p -> p.staffId);
        Map<UUID, KnownStaff> staff = byId(KnownStaff.list("staffId in ?1", staffIds), s -> s.staffId);
        Map<UUID, RenderingProvider> result = new HashMap<>();
        for (UUID id : providerIds) {
            MedicaidProvider own = billing.get(id);
            KnownStaff rostered = staff.get(id);
            String discipline = own != null && own.billingDiscipline != null ? own.billingDiscipline
                    : rostered == null ? null : rostered.discipline;
            UUID supervisorId = own == null ? null : own.supervisorId;
            KnownStaff supervisor = supervisorId == null ? null : staff.get(supervisorId);
            MedicaidProvider supervisorBilling = supervisorId == null ? null : supervisors.get(supervisorId);
            result.put(id, new RenderingProvider(discipline, own == null ? null : own.npi, supervisorId,
                    supervisor == null ? null : supervisor.displayName(),
                    supervisorBilling == null ? null : supervisorBilling.npi));
        }
        return result;
    }

    /** Student id to the district of their school (absent when unknown: the defaults price it). */
    private static Map<UUID, UUID> districts(Collection<KnownStudent> students) {
        Set<UUID> schoolIds = students.stream().map(s -> s.schoolId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, KnownSchool> schools = byId(schoolIds.isEmpty() ? List.<KnownSchool>of()
                : KnownSchool.list("schoolId in ?1", schoolIds), s -> s.schoolId);
        Map<UUID, UUID> result = new HashMap<>();
        for (KnownStudent s : students) {
            KnownSchool school = s.schoolId == null ? null : schools.get(s.schoolId);
            if (school != null && school.districtId != null) {
                result.put(s.studentId, school.districtId);
            }
        }
        return result;
    }

    static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, HashMap::new));
    }
}
