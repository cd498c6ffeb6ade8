package org.iepservices.schedule.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.iepservices.access.Actor;
import org.iepservices.access.Role;
import org.iepservices.access.StudentScope;
import org.iepservices.problem.ProblemException;
import org.iepservices.schedule.access.StudentScopeQuery.Condition;
import org.iepservices.schedule.config.DistrictClock;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The students the caller of this request may see, as query conditions ({@link #contains}) and as
 * answers about given students ({@link #visible}), both from one {@link StudentScopeQuery}. A direct
 * read of a student outside the scope is answered like an unknown one ({@link #requireStudent}: 404),
 * so a caller learns nothing about students they have no legitimate interest in.
 */
@RequestScoped
public class AccessScope {

    private final Actor actor;
    private final StudentScopeQuery query;
    private final EntityManager em;
    /** Answers already looked up in this request. */
    private final Map<UUID, Boolean> answered = new HashMap<>();

    AccessScope(Actor actor, DistrictClock clock, EntityManager em) {
        this.actor = actor;
        this.query = StudentScopeQuery.of(actor.studentScope(), clock.today());
        this.em = em;
    }

    public Actor actor() {
        return actor;
    }

    /** The staff id of a provider or teacher token (null for others). */
    public UUID staffId() {
        return actor.staffId();
    }

    public boolean has(Role role) {
        return actor.has(role);
    }

    /**
     * Whether the caller may see IEP detail (mandates, goals, service profile): admins and providers;
     * teachers see who comes when, not the IEP.
     */
    public boolean seesIepDetail() {
        StudentScope kind = actor.studentScope();
        return kind instanceof StudentScope.District || kind instanceof StudentScope.Schools
                || kind instanceof StudentScope.Caseload;
    }

    /** Whether every student is in scope (a district admin of a single-district deployment). */
    public boolean everyone() {
        return query.everyone();
    }

    /** A condition on the student id {@code idExpression} (a JPQL path) for the caller's queries. */
    public Condition contains(String idExpression) {
        return query.contains(idExpression);
    }

    /** Which of {@code studentIds} the caller may see, in one query per scope source. */
    public Set<UUID> visible(Collection<UUID> studentIds) {
        Set<UUID> ids = studentIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (query.everyone()) {
            return ids;
        }
        Set<UUID> unknown = new HashSet<>(ids);
        unknown.removeAll(answered.keySet());
        if (!unknown.isEmpty()) {
            Set<UUID> found = new HashSet<>();
            for (String jpql : query.visibleAmong("candidates")) {
                TypedQuery<UUID> q = em.createQuery(jpql, UUID.class).setParameter("candidates", unknown);
                query.paramsUsedIn(jpql).forEach(q::setParameter);
                found.addAll(q.getResultList());
            }
            unknown.forEach(id -> answered.put(id, found.contains(id)));
        }
        return ids.stream().filter(answered::get).collect(Collectors.toSet());
    }

    public boolean canSee(UUID studentId) {
        return studentId != null && visible(List.of(studentId)).contains(studentId);
    }

    /** 404, worded like an unknown student, unless the caller may see the student. */
    public void requireStudent(UUID studentId) {
        if (!canSee(studentId)) {
            throw ProblemException.notFound("Student", studentId + " (schedule-service knows students from "
                    + "roster.events)");
        }
    }

    /** The parameters of a query: the scope condition's and the query's own. */
    public static Map<String, Object> params(Condition condition, Object... nameValuePairs) {
        Map<String, Object> params = new LinkedHashMap<>(condition.params());
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            params.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return params;
    }
}
