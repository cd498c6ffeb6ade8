package org.iepservices.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.session.domain.MakeupLink;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.domain.OwedVerdict;
import org.iepservices.session.domain.copy.KnownMandate;
import org.iepservices.session.service.CallerAccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/students/{studentId}/makeup-ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Misses")
public class MakeupLedgerResource {

    private final CallerAccess access;
    private final AccessAudit audit;

    MakeupLedgerResource(CallerAccess access, AccessAudit audit) {
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "A student's makeup ledger",
            description = "Per mandate: owed, in review, not owed, repaid and outstanding minutes, and each miss with "
                    + "its verdict (policy and IEP-team resolution) and the makeup sessions that repaid it. Only "
                    + "completed makeup sessions repay; a miss can be repaid in parts by several makeups. Filter "
                    + "with mandateId. For a student on the caller's caseload, or of their schools or district; "
                    + "anyone else is a 404.")
    @RolesAllowed({Role.PROVIDER_NAME, Role.SCHOOL_ADMIN_NAME, Role.DISTRICT_ADMIN_NAME})
    public MakeupLedgerResponse ledger(@PathParam("studentId") UUID studentId,
                                       @QueryParam("mandateId") UUID mandateId) {
        if (!access.maySeeStudent(studentId)) {
            throw ProblemException.notFound("Student", studentId);
        }
        audit.read("makeup-ledger", studentId, studentId);
        List<MissedSession> misses = mandateId == null
                ? MissedSession.list("studentId = ?1 order by sessionDate, createdAt", studentId)
                : MissedSession.list("studentId = ?1 and mandateId = ?2 order by sessionDate, createdAt", studentId,
                mandateId);
        Map<UUID, List<MakeupLedgerResponse.Miss>> byMandate = new LinkedHashMap<>();
        for (MissedSession miss : misses) {
            List<MakeupLink> links = MakeupLink.list("key.missId = ?1 and minutes > 0", miss.id);
            int repaid = links.stream().mapToInt(l -> l.minutes).sum();
            int outstanding = miss.owed == OwedVerdict.OWED ? Math.max(0, miss.minutes - repaid) : 0;
            MissResponse.Resolution resolution = miss.resolvedBy == null ? null : new MissResponse.Resolution(
                    miss.owed, miss.resolvedBy, miss.resolvedOn, miss.resolutionNote, miss.resolvedAt);
            byMandate.computeIfAbsent(miss.mandateId, id -> new ArrayList<>()).add(new MakeupLedgerResponse.Miss(
                    miss.id, miss.sessionDate, miss.setting, miss.minutes, miss.reason, miss.circumstance, miss.owed,
                    miss.policyVerdict, resolution, repaid, outstanding,
                    links.stream().map(l -> l.key.sessionLogId()).toList()));
        }
        List<MakeupLedgerResponse.MandateLedger> mandates = new ArrayList<>();
        byMandate.forEach((id, list) -> {
            KnownMandate mandate = KnownMandate.findById(id);
            mandates.add(new MakeupLedgerResponse.MandateLedger(id, mandate == null ? null : mandate.serviceType,
                    sum(list, OwedVerdict.OWED), sum(list, OwedVerdict.REVIEW), sum(list, OwedVerdict.NOT_OWED),
                    list.stream().mapToInt(MakeupLedgerResponse.Miss::repaidMinutes).sum(),
                    list.stream().mapToInt(MakeupLedgerResponse.Miss::outstandingMinutes).sum(),
                    list));
        });
        return new MakeupLedgerResponse(studentId, mandates);
    }

    private static int sum(List<MakeupLedgerResponse.Miss> misses, OwedVerdict verdict) {
        return misses.stream().filter(m -> m.owed() == verdict).mapToInt(MakeupLedgerResponse.Miss::minutes).sum();
    }
}
