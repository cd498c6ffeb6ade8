package org.iepservices.session.service;

import io.quarkus.panache.common.Parameters;
import jakarta.persistence.EntityManager;
import org.iepservices.access.StudentScope;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A caller's {@link StudentScope} as a condition of this service's JPQL queries, so lists show only
 * the students the caller may see (and count only those) and a direct read of anyone else finds
 * nothing. Each scope is a union of "sources", subqueries that select student ids from the copies
 * this service keeps:
 * <ul>
 *   <li>district: students whose school (roster copy) belongs to the district; every student when the
 *       token names no district (a single-district deployment);</li>
 *   <li>schools: students whose school is one of the token's schools;</li>
 *   <li>caseload: students with an assignment to the provider in effect today
 *       (CaseloadAssignmentChanged), and students in an occurrence the provider runs that is not
 *       cancelled (schedule copy);</li>
 *   <li>teachers and the SIS: nobody, nothing in this service is theirs to read.</li>
 * </ul>
 */
public final class StudentScopeQuery {

    /** One subquery of student ids: {@code select <id> from <from> where <where>}. */
    record Source(String id, String from, String where) {
        String subquery() {
            return "select " + id + " from " + from + " where " + where;
        }
    }

    private final boolean everyone;
    private final List<Source> sources;
    private final Map<String, Object> parameters;

    private StudentScopeQuery(boolean everyone, List<Source> sources, Map<String, Object> parameters) {
        this.everyone = everyone;
        this.sources = List.copyOf(sources);
        this.parameters = Map.copyOf(parameters);
    }

    public static StudentScopeQuery of(StudentScope scope, LocalDate today) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (scope instanceof StudentScope.District d) {
            if (d.districtId() == null) {
                return new StudentScopeQuery(true, List.of(), params);
            }
            params.put("scopeDistrict", d.districtId());
            return new StudentScopeQuery(false, List.of(new Source("scopeStudent.studentId",
                    "KnownStudent scopeStudent", "scopeStudent.schoolId in (select scopeSchool.schoolId from "
                    + "KnownSchool scopeSchool where scopeSchool.districtId = :scopeDistrict)")), params);
        }
        if (scope instanceof StudentScope.Schools s) {
            if (s.schoolIds().isEmpty()) {
                return none();
            }
            params.put("scopeSchools", Set.copyOf(s.schoolIds()));
            return new StudentScopeQuery(false, List.of(new Source("scopeStudent.studentId",
                    "KnownStudent scopeStudent", "scopeStudent.schoolId in :scopeSchools")), params);
        }
        if (scope instanceof StudentScope.Caseload c) {
            params.put("scopeProvider", c.providerId());
            params.put("scopeToday", today);
            return new StudentScopeQuery(false, List.of(
                    new Source("scopeAssignment.studentId", "CaseloadAssignment scopeAssignment",
                            "scopeAssignment.providerId = :scopeProvider and scopeAssignment.active = true and "
                                    + "(scopeAssignment.endDate is null or scopeAssignment.endDate >= :scopeToday)"),
                    new Source("scopeOccurrence.key.studentId", "ScheduledOccurrence scopeOccurrence",
                            "scopeOccurrence.providerId = :scopeProvider and scopeOccurrence.status = 'SCHEDULED'")),
                    params);
        }
        // Teachers (TaughtBy) and the SIS (Nobody): no student-level record of this service is theirs.
        return none();
    }

    private static StudentScopeQuery none() {
        return new StudentScopeQuery(false, List.of(), Map.of());
    }

    /** No restriction at all (a district admin of a single-district deployment). */
    public boolean everyone() {
        return everyone;
    }

    /** Sees no student at all. */
    public boolean nobody() {
        return !everyone && sources.isEmpty();
    }

    /**
     * A JPQL condition that holds when {@code studentId} (an expression of the outer query, e.g.
     * {@code studentId} or {@code s.studentId}) is a student in scope. Bind the parameters with
     * {@link #bind(Parameters)}.
     */
    public String condition(String studentId) {
        if (everyone) {
            return "1 = 1";
        }
        if (sources.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder condition = new StringBuilder("(");
        for (int i = 0; i < sources.size(); i++) {
            if (i > 0) {
                condition.append(" or ");
            }
            condition.append(studentId).append(" in (").append(sources.get(i).subquery()).append(')');
        }
        return condition.append(')').toString();
    }

    /** Adds the parameters {@link #condition(String)} uses. */
    public Parameters bind(Parameters params) {
        parameters.forEach(params::and);
        return params;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** Which of {@code candidates} are in scope, decided by the database like every list. */
    public Set<UUID> visible(EntityManager em, Collection<UUID> candidates) {
        if (candidates.isEmpty() || everyone) {
            return new LinkedHashSet<>(candidates);
        }
        Set<UUID> found = new LinkedHashSet<>();
        for (Source source : sources) {
            var query = em.createQuery(source.subquery() + " and " + source.id() + " in :scopeCandidates", UUID.class)
                    .setParameter("scopeCandidates", Set.copyOf(candidates));
            parameters.forEach((name, value) -> {
                if (source.where().contains(":" + name)) {
                    query.setParameter(name, value);
                }
            });
            found.addAll(query.getResultList());
        }
        Set<UUID> ordered = new LinkedHashSet<>();
        candidates.forEach(c -> {
            if (found.contains(c)) {
                ordered.add(c);
            }
        });
        return ordered;
    }

    public boolean includes(EntityManager em, UUID studentId) {
        return studentId != null && !visible(em, List.of(studentId)).isEmpty();
    }
}
