package org.iepservices.student.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.ServiceProfileUpdated;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.service.command.ServiceProfileRequest;
import org.iepservices.student.domain.ServiceProfileRules;
import org.iepservices.student.domain.StudentServiceProfile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A student's service profile. Scheduling (push-in or pull-out?) and Medicaid billing keep copies
 * from ServiceProfileUpdated, which is published only when something actually changed.
 */
@ApplicationScoped
public class ServiceProfileService {

    private final StudentService students;
    private final Outbox outbox;
    private final ZoneId districtZone;

    ServiceProfileService(StudentService students, Outbox outbox,
                          @ConfigProperty(name = "district.time-zone") ZoneId districtZone) {
        this.students = students;
        this.outbox = outbox;
        this.districtZone = districtZone;
    }

    /** The stored profile, or the empty one (version 0, nothing recorded) for a student without one. */
    public StudentServiceProfile get(UUID studentId) {
        students.get(studentId);
        StudentServiceProfile profile = StudentServiceProfile.findById(studentId);
        return profile != null ? profile : StudentServiceProfile.empty(studentId);
    }

    @Transactional
    public StudentServiceProfile replace(UUID studentId, ServiceProfileRequest request, Long expectedVersion) {
        students.get(studentId);
        StudentServiceProfile stored = StudentServiceProfile.findById(studentId, LockModeType.PESSIMISTIC_WRITE);
        StudentServiceProfile current = stored != null ? stored : StudentServiceProfile.empty(studentId);
        IfMatch.check("Service profile of student", studentId, expectedVersion, current.version);

        List<String> codes = new ArrayList<>();
        List<Violation> violations = ServiceProfileRules.check(blankToNull(request.medicaidId()),
                request.diagnosisCodes() == null ? List.of() : request.diagnosisCodes(),
                request.billingConsentOnFile(), request.billingConsentDate(), LocalDate.now(districtZone), codes);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The service profile is invalid", violations);
        }
        StudentServiceProfile wanted = StudentServiceProfile.empty(studentId);
        wanted.regulationSupport = request.regulationSupport();
        wanted.needsQuietSetting = request.needsQuietSetting();
        wanted.medicaidId = blankToNull(request.medicaidId());
        wanted.diagnosisCodes = codes;
        wanted.billingConsentOnFile = request.billingConsentOnFile();
        wanted.billingConsentDate = request.billingConsentDate();
        if (stored != null && stored.sameContentAs(wanted)) {
            return stored; // nothing changed: no new version, no event
        }
        StudentServiceProfile profile = stored;
        if (profile == null) {
            profile = wanted;
            profile.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            // The first stored version is 1, so the ETag "0" of the empty profile never matches a stored one.
            profile.version = 1;
            profile.persist();
        } else {
            profile.regulationSupport = wanted.regulationSupport;
            profile.needsQuietSetting = wanted.needsQuietSetting;
            profile.medicaidId = wanted.medicaidId;
            profile.diagnosisCodes.clear();
            profile.diagnosisCodes.addAll(wanted.diagnosisCodes);
            profile.billingConsentOnFile = wanted.billingConsentOnFile;
            profile.billingConsentDate = wanted.billingConsentDate;
            profile.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        profile.flush(); // the version moves now, so the response's ETag is the new one
        outbox.publish(ServiceProfileUpdated.TYPE, studentId, new ServiceProfileUpdated(studentId,
                profile.regulationSupport.name(), profile.needsQuietSetting, profile.medicaidId,
                List.copyOf(profile.diagnosisCodes), profile.billingConsentOnFile, profile.billingConsentDate));
        return profile;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
