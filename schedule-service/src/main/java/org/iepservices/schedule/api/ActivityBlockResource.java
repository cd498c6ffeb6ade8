package org.iepservices.schedule.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.IfMatch;
import org.iepservices.schedule.api.ActivityDtos.ActivityBlockRequest;
import org.iepservices.schedule.api.ActivityDtos.ActivityBlockResponse;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.service.ActivityBlockService;

import java.util.UUID;

@Path("/api/v1/activity-blocks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Classes and activities")
public class ActivityBlockResource {

    private final ActivityBlockService blocks;

    ActivityBlockResource(ActivityBlockService blocks) {
        this.blocks = blocks;
    }

    @GET
    @Operation(summary = "Read an activity block")
    public Response get(@PathParam("id") UUID id) {
        ActivityBlock block = blocks.get(id);
        return Response.ok(ActivityBlockResponse.of(block)).tag(Long.toString(block.version)).build();
    }

    @PUT
    @Operation(summary = "Change an activity block",
            description = "Same rules as creating (422). 409 if push-in series join the block and would fall outside "
                    + "it; If-Match with the ETag guards against overwriting a concurrent change (412).")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull ActivityBlockRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        ActivityBlock block = blocks.update(id, request, IfMatch.version(ifMatch));
        return Response.ok(ActivityBlockResponse.of(block)).tag(Long.toString(block.version)).build();
    }

    @DELETE
    @Operation(summary = "Remove an activity block", description = "409 while push-in series join it.")
    public Response delete(@PathParam("id") UUID id) {
        blocks.delete(id);
        return Response.noContent().build();
    }
}
