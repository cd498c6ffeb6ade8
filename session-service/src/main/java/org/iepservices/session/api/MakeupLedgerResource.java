package org.iepservices.session.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.session.domain.MakeupLink;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.domain.OwedVerdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/students/{studentId}/makeup-ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Misses")
public class MakeupLedgerResource {

    @GET
    @Operation(summary = "A student's makeup ledger",
            description = "Per mandate: owed, in review, not owed, repaid and outstanding minutes, and each miss with "
                    + "the makeup sessions that repaid it. Only completed makeup sessions repay.")
    public MakeupLedgerResponse ledger(@PathParam("studentId") UUID studentId) {
        List<MissedSession> misses = MissedSession.list("studentId = ?1 order by sessionDate", studentId);
        Map<UUID, List<MakeupLedgerResponse.Miss>> byMandate = new LinkedHashMap<>();
        for (MissedSession miss : misses) {
            List<MakeupLink> links = MakeupLink.list("key.missId = ?1 and minutes > 0", miss.id);
            int repaid = links.stream().mapToInt(l -> l.minutes).sum();
            int outstanding = miss.owed == OwedVerdict.NOT_OWED ? 0 : miss.minutes - repaid;
            byMandate.computeIfAbsent(miss.mandateId, id -> new ArrayList<>()).add(new MakeupLedgerResponse.Miss(
                    miss.id, miss.sessionDate, miss.setting, miss.minutes, miss.reason, miss.owed, repaid, outstanding,
                    links.stream().map(l -> l.key.sessionLogId()).toList()));
        }
        List<MakeupLedgerResponse.MandateLedger> mandates = new ArrayList<>();
        byMandate.forEach((mandateId, list) -> mandates.add(new MakeupLedgerResponse.MandateLedger(mandateId,
                sum(list, OwedVerdict.OWED), sum(list, OwedVerdict.REVIEW), sum(list, OwedVerdict.NOT_OWED),
                list.stream().mapToInt(MakeupLedgerResponse.Miss::repaidMinutes).sum(),
                list.stream().filter(m -> m.owed() == OwedVerdict.OWED)
                        .mapToInt(MakeupLedgerResponse.Miss::outstandingMinutes).sum(),
                list)));
        return new MakeupLedgerResponse(studentId, mandates);
    }

    private static int sum(List<MakeupLedgerResponse.Miss> misses, OwedVerdict verdict) {
        return misses.stream().filter(m -> m.owed() == verdict).mapToInt(MakeupLedgerResponse.Miss::minutes).sum();
    }
}
