package org.iepservices.schedule.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.access.StudentScopeQuery.Condition;
import org.iepservices.schedule.domain.conflict.Conflict;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The conflicts the schedule has now, series by series: what was accepted with an override,
 * and what appeared since (a new bell schedule, a changed availability, an enrollment that ended).
 */
@ApplicationScoped
public class ConflictQuery {

    private final CurrentConflicts series;

    ConflictQuery(CurrentConflicts series) {
        this.series = series;
    }

    /** One series' current conflicts. */
    public record SeriesConflicts(SessionSeries series, List<Conflict> conflicts) {
    }

    /**
     * Series of a provider and/or school still running on or after {@code from} (all when null), with
     * conflicts: only series with a student in the caller's scope, and only conflicts naming no student
     * outside it (a conflict about another student's session is that student's record).
     */
    public List<SeriesConflicts> find(UUID providerId, UUID schoolId, LocalDate from, AccessScope scope) {
        // Series cancelled from their first day never run; the others are checked.
        Condition visible = scope.contains("vm.studentId");
        StringBuilder where = new StringBuilder("(cancelledFrom is null or cancelledFrom > effectiveFrom) and id in"
                + " (select v.id from SessionSeries v join v.members vm where " + visible.jpql() + ")");
        Parameters params = new Parameters();
        visible.params().forEach(params::and);
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
        List<SeriesConflicts> checked = new ArrayList<>();
        for (SessionSeries s : SessionSeries.<SessionSeries>list(where + " order by dayOfWeek, startTime, id",
                params)) {
            if (from != null && s.lastDay().isBefore(from)) {
                continue;
            }
            List<Conflict> conflicts = series.currentConflicts(s);
            if (!conflicts.isEmpty()) {
                checked.add(new SeriesConflicts(s, conflicts));
            }
        }
        Set<UUID> named = scope.visible(checked.stream().flatMap(f -> f.conflicts().stream())
                .map(Conflict::studentId).filter(Objects::nonNull).toList());
        List<SeriesConflicts> found = new ArrayList<>();
        for (SeriesConflicts f : checked) {
            List<Conflict> shown = f.conflicts().stream()
                    .filter(c -> c.studentId() == null || named.contains(c.studentId())).toList();
            if (!shown.isEmpty()) {
                found.add(new SeriesConflicts(f.series(), shown));
            }
        }
        return found;
    }
}
