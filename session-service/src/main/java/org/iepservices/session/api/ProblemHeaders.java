package org.iepservices.session.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iepservices.problem.Problem;
import org.iepservices.session.service.CopiesPendingException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * A 422 caused only by copies that have not arrived yet says so with {@code Retry-After}, so a
 * client (the demo loader, a tablet) knows retrying is the fix.
 */
public class ProblemHeaders {

    @ServerExceptionMapper
    public Response pending(CopiesPendingException e, UriInfo uri) {
        Problem problem = new Problem(e.type().uri(), e.type().title(), e.type().status(), e.getMessage(),
                uri == null ? null : URI.create(uri.getPath()), e.violations());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", CopiesPendingException.RETRY_AFTER_SECONDS).build();
    }
}
