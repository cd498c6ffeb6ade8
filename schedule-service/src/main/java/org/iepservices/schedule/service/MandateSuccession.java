package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.domain.iep.Mandate;
import org.iepservices.schedule.domain.series.MandateFit;
import org.iepservices.schedule.domain.series.SeriesMember;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * IEPs change during the year: when a version arrives whose mandates continue earlier ones
 * ({@code continuesMandateId}), the series serving an earlier mandate serve the continuing one
 * from the day it starts (occurrences from then on credit it), a series the new mandate no longer
 * fits is flagged to reschedule (MANDATE_CHANGED; kept, not deleted), and each moved student gets
 * SessionSeriesChanged. Runs in the consumer's transaction. Redelivery changes nothing (no series
 * serves the old mandate any more), and a version that arrives before its predecessor is followed
 * once the predecessor has moved its series (the chain is walked forward).
 */
@ApplicationScoped
public class MandateSuccession {

    private final SeriesEvents events;

    MandateSuccession(SeriesEvents events) {
        this.events = events;
    }

    /** The mandates of a version just received: each one continuing an earlier mandate takes over its series. */
    public void versionReceived(UUID iepId) {
        for (Mandate next : Mandate.<Mandate>list("iepId", iepId)) {
            if (next.continuesMandateId != null) {
                takeOver(next, new HashSet<>());
            }
        }
    }

    private void takeOver(Mandate next, Set<UUID> seen) {
        if (!seen.add(next.id)) {
            return; // a malformed chain that loops
        }
        LocalDate from = next.startDate;
        List<SessionSeries> serving = SessionSeries.list("select distinct s from SessionSeries s join s.members m"
                + " where m.mandateId = ?1 and m.leftFrom is null", next.continuesMandateId);
        for (SessionSeries s : serving) {
            if (s.cancelledEntirely() || s.lastDay().isBefore(from)) {
                continue;
            }
            List<SeriesMember> members = new ArrayList<>();
            SeriesMember moved = null;
            for (SeriesMember m : s.members) {
                if (m.active() && m.mandateId().equals(next.continuesMandateId)) {
                    moved = m.servedUnder(next.id, from);
                    members.add(moved);
                } else {
                    members.add(m);
                }
            }
            s.members.clear();
            s.members.addAll(members);
            List<String> misfits = MandateFit.misfits(s.setting, s.durationMinutes, s.activeMembers().size(),
                    next.terms());
            if (!misfits.isEmpty()) {
                s.rescheduleReason = "The IEP changed on " + from + ": " + String.join("; ", misfits);
                s.rescheduleFrom = from;
            }
            s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            s.flush();
            events.scheduled(s, moved, SessionOccurrence.list("seriesId", s.id), true);
        }
        // A later version that arrived first continues this one: its series move on from here.
        for (Mandate later : Mandate.<Mandate>list("continuesMandateId", next.id)) {
            takeOver(later, seen);
        }
    }
}
