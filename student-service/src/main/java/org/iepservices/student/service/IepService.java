package org.iepservices.student.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.IepActivated;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.api.IepDtos.GoalRequest;
import org.iepservices.student.api.IepDtos.IepRequest;
import org.iepservices.student.api.IepDtos.MandateRequest;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.IepGoal;
import org.iepservices.student.domain.IepRules;
import org.iepservices.student.domain.IepStatus;
import org.iepservices.student.domain.ServiceMandate;
import org.iepservices.student.domain.Staff;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** IEP drafts, and their activation: the moment mandates take effect and travel to the other services. */
@ApplicationScoped
public class IepService {

    private final StudentService students;
    private final Outbox outbox;

    IepService(StudentService students, Outbox outbox) {
        this.students = students;
        this.outbox = outbox;
    }

    @Transactional
    public Iep createDraft(UUID studentId, IepRequest request) {
        students.get(studentId);
        Iep iep = new Iep();
        iep.id = UUID.randomUUID();
        iep.studentId = studentId;
        iep.status = IepStatus.DRAFT;
        iep.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(iep, request);
        iep.persist();
        return iep;
    }

    @Transactional
    public Iep updateDraft(UUID id, IepRequest request, Long expectedVersion) {
        Iep iep = get(id);
        if (!IepRules.isEditable(iep.status)) {
            throw ProblemException.conflict("IEP " + id + " is " + iep.status
                    + "; an amendment is a new IEP that supersedes it");
        }
        IfMatch.check("IEP", id, expectedVersion, iep.version);
        iep.goals.clear();
        iep.mandates.clear();
        apply(iep, request);
        // Goals and mandates are the inverse side: their changes alone would not move the version.
        // Incremented now, not at commit, so the ETag in the response is already the new one.
        Iep.getEntityManager().lock(iep, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Iep.flush();
        return iep;
    }

    /**
     * Puts a draft in force. The student's active IEP, if any, becomes SUPERSEDED (kept as history)
     * and IepActivated carries the full new set of mandates, effective from the new IEP's start.
     */
    @Transactional
    public Iep activate(UUID id) {
        Iep iep = get(id);
        if (iep.status != IepStatus.DRAFT) {
            throw ProblemException.conflict("IEP " + id + " is " + iep.status + "; only a draft can be activated");
        }
        Iep previous = Iep.<Iep>find("studentId = ?1 and status = ?2", iep.studentId, IepStatus.ACTIVE)
                .firstResult();
        if (previous != null) {
            previous.status = IepStatus.SUPERSEDED;
            previous.flush();
            iep.supersedesId = previous.id;
        }
        iep.status = IepStatus.ACTIVE;
        iep.activatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.publish(IepActivated.TYPE, iep.studentId, new IepActivated(iep.id, iep.studentId, iep.supersedesId,
                iep.startDate, iep.endDate, iep.mandates.stream().map(m -> new IepActivated.Mandate(m.id, null,
                        m.serviceType.name(), null, m.providerId, m.sessionsPerInterval, m.minutesPerSession,
                        m.interval.name(), m.pushInSessions, m.pullOutSessions,
                        m.maxGroupSize > 1 ? "GROUP" : "INDIVIDUAL", m.maxGroupSize, iep.startDate, iep.endDate,
                        null, null, List.of())).toList(),
                iep.goals.stream().map(g -> new IepActivated.Goal(g.id, g.area.name(), g.description, null, null,
                        g.targetPercent, null, g.skillStage.name(), null)).toList()));
        return iep;
    }

    public Iep get(UUID id) {
        return Iep.<Iep>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("IEP", id));
    }

    public List<Iep> ofStudent(UUID studentId) {
        students.get(studentId);
        return Iep.list("studentId = ?1 order by startDate desc, createdAt desc", studentId);
    }

    private void apply(Iep iep, IepRequest request) {
        List<Violation> violations = new ArrayList<>(IepRules.check(request.startDate(), request.endDate(),
                request.annualReviewDate(), request.mandates().stream()
                        .map(m -> new IepRules.MandateShape(m.sessionsPerInterval(), m.pushInSessions(),
                                m.pullOutSessions()))
                        .toList()));
        for (int i = 0; i < request.mandates().size(); i++) {
            UUID provider = request.mandates().get(i).providerId();
            if (provider != null) {
                Staff staff = Staff.findById(provider);
                if (staff == null) {
                    violations.add(new Violation("mandates[" + i + "].providerId", "no staff member " + provider));
                } else if (!staff.discipline.isProvider()) {
                    violations.add(new Violation("mandates[" + i + "].providerId",
                            "a " + staff.discipline + " does not provide related services"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The IEP is inconsistent", violations);
        }
        iep.startDate = request.startDate();
        iep.endDate = request.endDate();
        iep.annualReviewDate = request.annualReviewDate();
        iep.reevaluationDate = request.reevaluationDate();
        iep.eligibility = request.eligibility();
        for (int i = 0; i < request.goals().size(); i++) {
            GoalRequest g = request.goals().get(i);
            IepGoal goal = new IepGoal();
            goal.id = UUID.randomUUID();
            goal.iep = iep;
            goal.position = i;
            goal.area = g.area();
            goal.description = g.description();
            goal.targetPercent = g.targetPercent();
            goal.skillStage = g.skillStage();
            iep.goals.add(goal);
        }
        for (int i = 0; i < request.mandates().size(); i++) {
            MandateRequest m = request.mandates().get(i);
            ServiceMandate mandate = new ServiceMandate();
            mandate.id = UUID.randomUUID();
            mandate.iep = iep;
            mandate.position = i;
            mandate.serviceType = m.serviceType();
            mandate.sessionsPerInterval = m.sessionsPerInterval();
            mandate.minutesPerSession = m.minutesPerSession();
            mandate.interval = m.interval();
            mandate.pushInSessions = m.pushInSessions();
            mandate.pullOutSessions = m.pullOutSessions();
            mandate.maxGroupSize = m.maxGroupSize() == null ? 1 : m.maxGroupSize();
            mandate.providerId = m.providerId();
            iep.mandates.add(mandate);
        }
    }
}
