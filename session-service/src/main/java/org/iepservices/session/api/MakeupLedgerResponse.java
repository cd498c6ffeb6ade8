package org.iepservices.session.api;

import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.MissCircumstance;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.domain.OwedVerdict;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Per mandate: minutes missed and owed, in IEP-team review, not owed, repaid by makeups, and still
 * outstanding; then every miss with what repaid it.
 */
public record MakeupLedgerResponse(UUID studentId, List<MandateLedger> mandates) {

    public record MandateLedger(UUID mandateId, String serviceType, int owedMinutes, int inReviewMinutes,
                                int notOwedMinutes, int repaidMinutes, int outstandingMinutes, List<Miss> misses) {
    }

    public record Miss(UUID missId, LocalDate sessionDate, ServiceSetting setting, int minutes, MissReason reason,
                       MissCircumstance circumstance, OwedVerdict owed, OwedVerdict policyVerdict,
                       MissResponse.Resolution resolution, int repaidMinutes, int outstandingMinutes,
                       List<UUID> repaidBy) {
    }
}
