package org.iepservices.schedule.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.domain.conflict.Conflict;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The conflicts the schedule has now, series by series: what was accepted with an override,
 * and what appeared since (a new bell schedule, a changed availability, an enrollment that ended).
 */
@ApplicationScoped
public class ConflictQuery {

    private final SeriesService series;

    ConflictQuery(SeriesService series) {
        this.series = series;
    }

    /** One series' current conflicts. */
    public record SeriesConflicts(SessionSeries series, List<Conflict> conflicts) {
    }

    /** Series of a provider and/or school still running on or after {@code from} (all when null), with conflicts. */
    public List<SeriesConflicts> find(UUID providerId, UUID schoolId, LocalDate from) {
        // Series cancelled from their first day never run; the others are checked.
        StringBuilder where = new StringBuilder("(cancelledFrom is null or cancelledFrom > effectiveFrom)");
        Parameters params = new Parameters();
        if (providerId != null) {
            where.append(" and providerId = :provider");
            params.and("provider", providerId);
        }
        if (schoolId != null) {
            where.append(" and schoolId = :school");
            params.and("school", schoolId);
        }
        if (from != null) {
            where.append(" and effectiveTo >= :from");
            params.and("from", from);
        }
        List<SeriesConflicts> found = new ArrayList<>();
        for (SessionSeries s : SessionSeries.<SessionSeries>list(where + " order by dayOfWeek, startTime, id",
                params)) {
            if (from != null && s.lastDay().isBefore(from)) {
                continue;
            }
            List<Conflict> conflicts = series.currentConflicts(s);
            if (!conflicts.isEmpty()) {
                found.add(new SeriesConflicts(s, conflicts));
            }
        }
        return found;
    }
}
