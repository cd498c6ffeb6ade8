package org.iepservices.session.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.MissCircumstance;
import org.iepservices.session.domain.MissOrigin;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.domain.OwedVerdict;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record MissResponse(UUID id, UUID studentId, UUID mandateId, UUID providerId, UUID occurrenceId,
                           ServiceSetting setting, LocalDate sessionDate, int minutes, MissReason reason,
                           MissCircumstance circumstance, String note,
                           @Schema(description = "The current verdict: the policy's, or the IEP team's resolution")
                           OwedVerdict owed,
                           @Schema(description = "What the district policy said when the miss was recorded")
                           OwedVerdict policyVerdict,
                           @Schema(description = "Whose policy decided; null: the default policy (district unknown)")
                           UUID districtId,
                           Resolution resolution,
                           OffsetDateTime recordedAt,
                           @Schema(description = "SYSTEM (recorded by the service: closure, cancellation, ABSENT line "
                                   + "of a signed group log, undocumented occurrence) or PERSON")
                           MissOrigin origin,
                           @Schema(description = "Staff id of the person who entered it")
                           UUID recordedBy,
                           @Schema(description = "The signed log whose ABSENT line this miss is")
                           UUID sessionLogId,
                           @Schema(description = "Set when an UNDOCUMENTED miss was withdrawn because the occurrence "
                                   + "was documented after all; a withdrawn miss is not owed")
                           Withdrawal withdrawn) {

    public record Withdrawal(OffsetDateTime at, String note) {
    }

    /** The IEP team's decision on a miss the policy sent to REVIEW. */
    public record Resolution(OwedVerdict owed, String decidedBy, LocalDate decidedOn, String note,
                             OffsetDateTime recordedAt) {
    }

    static MissResponse of(MissedSession m) {
        return new MissResponse(m.id, m.studentId, m.mandateId, m.providerId, m.occurrenceId, m.setting, m.sessionDate,
                m.minutes, m.reason, m.circumstance, m.note, m.owed, m.policyVerdict, m.districtId,
                m.resolvedBy == null ? null : new Resolution(m.owed, m.resolvedBy, m.resolvedOn, m.resolutionNote,
                        m.resolvedAt),
                m.createdAt, m.origin, m.recordedBy, m.sessionLogId,
                m.withdrawnAt == null ? null : new Withdrawal(m.withdrawnAt, m.withdrawnNote));
    }
}
