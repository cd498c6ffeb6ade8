package org.iepservices.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maps every failure a request can hit to RFC 9457 problem+json. The fallback for unexpected
 * exceptions logs the stack trace and answers 500 without leaking internals.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        try {
            return respond(new Problem(e.type().uri(), e.type().title(), e.type().status(), e.getMessage(),
                    instance(uri), e.violations()));
        } catch (RuntimeException failure) {
            return lastResort(failure);
        }
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        try {
            return validation(e, uri);
        } catch (RuntimeException failure) {
            return lastResort(failure);
        }
    }

    private static Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return respond(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, detail,
                instance(uri), violations));
    }

    // Quarkus REST ships mappers for these specific Jackson types; ours must be as specific and rank first.
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unparseable(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        try {
            return malformed(e, uri);
        } catch (RuntimeException failure) {
            return lastResort(failure);
        }
    }

    private static Response malformed(JsonProcessingException e, UriInfo uri) {
        List<Problem.Violation> violations = List.of();
        String detail = "The request body is not valid JSON: " + clip(e.getOriginalMessage());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message;
            if (e instanceof InvalidFormatException invalid) {
                Class<?> target = invalid.getTargetType();
                message = target == String.class ? clip(invalid.getOriginalMessage())
                        : "cannot read '" + clip(String.valueOf(invalid.getValue())) + "' as " + target.getSimpleName()
                        + (target.isEnum() ? "; one of " + java.util.Arrays.toString(target.getEnumConstants()) : "");
            } else if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else {
                message = clip(e.getOriginalMessage());
            }
            violations = List.of(new Problem.Violation(field, message));
            detail = field + ": " + message;
        }
        return respond(new Problem(ProblemType.MALFORMED_BODY.uri(), ProblemType.MALFORMED_BODY.title(), 400,
                detail, instance(uri), violations));
    }

    // Quarkus REST ships its own mappers for these (an empty or text body); ours rank first.
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response notFound(jakarta.ws.rs.NotFoundException e, UriInfo uri) {
        return webApplication(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response notAllowed(jakarta.ws.rs.NotAllowedException e, UriInfo uri) {
        return webApplication(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response notAcceptable(jakarta.ws.rs.NotAcceptableException e, UriInfo uri) {
        return webApplication(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unsupportedMediaType(jakarta.ws.rs.NotSupportedException e, UriInfo uri) {
        return webApplication(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response badRequest(jakarta.ws.rs.BadRequestException e, UriInfo uri) {
        return webApplication(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        try {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status >= 500) {
                LOG.error("Request failed", e);
            }
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
            Response.Status known = Response.Status.fromStatusCode(status);
            String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
            Response.ResponseBuilder response = respondBuilder(new Problem(ProblemType.HTTP.uri(), title, status,
                    status >= 500 ? "The server could not handle the request" : clientDetail(e, known),
                    instance(uri), List.of()));
            // 405 must say what is allowed (RFC 9110); keep the headers the exception carried for that.
            if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
                response.header("Allow", e.getResponse().getHeaderString("Allow"));
            }
            return response.build();
        } catch (RuntimeException failure) {
            return lastResort(failure);
        }
    }

    /**
     * Everything not mapped above. A failure whose cause the client made (a parameter that could not
     * be converted, a body Jackson could not bind) reaches here wrapped; it is still the client's 4xx.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        try {
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof ProblemException problem) {
                    return problem(problem, uri);
                }
                if (cause instanceof WebApplicationException web) {
                    return webApplication(web, uri);
                }
                if (cause instanceof JsonProcessingException json) {
                    return malformedJson(json, uri);
                }
            }
            LOG.error("Unexpected failure", e);
            return respond(new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                    "The server could not handle the request; it has been logged", instance(uri), List.of()));
        } catch (RuntimeException failure) {
            return lastResort(failure);
        }
    }

    /** A mapper that failed itself still answers problem+json, with nothing taken from the request. */
    static Response lastResort(RuntimeException failure) {
        LOG.error("An exception mapper failed", failure);
        return respond(new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                "The server could not handle the request; it has been logged", null, List.of()));
    }

    /**
     * The exception's message when it is one written for the client; the standard reason phrase when
     * it is the framework's own text ("HTTP 404 Not Found"), which says nothing more.
     */
    private static String clientDetail(WebApplicationException e, Response.Status known) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.startsWith("HTTP ")) {
            return known != null ? known.getReasonPhrase() : null;
        }
        return clip(message);
    }

    static Response respond(Problem problem) {
        return respondBuilder(problem).build();
    }

    private static Response.ResponseBuilder respondBuilder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /**
     * The request path as the client sent it (still percent-encoded), or none. The decoded path is
     * no URI when it holds a space, a quote or a {@code %} sign: building one from it threw, and the
     * client got a plain-text 500 instead of its 4xx.
     */
    public static URI instance(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        try {
            // Quarkus REST has no encoded getPath(false); the request URI keeps the raw path.
            return instance(uri.getRequestUri().getRawPath());
        } catch (RuntimeException e) {
            return null;
        }
    }

    static URI instance(String rawPath) {
        if (rawPath == null || rawPath.length() > MAX_INSTANCE_LENGTH) {
            return null;
        }
        try {
            return URI.create(rawPath);
        } catch (IllegalArgumentException notEncoded) {
            try {
                // A character the client did not encode: this constructor quotes it (and any %).
                return new URI(null, null, rawPath, null);
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }

    /** Client text echoed in a detail (a message quoting the body) is cut, so a huge input is not sent back. */
    static String clip(String text) {
        return text == null || text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "…";
    }

    private static final int MAX_INSTANCE_LENGTH = 2048;
    private static final int MAX_DETAIL_LENGTH = 500;

    /** {@code create.arg0.students[0].minutes} becomes {@code students[0].minutes}: clients know no method names. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    // A bare body parameter contributes nothing; a query/path parameter is the field itself.
                    continue;
                }
                default -> {
                }
            }
            if (node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
        }
        if (field.length() == 0) {
            // A constraint on a query or path parameter: its name is the last node.
            for (Path.Node node : path) {
                field.setLength(0);
                field.append(node.getName());
            }
        }
        return field.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
