package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.SessionMissed;
import org.iepservices.problem.ProblemException;
import org.iepservices.session.api.MissRequest;
import org.iepservices.session.domain.MakeupPolicy;
import org.iepservices.session.domain.MissReason;
import org.iepservices.session.domain.MissedSession;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Records misses, applies the makeup policy and announces them. */
@ApplicationScoped
public class MissService {

    private final Outbox outbox;
    // Per-district configuration through the API comes with the misses-and-makeups issue.
    private final MakeupPolicy policy = MakeupPolicy.districtDefault();

    MissService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public MissedSession record(MissRequest request) {
        if (request.reason() == MissReason.OTHER && (request.note() == null || request.note().isBlank())) {
            throw ProblemException.invalid("note", "a note is required when the reason is OTHER");
        }
        MissedSession miss = new MissedSession();
        miss.id = UUID.randomUUID();
        miss.studentId = request.studentId();
        miss.mandateId = request.mandateId();
        miss.providerId = request.providerId();
        miss.setting = request.setting();
        miss.sessionDate = request.sessionDate();
        miss.minutes = request.minutes();
        miss.reason = request.reason();
        miss.note = request.note();
        miss.owed = policy.verdictFor(request.reason());
        miss.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        miss.persist();
        outbox.publish(SessionMissed.TYPE, miss.studentId, new SessionMissed(miss.id, miss.studentId, miss.mandateId,
                miss.providerId, miss.setting, miss.sessionDate, miss.minutes, miss.reason.name(), miss.owed.name()));
        return miss;
    }
}
