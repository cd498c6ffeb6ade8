package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.session.domain.DocumentationStatus;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.SessionStatus;
import org.iepservices.session.domain.copy.ScheduledOccurrence;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whether each student's part in scheduled occurrences is documented (a signed log), missed (a miss
 * not withdrawn) or still undocumented once the occurrence is over: the provider's worklist.
 */
@ApplicationScoped
public class Worklist {

    private final ZoneId districtZone;

    Worklist(@ConfigProperty(name = "district.time-zone") String districtZone) {
        this.districtZone = ZoneId.of(districtZone);
    }

    public record StudentDocumentation(DocumentationStatus status, UUID sessionLogId, UUID missId) {
    }

    /** What is known of the documentation of a set of occurrences. */
    public static final class Documentation {

        private final LocalDateTime now;
        private final Map<ScheduledOccurrence.Key, UUID> signedLogs;
        private final Map<ScheduledOccurrence.Key, UUID> misses;

        Documentation(LocalDateTime now, Map<ScheduledOccurrence.Key, UUID> signedLogs,
                      Map<ScheduledOccurrence.Key, UUID> misses) {
            this.now = now;
            this.signedLogs = signedLogs;
            this.misses = misses;
        }

        public StudentDocumentation of(ScheduledOccurrence row) {
            UUID log = signedLogs.get(row.key);
            UUID miss = misses.get(row.key);
            return new StudentDocumentation(DocumentationStatus.ofStudent(over(row), miss != null, log != null,
                    row.cancelled()), log, miss);
        }

        /** Over once its end time has passed (its day, when the time is not known). */
        private boolean over(ScheduledOccurrence row) {
            if (row.date.isBefore(now.toLocalDate())) {
                return true;
            }
            return row.date.isEqual(now.toLocalDate()) && row.endTime() != null
                    && !row.endTime().isAfter(now.toLocalTime());
        }
    }

    /** Looks up the signed logs and misses of these occurrences' students. */
    public Documentation of(Collection<UUID> occurrenceIds) {
        Map<ScheduledOccurrence.Key, UUID> logs = new HashMap<>();
        Map<ScheduledOccurrence.Key, UUID> misses = new HashMap<>();
        if (!occurrenceIds.isEmpty()) {
            List<Object[]> signed = SessionLog.getEntityManager().createQuery(
                            "select l.occurrenceId, s.studentId, l.id from SessionLog l join l.students s "
                                    + "where l.occurrenceId in :ids and l.status = :completed", Object[].class)
                    .setParameter("ids", occurrenceIds).setParameter("completed", SessionStatus.COMPLETED)
                    .getResultList();
            signed.forEach(r -> logs.put(new ScheduledOccurrence.Key((UUID) r[0], (UUID) r[1]), (UUID) r[2]));
            List<MissedSession> recorded = MissedSession.list("occurrenceId in ?1 and withdrawnAt is null",
                    occurrenceIds);
            recorded.forEach(m -> misses.put(new ScheduledOccurrence.Key(m.occurrenceId, m.studentId), m.id));
        }
        return new Documentation(LocalDateTime.now(districtZone), logs, misses);
    }
}
