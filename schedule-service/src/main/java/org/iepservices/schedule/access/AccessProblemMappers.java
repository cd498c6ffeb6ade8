package org.iepservices.schedule.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iepservices.problem.Problem;
import org.iepservices.problem.Problem.Violation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;

/**
 * 401 and 403 as RFC 9457 problem+json like every other error of the API. The detail never echoes
 * the token or says why it was refused (expired, wrongly signed): that helps an attacker, not a client.
 * Authentication runs lazily (quarkus.http.auth.proactive=false, permissions applied to JAX-RS), so
 * these exceptions reach this mapper instead of an empty challenge response.
 */
public class AccessProblemMappers {

    static final URI UNAUTHORIZED = URI.create("https://iepservices.org/problems/unauthorized");
    static final URI FORBIDDEN = URI.create("https://iepservices.org/problems/forbidden");

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(FORBIDDEN, "Forbidden", 403, "Your role may not use this endpoint",
                instance(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response denied(AccessDenied e, UriInfo uri) {
        return respond(new Problem(FORBIDDEN, "Forbidden", 403, e.getMessage(), instance(uri), e.violations()));
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(new Problem(UNAUTHORIZED, "Unauthorized", 401,
                        "A valid bearer token of the district's identity provider is required", instance(uri),
                        List.<Violation>of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static URI instance(UriInfo uri) {
        return uri == null ? null : URI.create(uri.getPath());
    }
}
