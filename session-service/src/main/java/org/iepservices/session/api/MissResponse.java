package org.iepservices.session.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.MissCircumstance;
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
                           OffsetDateTime recordedAt) {

    /** The IEP team's decision on a miss the policy sent to REVIEW. */
    public record Resolution(OwedVerdict owed, String decidedBy, LocalDate decidedOn, String note,
                             OffsetDateTime recordedAt) {
    }

    static MissResponse of(MissedSession m) {
        return new MissResponse(m.id, m.studentId, m.mandateId, m.providerId, m.occurrenceId, m.setting, m.sessionDate,
                m.minutes, m.reason, m.circumstance, m.note, m.owed, m.policyVerdict, m.districtId,
                m.resolvedBy == null ? null : new Resolution(m.owed, m.resolvedBy, m.resolvedOn, m.resolutionNote,
                        m.resolvedAt),
                m.createdAt);
    }
}
