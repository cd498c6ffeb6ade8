package org.iepservices.session.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.domain.ServiceDiscipline;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.StudentAttendance;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.copy.KnownStudent;
import org.iepservices.session.domain.copy.ServiceProfile;
import org.iepservices.session.domain.medicaid.ClaimFacts;
import org.iepservices.session.domain.medicaid.ClaimLine;
import org.iepservices.session.domain.medicaid.ClaimRules;
import org.iepservices.session.domain.medicaid.MedicaidServiceCode;
import org.iepservices.session.domain.medicaid.ServiceCode;
import org.iepservices.session.domain.medicaid.ServiceCodeTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Medicaid claim lines for the sessions in a date range: one per student credited with minutes in
 * a session log (completed or not: an unsigned log is listed as not billable, so nothing delivered
 * is silently left out of the export).
 */
@ApplicationScoped
public class ClaimService {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}");
    private static final Pattern DISCIPLINE = Pattern.compile("[A-Z][A-Z_]{1,39}");

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
        List<SessionLog> logs = SessionLog.list(where + " order by sessionDate, startTime, id", params);
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
        Map<UUID, KnownStaff> providers = byId(providerIds.isEmpty() ? List.<KnownStaff>of()
                : KnownStaff.list("staffId in ?1", providerIds), s -> s.staffId);
        ServiceCodeTable codes = MedicaidServiceCode.table();

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
                lines.add(ClaimRules.line(new ClaimFacts(log.id, log.sessionDate, log.startTime, log.endTime,
                        log.isLocked(), log.signedBy, log.signerCredentials, log.signedAt, log.providerId,
                        provider == null ? null : provider.displayName(), discipline, s.serviceType, log.format,
                        present, s.studentId, student == null ? null : student.givenName,
                        student == null ? null : student.familyName, s.minutes,
                        profile == null ? null : profile.medicaidId,
                        profile == null ? List.of() : profile.diagnosisCodes,
                        profile != null && profile.consentOn(log.sessionDate)), codes));
            }
        }
        return lines;
    }

    public List<ServiceCode> codes() {
        return MedicaidServiceCode.table().codes();
    }

    /** Replaces the whole table; each discipline and format at most once, codes of five letters or digits. */
    @Transactional
    public List<ServiceCode> replaceCodes(List<ServiceCode> codes) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            ServiceCode c = codes.get(i);
            String at = "codes[" + i + "].";
            if (!DISCIPLINE.matcher(c.discipline()).matches()) {
                violations.add(new Violation(at + "discipline", "a discipline such as SLP, OT, PT or COUNSELOR"));
            }
            if (!CODE.matcher(c.code()).matches()) {
                violations.add(new Violation(at + "code", "a five-character CPT/HCPCS code such as 92507"));
            }
            if (!seen.add(c.discipline() + "/" + c.billingFormat())) {
                violations.add(new Violation(at + "billingFormat", c.discipline() + " " + c.billingFormat()
                        + " is listed twice"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The service-code table is inconsistent", violations);
        }
        MedicaidServiceCode.deleteAll();
        MedicaidServiceCode.flush();
        for (ServiceCode c : codes) {
            MedicaidServiceCode row = new MedicaidServiceCode();
            row.key = new MedicaidServiceCode.Key(c.discipline(), c.billingFormat());
            row.code = c.code();
            row.description = c.description();
            row.persist();
        }
        return codes();
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, HashMap::new));
    }
}
