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
        return respond(new Problem(e.type().uri(), e.type().title(), e.type().status(), e.getMessage(),
                instance(uri), e.violations()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
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
        List<Problem.Violation> violations = List.of();
        String detail = "The request body is not valid JSON: " + e.getOriginalMessage();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message;
            if (e instanceof InvalidFormatException invalid) {
                Class<?> target = invalid.getTargetType();
                message = "cannot read '" + invalid.getValue() + "' as " + target.getSimpleName()
                        + (target.isEnum() ? "; one of " + java.util.Arrays.toString(target.getEnumConstants()) : "");
            } else if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else {
                message = e.getOriginalMessage();
            }
            violations = List.of(new Problem.Violation(field, message));
            detail = field + ": " + message;
        }
        return respond(new Problem(ProblemType.MALFORMED_BODY.uri(), ProblemType.MALFORMED_BODY.title(), 400,
                detail, instance(uri), violations));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return respond(new Problem(ProblemType.HTTP.uri(), title, status,
                status >= 500 ? "The server could not handle the request" : e.getMessage(), instance(uri), List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("Unexpected failure", e);
        return respond(new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                "The server could not handle the request; it has been logged", instance(uri), List.of()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static URI instance(UriInfo uri) {
        return uri == null ? null : URI.create(uri.getPath());
    }

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
