package org.iepservices.student.service;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.access.AccessAudit;
import org.iepservices.access.Actor;
import org.iepservices.access.ActorProducer;
import org.iepservices.access.Role;
import org.iepservices.problem.ProblemException;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.repository.StudentScopeQuery;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Who may reach which student in this request, and the access trail. A student outside the
 * caller's scope answers exactly like one that does not exist (404), so the API never confirms that
 * a record exists to someone without a legitimate educational interest in it.
 */
@ApplicationScoped
public class StudentAccess {

    private final ActorProducer actors; // request-scoped proxy: this bean outlives every request
    private final AccessAudit audit;
    private final EntityManager em;
    private final ZoneId zone;

    StudentAccess(ActorProducer actors, AccessAudit audit, EntityManager em,
                  @ConfigProperty(name = "district.time-zone") ZoneId zone) {
        this.actors = actors;
        this.audit = audit;
        this.em = em;
        this.zone = zone;
    }

    public Actor actor() {
        return actors.actor();
    }

    public StudentScopeQuery scope() {
        return StudentScopeQuery.of(actor().studentScope(), LocalDate.now(zone));
    }

    /** 404 "Student" unless the caller may see the student. */
    public void requireStudent(UUID studentId) {
        if (!scope().includes(em, studentId)) {
            throw ProblemException.notFound("Student", studentId);
        }
    }

    /** The IEP if it exists and its student is in scope; 404 "IEP" otherwise. */
    public Iep requireIep(UUID iepId) {
        Iep iep = Iep.findById(iepId);
        if (iep == null || !scope().includes(em, iep.studentId)) {
            throw ProblemException.notFound("IEP", iepId);
        }
        return iep;
    }

    /** A school admin acts only on their own schools (403 naming the rule); a district admin anywhere. */
    public void requireSchools(Collection<UUID> schoolIds) {
        Actor actor = actor();
        if (actor.has(Role.DISTRICT_ADMIN)) {
            return;
        }
        if (actor.has(Role.SCHOOL_ADMIN) && actor.schoolIds().containsAll(schoolIds)) {
            return;
        }
        throw new ForbiddenException("A school admin acts only on the schools of their token (school_ids)");
    }

    /** Whether IEP detail may be shown: not to teachers (nor the SIS, which never gets this far). */
    public boolean seesIepDetail() {
        Actor actor = actor();
        return actor.has(Role.DISTRICT_ADMIN) || actor.has(Role.SCHOOL_ADMIN) || actor.has(Role.PROVIDER);
    }

    public void read(String resourceType, Object resourceId, UUID studentId) {
        audit.read(resourceType, resourceId, studentId);
    }

    public void read(String resourceType, Object resourceId, Collection<UUID> studentIds) {
        audit.read(resourceType, resourceId, studentIds);
    }

    public void write(String resourceType, Object resourceId, UUID studentId) {
        audit.write(resourceType, resourceId, List.of(studentId));
    }

    public void export(String resourceType, Collection<UUID> studentIds) {
        audit.export(resourceType, studentIds);
    }
}
