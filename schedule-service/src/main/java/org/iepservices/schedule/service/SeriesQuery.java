package org.iepservices.schedule.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.problem.ProblemException;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.access.StudentScopeQuery.Condition;
import org.iepservices.schedule.domain.series.OccurrenceStatus;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads session series and their occurrences for the caller of the request: one series (404 outside
 * the caller's scope), pages of them by provider, school, student, class and date, counts.
 */
@ApplicationScoped
public class SeriesQuery {

    private final AccessScope scope;

    SeriesQuery(AccessScope scope) {
        this.scope = scope;
    }

    public SessionSeries get(UUID id) {
        return SessionSeries.<SessionSeries>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Session series", id));
    }

    /**
     * A series the caller of the request may see: one of its students (now or earlier) is in their
     * scope. Any other is answered like an unknown one (404), found by one query with the scope in it.
     */
    public SessionSeries visible(UUID id) {
        Condition c = scope.contains("vm.studentId");
        return SessionSeries.<SessionSeries>find("select s from SessionSeries s where s.id = :id and s.id in"
                        + " (select v.id from SessionSeries v join v.members vm where " + c.jpql() + ")",
                        AccessScope.params(c, "id", id)).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Session series", id));
    }

    /** Every student of the series, past members included. */
    public static Set<UUID> studentsOf(SessionSeries series) {
        Set<UUID> ids = new java.util.LinkedHashSet<>();
        series.members.forEach(m -> ids.add(m.studentId()));
        return ids;
    }

    /**
     * A page of series by provider, school, student and class, optionally only those running on a
     * date; only series with a student in the caller's scope (the count too).
     */
    public List<SessionSeries> list(UUID providerId, UUID schoolId, UUID studentId, UUID classId, LocalDate activeOn,
                                    int limit, int offset) {
        Query q = query(providerId, schoolId, studentId, classId, activeOn);
        return SessionSeries.<SessionSeries>find("select s from SessionSeries s where " + q.where()
                        + " order by s.dayOfWeek, s.startTime, s.id", q.params())
                .range(offset, offset + limit - 1).list();
    }

    public long count(UUID providerId, UUID schoolId, UUID studentId, UUID classId, LocalDate activeOn) {
        Query q = query(providerId, schoolId, studentId, classId, activeOn);
        return SessionSeries.count("select count(s) from SessionSeries s where " + q.where(), q.params());
    }

    private record Query(String where, Parameters params) {
    }

    private Query query(UUID providerId, UUID schoolId, UUID studentId, UUID classId, LocalDate activeOn) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        Condition visible = scope.contains("vm.studentId");
        clauses.add(visible == Condition.ALWAYS ? "1 = 1"
                : "s.id in (select v.id from SessionSeries v join v.members vm where " + visible.jpql() + ")");
        visible.params().forEach(params::and);
        if (providerId != null) {
            clauses.add("s.providerId = :provider");
            params.and("provider", providerId);
        }
        if (schoolId != null) {
            clauses.add("s.schoolId = :school");
            params.and("school", schoolId);
        }
        if (classId != null) {
            clauses.add("s.classId = :class");
            params.and("class", classId);
        }
        if (studentId != null) {
            clauses.add("exists (select 1 from SessionSeries t join t.members m where t.id = s.id"
                    + " and m.studentId = :student)");
            params.and("student", studentId);
        }
        if (activeOn != null) {
            clauses.add("s.effectiveFrom <= :day and s.effectiveTo >= :day"
                    + " and (s.cancelledFrom is null or s.cancelledFrom > :day)");
            params.and("day", activeOn);
        }
        return new Query(String.join(" and ", clauses), params);
    }

    public List<SessionOccurrence> occurrences(UUID seriesId, LocalDate from, LocalDate to) {
        return SessionOccurrence.list("seriesId = ?1 and date >= ?2 and date <= ?3 order by date, startTime",
                seriesId, from, to);
    }

    /** Scheduled occurrences per series, in one query. */
    public Map<UUID, Integer> scheduledCounts(Collection<UUID> seriesIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (seriesIds.isEmpty()) {
            return counts;
        }
        SessionOccurrence.getEntityManager().createQuery("select o.seriesId, count(o) from SessionOccurrence o"
                        + " where o.seriesId in :ids and o.status = :status group by o.seriesId", Object[].class)
                .setParameter("ids", seriesIds)
                .setParameter("status", OccurrenceStatus.SCHEDULED)
                .getResultList().forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    public int scheduledCount(UUID seriesId) {
        return (int) SessionOccurrence.count("seriesId = ?1 and status = ?2", seriesId,
                OccurrenceStatus.SCHEDULED);
    }
}
