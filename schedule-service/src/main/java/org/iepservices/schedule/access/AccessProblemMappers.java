package org.iepservices.schedule.access;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iepservices.access.AccessProblems;
import org.iepservices.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * A refusal by one of schedule-service's own rules (a teacher changing more than a block's push-in
 * openness, say) as a 403 problem naming the fields; 401s and role refusals are mapped once for
 * every service by access-control's {@link org.iepservices.access.AccessProblems}.
 */
public class AccessProblemMappers {

    @ServerExceptionMapper
    public Response denied(AccessDenied e, UriInfo uri) {
        Problem problem = new Problem(AccessProblems.FORBIDDEN, "Forbidden", 403, e.getMessage(),
                uri == null ? null : URI.create(uri.getPath()), e.violations());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
