package org.iepservices.student.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.IepEnded;
import org.iepservices.problem.IfMatch;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.service.command.IepCommands.ConstraintRequest;
import org.iepservices.student.service.command.IepCommands.EndRequest;
import org.iepservices.student.service.command.IepCommands.GoalRequest;
import org.iepservices.student.service.command.IepCommands.IepRequest;
import org.iepservices.student.service.command.IepCommands.MandateRequest;
import org.iepservices.student.domain.Delivery;
import org.iepservices.student.domain.Discipline;
import org.iepservices.student.domain.GoalArea;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.IepGoal;
import org.iepservices.student.domain.GoalMeasureRules;
import org.iepservices.student.domain.IepRules;
import org.iepservices.student.domain.IepStatus;
import org.iepservices.student.domain.MandateConstraint;
import org.iepservices.student.domain.ServiceMandate;
import org.iepservices.student.domain.ServiceType;
import org.iepservices.student.domain.Staff;
import org.iepservices.student.domain.Student;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The IEP lifecycle: drafts, activation (the moment mandates take effect and travel to the other
 * services), amendments as new versions with their own effective date, and ending an IEP. Every
 * refused request is refused before anything is written, and every change that other services
 * must know of is published through the outbox in the same transaction.
 */
@ApplicationScoped
public class IepService {

    private final StudentService students;
    private final Outbox outbox;
    private final CaseloadService caseloads;

    IepService(StudentService students, Outbox outbox, CaseloadService caseloads) {
        this.students = students;
        this.outbox = outbox;
        this.caseloads = caseloads;
    }

    @Transactional
    public Iep createDraft(UUID studentId, IepRequest request) {
        students.get(studentId);
        Iep iep = candidate(request, null);
        iep.id = UUID.randomUUID();
        iep.studentId = studentId;
        iep.originalIepId = iep.id;
        iep.versionNumber = 1;
        validateDraft(iep, null);
        iep.persist();
        return iep;
    }

    /**
     * Amends the IEP in force: a new draft version with its own effective date and the full new set
     * of goals and mandates. It takes effect when activated; until then the amended version is untouched.
     */
    @Transactional
    public Iep amend(UUID amendedId, IepRequest request) {
        Iep amended = get(amendedId);
        requireInForce(amended, "amended");
        Iep iep = candidate(request, amended);
        iep.id = UUID.randomUUID();
        iep.studentId = amended.studentId;
        iep.originalIepId = amended.originalIepId;
        iep.versionNumber = amended.versionNumber + 1;
        iep.amendsId = amended.id;
        validateDraft(iep, amended);
        iep.persist();
        return iep;
    }

    @Transactional
    public Iep updateDraft(UUID id, IepRequest request, Long expectedVersion) {
        Iep iep = get(id);
        if (!IepRules.isEditable(iep.status)) {
            throw ProblemException.conflict("IEP " + id + " is " + iep.status + " and is never edited in place; "
                    + (iep.status == IepStatus.ACTIVE ? "amend it (POST /api/v1/ieps/" + id + "/amendments)"
                    : "history stays as it was"));
        }
        IfMatch.check("IEP", id, expectedVersion, iep.version);
        Iep amended = iep.amendsId == null ? null : get(iep.amendsId);
        // Built and checked apart from the stored draft, so a refused edit cannot reach the database.
        Iep edited = candidate(request, amended);
        edited.id = iep.id;
        edited.amendsId = iep.amendsId;
        validateDraft(edited, amended);
        iep.startDate = edited.startDate;
        iep.endDate = edited.endDate;
        iep.effectiveFrom = edited.effectiveFrom;
        iep.annualReviewDate = edited.annualReviewDate;
        iep.reevaluationDate = edited.reevaluationDate;
        iep.eligibility = edited.eligibility;
        iep.amendmentReason = edited.amendmentReason;
        iep.goals.clear();
        iep.mandates.clear();
        edited.goals.forEach(g -> g.iep = iep);
        edited.mandates.forEach(m -> m.iep = iep);
        iep.goals.addAll(edited.goals);
        iep.mandates.addAll(edited.mandates);
        // Goals and mandates are the inverse side: their changes alone would not move the version.
        // Incremented now, not at commit, so the ETag in the response is already the new one.
        Iep.getEntityManager().lock(iep, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Iep.flush();
        return iep;
    }

    @Transactional
    public void deleteDraft(UUID id, Long expectedVersion) {
        Iep iep = get(id);
        if (!IepRules.isEditable(iep.status)) {
            throw ProblemException.conflict("IEP " + id + " is " + iep.status + "; only a draft can be deleted");
        }
        IfMatch.check("IEP", id, expectedVersion, iep.version);
        iep.delete();
    }

    /**
     * Puts a draft in force. An amendment supersedes the version it amends from its effective date
     * and publishes IepAmended; a new IEP supersedes the student's previous one (whose term must be
     * over by then) and publishes IepActivated. Both carry the full set of mandates and goals.
     */
    @Transactional
    public Iep activate(UUID id) {
        Iep iep = get(id);
        if (iep.status != IepStatus.DRAFT) {
            throw ProblemException.conflict("IEP " + id + " is " + iep.status + "; only a draft can be activated");
        }
        // One activation per student at a time: the one-active-IEP rule is decided on a stable picture.
        Student.getEntityManager().find(Student.class, iep.studentId, LockModeType.PESSIMISTIC_WRITE);
        Iep amended = null;
        if (iep.isAmendment()) {
            amended = get(iep.amendsId);
            if (amended.status != IepStatus.ACTIVE) {
                throw ProblemException.conflict("IEP " + id + " amends version " + amended.id + ", which is "
                        + amended.status + (amended.supersededById != null ? " (superseded by " + amended.supersededById
                        + ")" : "") + "; draft the amendment again from the version in force");
            }
        }
        List<Iep> others = Iep.list("studentId = ?1 and status <> ?2 and id <> ?3", iep.studentId, IepStatus.DRAFT, id);
        List<Violation> violations = IepRules.checkActivation(iep, amended, staffDisciplines(iep.mandates), others);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "IEP " + id + " cannot take effect", violations);
        }
        Iep previous = amended != null ? amended
                : others.stream().filter(o -> o.status == IepStatus.ACTIVE).findFirst().orElse(null);
        if (previous != null) {
            previous.status = IepStatus.SUPERSEDED;
            previous.supersededById = iep.id;
            previous.supersededFrom = iep.effectiveFrom;
            previous.flush(); // the one-ACTIVE-per-student index sees the old version go first
            iep.supersedesId = previous.id;
        }
        iep.status = IepStatus.ACTIVE;
        iep.activatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (amended != null) {
            outbox.publish(IepAmended.TYPE, iep.studentId, IepEventPayloads.amended(iep));
        } else {
            outbox.publish(IepActivated.TYPE, iep.studentId, IepEventPayloads.activated(iep));
        }
        // The named providers' caseloads follow the version in force, in this same transaction.
        caseloads.iepTookEffect(iep, previous);
        iep.flush();
        return iep;
    }

    /** Ends the IEP in force on a date: its mandates stop then, and nothing is owed after it. */
    @Transactional
    public Iep end(UUID id, EndRequest request) {
        Iep iep = get(id);
        requireInForce(iep, "ended");
        List<Violation> violations = IepRules.checkEnd(iep, request.endedOn());
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "IEP " + id + " cannot end on " + request.endedOn(),
                    violations);
        }
        iep.status = IepStatus.ENDED;
        iep.endedOn = request.endedOn();
        iep.endReason = request.reason().trim();
        outbox.publish(IepEnded.TYPE, iep.studentId, IepEventPayloads.ended(iep));
        caseloads.iepEnded(iep);
        iep.flush();
        return iep;
    }

    public Iep get(UUID id) {
        return Iep.<Iep>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("IEP", id));
    }

    /** Every version of every IEP of the student, newest first; optionally of one status. */
    public List<Iep> ofStudent(UUID studentId, IepStatus status, int offset, int limit) {
        students.get(studentId);
        return Iep.<Iep>find("studentId = :student and (:status is null or status = :status)"
                                + " order by effectiveFrom desc, versionNumber desc, createdAt desc",
                        Parameters.with("student", studentId).and("status", status))
                .range(offset, offset + limit - 1).list();
    }

    public long countOfStudent(UUID studentId, IepStatus status) {
        return Iep.count("studentId = :student and (:status is null or status = :status)",
                Parameters.with("student", studentId).and("status", status));
    }

    /** The amendment chain the IEP belongs to, oldest version first. */
    public List<Iep> chain(UUID id) {
        Iep iep = get(id);
        return Iep.list("originalIepId = ?1 order by versionNumber, createdAt", iep.originalIepId);
    }

    private void requireInForce(Iep iep, String verb) {
        switch (iep.status) {
            case ACTIVE -> {
            }
            case DRAFT -> throw ProblemException.conflict("IEP " + iep.id + " is a draft; edit it instead");
            case SUPERSEDED -> throw ProblemException.conflict("IEP " + iep.id + " was superseded by "
                    + iep.supersededById + "; only the version in force can be " + verb);
            case ENDED -> throw ProblemException.conflict("IEP " + iep.id + " ended on " + iep.endedOn
                    + "; it cannot be " + verb);
        }
    }

    private void validateDraft(Iep iep, Iep amended) {
        List<Violation> violations = IepRules.checkDraft(iep, amended, staffDisciplines(iep.mandates));
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The IEP is inconsistent", violations);
        }
    }

    private static Map<UUID, Discipline> staffDisciplines(List<ServiceMandate> mandates) {
        Set<UUID> ids = mandates.stream().map(m -> m.providerId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Staff.<Staff>list("id in ?1", ids).stream().collect(Collectors.toMap(s -> s.id, s -> s.discipline));
    }

    /** A transient IEP version built from the request, defaults resolved; not yet persisted or checked. */
    private static Iep candidate(IepRequest request, Iep amended) {
        Iep iep = new Iep();
        iep.status = IepStatus.DRAFT;
        iep.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        iep.startDate = request.startDate();
        iep.endDate = request.endDate();
        iep.effectiveFrom = request.effectiveFrom() != null || amended != null ? request.effectiveFrom()
                : request.startDate();
        iep.annualReviewDate = request.annualReviewDate();
        iep.reevaluationDate = request.reevaluationDate();
        iep.eligibility = request.eligibility().trim();
        iep.amendmentReason = blankToNull(request.amendmentReason());
        iep.amendsId = amended == null ? null : amended.id;
        Set<ServiceType> mandated = request.mandates().stream().map(MandateRequest::serviceType)
                .collect(Collectors.toSet());
        for (int i = 0; i < request.mandates().size(); i++) {
            iep.mandates.add(mandate(request.mandates().get(i), i, iep));
        }
        for (int i = 0; i < request.goals().size(); i++) {
            iep.goals.add(goal(request.goals().get(i), i, iep, mandated));
        }
        if (amended != null) {
            linkContinuedMandates(iep, amended);
            linkContinuedGoals(iep, amended);
        }
        return iep;
    }

    private static ServiceMandate mandate(MandateRequest m, int position, Iep iep) {
        ServiceMandate mandate = new ServiceMandate();
        mandate.id = UUID.randomUUID();
        mandate.iep = iep;
        mandate.position = position;
        mandate.serviceType = m.serviceType();
        mandate.providerDiscipline = m.providerDiscipline() != null ? m.providerDiscipline()
                : m.serviceType().discipline();
        mandate.providerId = m.providerId();
        mandate.sessionsPerInterval = m.sessionsPerInterval();
        mandate.minutesPerSession = m.minutesPerSession();
        mandate.interval = m.interval();
        mandate.pushInSessions = m.pushInSessions();
        mandate.pullOutSessions = m.pullOutSessions();
        mandate.maxGroupSize = m.maxGroupSize() == null ? 1 : m.maxGroupSize();
        mandate.delivery = m.delivery() != null ? m.delivery()
                : mandate.maxGroupSize > 1 ? Delivery.GROUP : Delivery.INDIVIDUAL;
        mandate.startDate = m.startDate() != null ? m.startDate()
                : iep.effectiveFrom != null ? iep.effectiveFrom : iep.startDate;
        mandate.endDate = m.endDate() != null ? m.endDate() : iep.endDate;
        mandate.pushInLocation = blankToNull(m.pushInLocation());
        if (mandate.pushInLocation == null && mandate.pushInSessions > 0) {
            mandate.pushInLocation = ServiceType.DEFAULT_PUSH_IN_LOCATION;
        }
        mandate.pullOutLocation = blankToNull(m.pullOutLocation());
        if (mandate.pullOutLocation == null && mandate.pullOutSessions > 0) {
            mandate.pullOutLocation = m.serviceType().defaultPullOutLocation();
        }
        if (m.constraints() != null) {
            for (ConstraintRequest c : m.constraints()) {
                mandate.constraints.add(new MandateConstraint(c.kind(), c.subject(), c.setting(), blankToNull(c.note())));
            }
        }
        mandate.continuesMandateId = m.continuesMandateId();
        return mandate;
    }

    private static IepGoal goal(GoalRequest g, int position, Iep iep, Set<ServiceType> mandated) {
        IepGoal goal = new IepGoal();
        goal.id = UUID.randomUUID();
        goal.iep = iep;
        goal.position = position;
        goal.area = g.area();
        goal.description = g.description().trim();
        goal.baseline = blankToNull(g.baseline());
        goal.target = blankToNull(g.target());
        goal.targetPercent = g.targetPercent();
        goal.measurementMethod = g.measurementMethod();
        goal.skillStage = g.skillStage();
        goal.serviceType = g.serviceType() != null ? g.serviceType() : serviceFor(g.area(), mandated);
        goal.continuesGoalId = g.continuesGoalId();
        goal.direction = g.direction();
        goal.targetValue = g.targetValue();
        goal.durationUnit = g.durationUnit();
        goal.scaleMin = g.scaleMin();
        goal.scaleMax = g.scaleMax();
        GoalMeasureRules.applyDefaults(goal);
        return goal;
    }

    /**
     * The service that works on a goal when the request does not say: the one usually working on the
     * area if the IEP mandates it, else the IEP's only service; unknown when neither applies.
     */
    static ServiceType serviceFor(GoalArea area, Set<ServiceType> mandated) {
        ServiceType usual = area.usualService();
        if (usual != null && (mandated.isEmpty() || mandated.contains(usual))) {
            return usual;
        }
        return mandated.size() == 1 ? mandated.iterator().next() : null;
    }

    /**
     * A mandate of an amendment that does not say which mandate it continues carries on the amended
     * version's mandate of the same service, when exactly one of each is left unlinked: compliance then
     * follows "speech" across versions without the coordinator copying ids.
     */
    private static void linkContinuedMandates(Iep iep, Iep amended) {
        Set<UUID> claimed = iep.mandates.stream().map(m -> m.continuesMandateId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(HashSet::new));
        Map<ServiceType, List<ServiceMandate>> unlinkedNew = new HashMap<>();
        for (ServiceMandate m : iep.mandates) {
            if (m.continuesMandateId == null) {
                unlinkedNew.computeIfAbsent(m.serviceType, k -> new ArrayList<>()).add(m);
            }
        }
        unlinkedNew.forEach((type, fresh) -> {
            List<ServiceMandate> old = amended.mandates.stream()
                    .filter(o -> o.serviceType == type && !claimed.contains(o.id)).toList();
            if (fresh.size() == 1 && old.size() == 1) {
                fresh.get(0).continuesMandateId = old.get(0).id;
            }
        });
    }

    /**
     * A goal that does not say which goal it carries on continues the amended version's goal kept
     * word for word (same area and description); failing that, the one goal of the amended
     * version with the same area and service when exactly one is left on each side (a goal whose
     * wording or target was revised keeps its data history).
     */
    private static void linkContinuedGoals(Iep iep, Iep amended) {
        Set<UUID> claimed = iep.goals.stream().map(g -> g.continuesGoalId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(HashSet::new));
        for (IepGoal goal : iep.goals) {
            if (goal.continuesGoalId != null) {
                continue;
            }
            amended.goals.stream()
                    .filter(o -> !claimed.contains(o.id) && o.area == goal.area && o.description.equals(goal.description))
                    .findFirst()
                    .ifPresent(o -> {
                        goal.continuesGoalId = o.id;
                        claimed.add(o.id);
                    });
        }
        for (IepGoal goal : iep.goals) {
            if (goal.continuesGoalId != null) {
                continue;
            }
            List<IepGoal> fresh = iep.goals.stream().filter(g -> g.continuesGoalId == null && sameKind(g, goal)).toList();
            List<IepGoal> old = amended.goals.stream().filter(o -> !claimed.contains(o.id) && sameKind(o, goal)).toList();
            if (fresh.size() == 1 && old.size() == 1) {
                goal.continuesGoalId = old.get(0).id;
                claimed.add(old.get(0).id);
            }
        }
    }

    private static boolean sameKind(IepGoal a, IepGoal b) {
        return a.area == b.area && Objects.equals(a.serviceType, b.serviceType);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
