package org.iepservices.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A student's misses, the makeup sessions linked to each, and what is still owed")
public record MakeupLedgerResponse(
        UUID studentId,
        @Schema(description = "Minutes of misses whose verdict is OWED") int owedMinutes,
        int repaidMinutes,
        int outstandingMinutes,
        List<MandateLedger> mandates,
        @Schema(description = "Makeup minutes that name a miss reporting has not received yet")
        List<Makeup> unmatchedMakeups) {

    public record MandateLedger(UUID mandateId, String serviceType, int owedMinutes, int repaidMinutes,
                                int outstandingMinutes, List<MissEntry> misses) {
    }

    @Schema(description = "One miss: verdict in force (OWED, NOT_OWED, REVIEW), the policy's first verdict, the "
            + "makeups linked to it, what is outstanding (owed misses only), and who recorded it: origin SYSTEM "
            + "(session-service itself) or PERSON (recordedBy)")
    public record MissEntry(UUID missId, LocalDate date, String setting, int minutes, String reason, String verdict,
                            String policyVerdict, LocalDate decidedOn, int repaidMinutes, int outstandingMinutes,
                            List<UUID> repaidBy, List<Makeup> makeups, String origin, UUID recordedBy) {
    }

    public record Makeup(UUID sessionLogId, UUID missId, LocalDate date, String setting, int minutes) {
    }
}
