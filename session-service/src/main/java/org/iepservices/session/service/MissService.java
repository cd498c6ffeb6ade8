package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.access.AccessAudit;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.MissResolved;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionMissed;
import org.iepservices.problem.ProblemException;
import org.iepservices.session.api.MissRequest;
import org.iepservices.session.domain.MakeupLink;
import org.iepservices.session.domain.MissOrigin;
import org.iepservices.session.domain.MissRules;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.domain.OwedVerdict;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.copy.ScheduledOccurrence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Records misses, applies the student's district makeup policy and announces them; records the IEP
 * team's decision on misses the policy sent to REVIEW.
 */
@ApplicationScoped
public class MissService {

    private final Outbox outbox;
    private final MakeupPolicyService policies;
    private final ReferenceChecks references;
    private final ZoneId districtZone;
    private final CallerAccess access;
    private final AccessAudit audit;

    MissService(Outbox outbox, MakeupPolicyService policies, ReferenceChecks references,
                @ConfigProperty(name = "district.time-zone") String districtZone, CallerAccess access,
                AccessAudit audit) {
        this.outbox = outbox;
        this.policies = policies;
        this.references = references;
        this.districtZone = ZoneId.of(districtZone);
        this.access = access;
        this.audit = audit;
    }

    /** Resource type of misses in the access audit. */
    public static final String AUDIT_RESOURCE = "missed-session";

    @Transactional
    public MissedSession record(MissRequest request) {
        // Before anything about the student is looked up: a student outside the caller's scope is refused
        // without learning whether the occurrence, mandate or school exist.
        access.requireMayWriteFor(java.util.List.of(request.studentId()));
        UUID mandateId = request.mandateId();
        UUID providerId = request.providerId();
        ServiceSetting setting = request.setting();
        LocalDate date = request.sessionDate();
        Integer minutes = request.minutes();
        if (request.occurrenceId() != null) {
            ScheduledOccurrence occurrence = ScheduledOccurrence.findById(
                    new ScheduledOccurrence.Key(request.occurrenceId(), request.studentId()));
            if (occurrence == null) {
                Findings pending = new Findings();
                pending.pending("occurrenceId", "occurrence " + request.occurrenceId() + " of student "
                        + request.studentId() + " (SessionSeriesScheduled on schedule.events)");
                pending.throwIfAny("The missed session");
            }
            mandateId = mandateId != null ? mandateId : occurrence.mandateId;
            providerId = providerId != null ? providerId : occurrence.providerId;
            setting = setting != null ? setting : occurrence.setting;
            date = date != null ? date : occurrence.date;
            minutes = minutes != null ? minutes : Integer.valueOf(occurrence.minutes);
            mandateId = ContinuingMandates.inForceOn(mandateId, date);
        }
        Findings missing = new Findings();
        require(missing, "mandateId", mandateId);
        require(missing, "providerId", providerId);
        require(missing, "setting", setting);
        require(missing, "sessionDate", date);
        require(missing, "minutes", minutes);
        missing.throwIfInvalidRequest("The missed session");
        access.requireMayDocumentFor(providerId);

        Findings findings = new Findings();
        findings.invalid(MissRules.check(request.reason(), request.circumstance(), request.note(), minutes));
        KnownStaff provider = references.provider(findings, "providerId", providerId);
        references.line(findings, "", request.studentId(), mandateId, date, provider, java.util.List.of());
        Optional<ReferenceChecks.District> district = references.district(findings, "studentId", request.studentId());
        MissedSession systemMiss = null;
        if (request.occurrenceId() != null) {
            systemMiss = MissedSession.<MissedSession>find("occurrenceId = ?1 and studentId = ?2 and origin = ?3 "
                    + "and withdrawnAt is null", request.occurrenceId(), request.studentId(), MissOrigin.SYSTEM)
                    .firstResult();
            if (systemMiss == null) {
                SessionLogService.documentedElsewhere(request.occurrenceId(), request.studentId(), null);
            } else {
                SessionLogService.loggedElsewhere(request.occurrenceId(), request.studentId(), null);
                refuseIfSettled(systemMiss);
            }
        }
        findings.throwIfAny("The missed session");

        // A person who knows what happened takes over the system's miss of the occurrence: one miss, same id.
        MissedSession miss = systemMiss != null ? systemMiss : new MissedSession();
        if (systemMiss == null) {
            miss.id = UUID.randomUUID();
        }
        miss.studentId = request.studentId();
        miss.mandateId = mandateId;
        miss.providerId = providerId;
        miss.setting = setting;
        miss.sessionDate = date;
        miss.minutes = minutes;
        miss.reason = request.reason();
        miss.circumstance = request.circumstance();
        miss.note = request.note();
        miss.occurrenceId = request.occurrenceId();
        miss.districtId = district.map(ReferenceChecks.District::districtId).orElse(null);
        miss.policyVerdict = policies.policyFor(miss.districtId).verdictFor(request.reason());
        miss.owed = miss.policyVerdict;
        miss.origin = MissOrigin.PERSON;
        miss.recordedBy = access.actor().staffId();
        if (systemMiss == null) {
            miss.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            miss.persist();
        }
        outbox.publish(SessionMissed.TYPE, miss.studentId, new SessionMissed(miss.id, miss.studentId, miss.mandateId,
                miss.providerId, miss.setting, miss.sessionDate, miss.minutes, miss.reason.name(), miss.owed.name(),
                miss.occurrenceId, miss.note, miss.origin.name(), miss.recordedBy));
        audit.write(AUDIT_RESOURCE, miss.id, java.util.List.of(miss.studentId));
        return miss;
    }

    /**
     * The IEP team decides a miss the policy sent to REVIEW: OWED (a makeup can then repay it) or
     * NOT_OWED. Publishes MissResolved. A miss decided already is a conflict.
     */
    @Transactional
    public MissedSession resolve(UUID id, OwedVerdict owed, String decidedBy, LocalDate decidedOn, String note) {
        MissedSession miss = visible(id);
        access.requireMayWriteFor(java.util.List.of(miss.studentId));
        if (owed == OwedVerdict.REVIEW) {
            throw ProblemException.unprocessable("A resolution decides: OWED or NOT_OWED",
                    new org.iepservices.problem.Problem.Violation("owed", "must be OWED or NOT_OWED"));
        }
        if (miss.owed != OwedVerdict.REVIEW) {
            throw ProblemException.conflict("Missed session " + id + " is already decided: " + miss.owed
                    + (miss.resolvedBy == null ? " by the district makeup policy"
                    : " by " + miss.resolvedBy + " on " + miss.resolvedOn));
        }
        miss.owed = owed;
        miss.resolvedBy = decidedBy;
        miss.resolvedOn = decidedOn != null ? decidedOn : LocalDate.now(districtZone);
        miss.resolutionNote = note;
        miss.resolvedAt = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.publish(MissResolved.TYPE, miss.studentId, new MissResolved(miss.id, miss.studentId, miss.mandateId,
                owed.name(), decidedBy, miss.resolvedOn, note));
        audit.write(AUDIT_RESOURCE, miss.id, java.util.List.of(miss.studentId));
        return miss;
    }

    /** A system miss the IEP team decided or a makeup repays is settled: a person's entry does not rewrite it. */
    private static void refuseIfSettled(MissedSession systemMiss) {
        if (systemMiss.resolvedBy != null || MakeupLink.count("key.missId", systemMiss.id) > 0) {
            throw ProblemException.conflict("Student " + systemMiss.studentId + "'s part in occurrence "
                    + systemMiss.occurrenceId + " is already recorded as missed by the system (" + systemMiss.id
                    + ", " + systemMiss.reason + ") and " + (systemMiss.resolvedBy != null
                    ? "decided by " + systemMiss.resolvedBy : "repaid by a makeup"));
        }
    }

    /** The miss if the caller may see it; one outside their scope is the same 404 as one that does not exist. */
    public MissedSession visible(UUID id) {
        return MissedSession.<MissedSession>findByIdOptional(id)
                .filter(m -> access.maySeeMiss(m.studentId, m.providerId))
                .orElseThrow(() -> ProblemException.notFound("Missed session", id));
    }

    private static void require(Findings missing, String field, Object value) {
        if (value == null) {
            missing.invalid(field, "must not be null");
        }
    }
}
