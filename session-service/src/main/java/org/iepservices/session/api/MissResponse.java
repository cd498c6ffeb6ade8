package org.iepservices.session.api;

import org.iepservices.events.ServiceSetting;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.domain.OwedVerdict;

import java.time.LocalDate;
import java.util.UUID;

public record MissResponse(UUID id, UUID studentId, UUID mandateId, UUID providerId, ServiceSetting setting,
                           LocalDate sessionDate, int minutes, MissReason reason, String note, OwedVerdict owed) {

    static MissResponse of(MissedSession m) {
        return new MissResponse(m.id, m.studentId, m.mandateId, m.providerId, m.setting, m.sessionDate, m.minutes,
                m.reason, m.note, m.owed);
    }
}
