package org.iepservices.problem;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The mappers never throw: every failure, even one inside a mapper, leaves as problem+json. */
class ProblemExceptionMappersTest {

    private final ProblemExceptionMappers mappers = new ProblemExceptionMappers();

    /** A request whose raw (still encoded) path is {@code rawPath}; its decoded path is no URI. */
    private static UriInfo request(String rawPath) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[]{UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestUri" -> URI.create("http://localhost:8081" + rawPath);
                    case "getPath" -> java.net.URLDecoder.decode(rawPath, java.nio.charset.StandardCharsets.UTF_8);
                    // As in Quarkus REST: the encoded variants are not supported.
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static UriInfo broken() {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[]{UriInfo.class},
                (proxy, method, args) -> {
                    throw new IllegalStateException("no request");
                });
    }

    private static Problem problemOf(Response response) {
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        return (Problem) response.getEntity();
    }

    @Test
    void anEncodedSpaceOrQuoteInThePathIsTheInstanceAsSent() {
        Response response = mappers.problem(ProblemException.notFound("Class", "a b"), request("/api/v1/classes/a%20b"));
        assertEquals(404, response.getStatus());
        assertEquals(URI.create("/api/v1/classes/a%20b"), problemOf(response).instance());
        assertEquals("/api/v1/classes/%22x%22", ProblemExceptionMappers.instance(request("/api/v1/classes/%22x%22"))
                .toString());
    }

    @Test
    void aPathThatIsNoUriStillGivesAProblem() {
        assertEquals("/a%20b%22c", ProblemExceptionMappers.instance("/a b\"c").getRawPath());
        assertNull(ProblemExceptionMappers.instance("/x".repeat(5000)));
        Response response = mappers.webApplication(new NotFoundException(), broken());
        assertEquals(404, response.getStatus());
        assertNull(problemOf(response).instance());
    }

    @Test
    void frameworkRefusalsAreProblemsWithTheirStatus() {
        Problem notFound = problemOf(mappers.notFound(new NotFoundException(), request("/nowhere")));
        assertEquals(404, notFound.status());
        assertEquals("Not Found", notFound.title());
        assertEquals("Not Found", notFound.detail(), "not the framework's 'HTTP 404 Not Found'");

        Response notAllowed = mappers.notAllowed(new NotAllowedException("GET", new String[]{"PUT"}), request("/x"));
        assertEquals(405, notAllowed.getStatus());
        assertNotNull(notAllowed.getHeaderString("Allow"));
        assertEquals(415, problemOf(mappers.unsupportedMediaType(new NotSupportedException(), request("/x"))).status());
    }

    @Test
    void aClientFailureWrappedInAnotherExceptionIsStillTheClients() {
        Response response = mappers.unexpected(new RuntimeException("wrapped",
                new ProblemException(ProblemType.VALIDATION, "limit: too big")), request("/x"));
        assertEquals(400, response.getStatus());
        Response json = mappers.unexpected(new IllegalStateException(new JsonParseException(null, "bad")), request("/x"));
        assertEquals(400, json.getStatus());
        assertEquals(ProblemType.MALFORMED_BODY.uri(), problemOf(json).type());
    }

    @Test
    void anUnexpectedFailureIsA500ThatLeaksNothing() {
        Problem problem = problemOf(mappers.unexpected(new IllegalStateException("password=secret"), request("/x")));
        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("secret"));
    }

    @Test
    void aMapperThatFailsItselfAnswersProblemJson() {
        // A ProblemException without a type makes the mapper itself fail (NullPointerException).
        Response response = mappers.problem(new ProblemException(null, "broken"), request("/x"));
        assertEquals(500, response.getStatus());
        assertEquals(ProblemType.INTERNAL.uri(), problemOf(response).type());
    }

    @Test
    void hugeClientTextIsNotEchoedWhole() {
        String huge = "x".repeat(100_000);
        Problem problem = problemOf(mappers.malformedJson(new JsonParseException(null, huge), request("/x")));
        assertTrue(problem.detail().length() < 1000, "detail of " + problem.detail().length() + " chars");
        assertEquals(List.of(), problem.violations());
    }
}
