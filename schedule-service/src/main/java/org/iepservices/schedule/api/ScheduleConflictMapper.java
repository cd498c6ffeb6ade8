package org.iepservices.schedule.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemType;
import org.iepservices.schedule.api.SeriesDtos.ConflictDto;
import org.iepservices.schedule.service.ScheduleConflictException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;

/**
 * A change refused for hard conflicts: 409 problem+json (type .../conflict) with the extension
 * member {@code conflicts} listing every conflict found, hard and soft, so a client can show them
 * all and decide whether to override.
 */
public class ScheduleConflictMapper {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConflictProblem(URI type, String title, int status, String detail, URI instance,
                                  List<ConflictDto> conflicts, String traceId) {
    }

    @ServerExceptionMapper
    public Response conflicts(ScheduleConflictException e, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(new ConflictProblem(ProblemType.CONFLICT.uri(),
                "Schedule conflict", 409, e.getMessage(), uri == null ? null : URI.create(uri.getPath()),
                e.conflicts().stream().map(c -> ConflictDto.of(c, null, null, false)).toList(),
                Problem.currentTraceId())).build();
    }
}
