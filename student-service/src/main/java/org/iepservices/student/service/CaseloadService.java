package org.iepservices.student.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.CaseloadAssignmentChanged;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.service.command.AssignmentRequest;
import org.iepservices.student.domain.CaseloadAssignment;
import org.iepservices.student.domain.CaseloadAssignment.Source;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.ServiceMandate;
import org.iepservices.student.domain.Staff;
import org.iepservices.student.domain.Student;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps the caseload assignments: those of IEP mandates with a named provider follow the IEP (at
 * activation, amendment and end, in the same transaction), manual ones are kept by admins. Every
 * change is published as CaseloadAssignmentChanged through the outbox, key = the student.
 */
@ApplicationScoped
public class CaseloadService {

    private final Outbox outbox;
    private final ZoneId zone;

    CaseloadService(Outbox outbox, @ConfigProperty(name = "district.time-zone") ZoneId zone) {
        this.outbox = outbox;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /**
     * An IEP version took effect. Assignments of the version it superseded carry over to the
     * mandates that continue theirs with the same provider; the others end the day before the new
     * version takes effect; every other mandate with a named provider gets a new assignment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void iepTookEffect(Iep iep, Iep previous) {
        LocalDate today = today();
        List<CaseloadAssignment> open = previous == null ? new ArrayList<>() : new ArrayList<>(ofMandates(previous));
        for (ServiceMandate mandate : iep.mandates) {
            if (mandate.providerId == null) {
                continue;
            }
            CaseloadAssignment carried = open.stream()
                    .filter(a -> a.mandateId.equals(mandate.continuesMandateId) && a.providerId.equals(mandate.providerId))
                    .findFirst().orElse(null);
            if (carried != null) {
                open.remove(carried);
                if (carried.followMandate(mandate.id, mandate.serviceType, mandate.endDate, today)) {
                    changed(carried);
                }
                continue;
            }
            CaseloadAssignment fresh = new CaseloadAssignment();
            fresh.id = UUID.randomUUID();
            fresh.studentId = iep.studentId;
            fresh.providerId = mandate.providerId;
            fresh.source = Source.MANDATE;
            fresh.mandateId = mandate.id;
            fresh.serviceType = mandate.serviceType;
            fresh.discipline = mandate.providerDiscipline;
            fresh.startDate = mandate.startDate;
            fresh.endDate = mandate.endDate;
            fresh.active = mandate.endDate == null || !mandate.endDate.isBefore(today);
            fresh.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            fresh.updatedAt = fresh.createdAt;
            fresh.persist();
            changed(fresh);
        }
        for (CaseloadAssignment left : open) {
            if (left.endAfter(iep.effectiveFrom.minusDays(1), today)) {
                changed(left);
            }
        }
    }

    /** The IEP ended: the assignments of its mandates end with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void iepEnded(Iep iep) {
        LocalDate today = today();
        for (CaseloadAssignment a : ofMandates(iep)) {
            if (a.endAfter(iep.endedOn, today)) {
                changed(a);
            }
        }
    }

    /** @param studentVisible false when the student is unknown or outside the caller's scope (same answer) */
    @Transactional
    public CaseloadAssignment assign(AssignmentRequest request, boolean studentVisible) {
        LocalDate today = today();
        LocalDate start = request.startDate() != null ? request.startDate() : today;
        List<Violation> violations = new ArrayList<>();
        if (!studentVisible || Student.findById(request.studentId()) == null) {
            violations.add(new Violation("studentId", "no student " + request.studentId()));
        }
        Staff provider = Staff.findById(request.providerId());
        if (provider == null) {
            violations.add(new Violation("providerId", "no staff member " + request.providerId()));
        } else if (!provider.discipline.isProvider()) {
            violations.add(new Violation("providerId", "a " + provider.discipline + " is not a related-service provider"));
        } else if (request.serviceType() != null && request.serviceType().discipline() != provider.discipline) {
            violations.add(new Violation("serviceType", request.serviceType() + " is delivered by a "
                    + request.serviceType().discipline() + ", the provider is a " + provider.discipline));
        }
        if (request.endDate() != null && request.endDate().isBefore(start)) {
            violations.add(new Violation("endDate", "must not be before startDate " + start));
        }
        if (request.endDate() != null && request.endDate().isBefore(today)) {
            violations.add(new Violation("endDate", "must not be in the past"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The assignment cannot be made", violations);
        }
        boolean duplicate = CaseloadAssignment.<CaseloadAssignment>list(
                        "studentId = ?1 and providerId = ?2 and active = true", request.studentId(), request.providerId())
                .stream().anyMatch(a -> a.inEffectOn(today) && Objects.equals(a.serviceType, request.serviceType()));
        if (duplicate) {
            throw ProblemException.conflict("Provider " + request.providerId() + " is already assigned to student "
                    + request.studentId() + (request.serviceType() == null ? "" : " for " + request.serviceType()));
        }
        CaseloadAssignment a = new CaseloadAssignment();
        a.id = UUID.randomUUID();
        a.studentId = request.studentId();
        a.providerId = request.providerId();
        a.source = Source.MANUAL;
        a.serviceType = request.serviceType();
        a.discipline = provider.discipline;
        a.startDate = start;
        a.endDate = request.endDate();
        a.active = true;
        a.note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        a.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.updatedAt = a.createdAt;
        a.persist();
        changed(a);
        return a;
    }

    /** Ends an assignment today, whichever its source (reassigning a provider is not an IEP change). */
    @Transactional
    public CaseloadAssignment release(UUID id) {
        CaseloadAssignment a = get(id);
        if (!a.inEffectOn(today())) {
            throw ProblemException.conflict("Assignment " + id + " has already ended"
                    + (a.endDate == null ? "" : " (" + a.endDate + ")"));
        }
        a.release(today());
        changed(a);
        return a;
    }

    public CaseloadAssignment get(UUID id) {
        return CaseloadAssignment.<CaseloadAssignment>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Caseload assignment", id));
    }

    private List<CaseloadAssignment> ofMandates(Iep iep) {
        Set<UUID> mandates = iep.mandates.stream().map(m -> m.id).collect(Collectors.toSet());
        if (mandates.isEmpty()) {
            return List.of();
        }
        return CaseloadAssignment.list("mandateId in :mandates and active = true",
                Parameters.with("mandates", mandates));
    }

    private void changed(CaseloadAssignment a) {
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.publish(CaseloadAssignmentChanged.TYPE, a.studentId, new CaseloadAssignmentChanged(a.id, a.studentId,
                a.providerId, a.serviceType == null ? null : a.serviceType.name(), a.mandateId, a.startDate,
                a.endDate, a.active));
    }
}
