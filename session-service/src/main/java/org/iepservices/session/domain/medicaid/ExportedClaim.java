package org.iepservices.session.domain.medicaid;

import java.util.UUID;

/** A line of an exported batch: its id, whether it bills, voids or replaces, and what it bills. */
public record ExportedClaim(UUID claimLineId, int lineNo, ClaimBatchLine.Kind kind, UUID replacesClaimLineId,
                            BilledClaim claim) {
}
