package org.iepservices.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iepservices.access.Role;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.projection.ProjectionRebuilder;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Rebuilding the read models from the event topics")
@RolesAllowed(Role.DISTRICT_ADMIN_NAME)
public class RebuildResource {

    private final ProjectionRebuilder rebuilder;

    RebuildResource(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @POST
    @Operation(summary = "Rebuild read models from the topics",
            description = "Replays every topic the projections read from its beginning into empty copies of their "
                    + "tables, then swaps the copies in, in one short transaction (live consumers pause for it and "
                    + "then skip what the rebuild already applied). Answers 202 with the rebuild's status and its "
                    + "Location; 409 while another rebuild runs. Records the live consumers dead-lettered are "
                    + "skipped and counted.")
    @APIResponse(responseCode = "202", description = "Started: its status and Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectionRebuilder.Status.class)))
    public Response start(@Parameter(description = "Projections to rebuild (repeat or comma-separate); default all")
                          @QueryParam("projections") List<String> projections, @Context UriInfo uri) {
        List<String> names = projections == null ? List.of() : projections.stream()
                .flatMap(p -> java.util.Arrays.stream(p.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        ProjectionRebuilder.Status status = rebuilder.start(names);
        return Response.accepted(status)
                .location(uri.getBaseUriBuilder().path("api/v1/admin/rebuild").path(status.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{rebuildId}")
    @Operation(summary = "Status of a rebuild",
            description = "QUEUED, RUNNING (replaying; swappedAt is set once swapped), DONE or FAILED (with error; "
                    + "the live tables were kept), events replayed and skipped, the end offsets replayed to.")
    public ProjectionRebuilder.Status status(@PathParam("rebuildId") UUID id) {
        return rebuilder.status(id).orElseThrow(() -> ProblemException.notFound("Rebuild", id));
    }

    @GET
    @Operation(summary = "Recent rebuilds, newest first")
    public List<ProjectionRebuilder.Status> recent() {
        return rebuilder.recent(20);
    }
}
