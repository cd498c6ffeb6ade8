package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.domain.conflict.Conflict;
import org.iepservices.schedule.domain.conflict.ConflictKind;
import org.iepservices.schedule.domain.conflict.ConflictRules;
import org.iepservices.schedule.domain.conflict.ProposedSession.Participant;
import org.iepservices.schedule.domain.conflict.ProposedSession;
import org.iepservices.schedule.domain.conflict.Severity;
import org.iepservices.schedule.domain.series.SessionSeries;
import org.iepservices.schedule.service.SchedulingFactsLoader.Exclusion;

import java.util.ArrayList;
import java.util.List;

/** The conflicts a stored series has now, others having changed around it since it was made. */
@ApplicationScoped
public class CurrentConflicts {

    private final SchedulingFactsLoader facts;

    CurrentConflicts(SchedulingFactsLoader facts) {
        this.facts = facts;
    }

    /** The conflicts a stored series has now (others may have changed around it since it was made). */
    public List<Conflict> currentConflicts(SessionSeries series) {
        if (series.cancelledEntirely() || series.lastDay().isBefore(series.effectiveFrom)
                || series.activeMembers().isEmpty()) {
            return List.of();
        }
        ProposedSession proposed = proposedOf(series);
        List<Conflict> conflicts = new ArrayList<>(ConflictRules.check(proposed, facts.load(proposed,
                Exclusion.series(series.id))));
        if (series.rescheduleReason != null) {
            // Set when an IEP change left the series not fitting its new mandate; cleared by the next edit.
            conflicts.add(0, Conflict.of(ConflictKind.MANDATE_CHANGED, Severity.HARD, series.rescheduleReason)
                    .on(series.rescheduleFrom));
        }
        return conflicts;
    }

    ProposedSession proposedOf(SessionSeries s) {
        return new ProposedSession(ProposedSession.Scope.SERIES, s.id, null, s.providerId, s.schoolId,
                s.serviceType, s.setting, s.classId, s.activityBlockId, s.dayOfWeek, s.time(), s.effectiveFrom,
                s.lastDay(), s.activeMembers().stream().map(m -> new Participant(m.studentId(), m.mandateId()))
                .toList());
    }
}
