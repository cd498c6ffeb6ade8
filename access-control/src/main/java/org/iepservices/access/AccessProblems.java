package org.iepservices.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemExceptionMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;

/**
 * Refusals as problem+json like every other error of every service: 403 for a role or rule that
 * does not allow the request (the detail says which rule, never what the record holds), 401 when
 * the request reached the endpoint without a valid identity; the detail never says why a token was
 * refused (expired, wrongly signed), which would help an attacker, not a client. Services check
 * tokens lazily (quarkus.http.auth.proactive=false, permissions applied to JAX-RS) so these
 * exceptions reach here; ranked ahead of Quarkus' own mappers, which answer with an empty body.
 */
public class AccessProblems {

    public static final URI FORBIDDEN = URI.create("https://iepservices.org/problems/forbidden");
    public static final URI UNAUTHORIZED = URI.create("https://iepservices.org/problems/unauthorized");

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "Your role does not allow this request" : e.getMessage();
        return respond(new Problem(FORBIDDEN, "Forbidden", 403, detail, instance(uri), List.of()));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(new Problem(UNAUTHORIZED, "Unauthorized", 401,
                        "A valid bearer token of the district's identity provider is required", instance(uri),
                        List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static URI instance(UriInfo uri) {
        return ProblemExceptionMappers.instance(uri);
    }
}
