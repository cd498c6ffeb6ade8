package org.iepservices.schedule.api;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.IfMatch;
import org.iepservices.schedule.access.WriteAccess;
import org.iepservices.schedule.api.ActivityDtos.ActivityBlockRequest;
import org.iepservices.schedule.api.ActivityDtos.ActivityBlockResponse;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.service.ActivityBlockService;

import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;
import static org.iepservices.access.Role.TEACHER_NAME;

@Path("/api/v1/activity-blocks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Classes and activities")
public class ActivityBlockResource {

    private final ActivityBlockService blocks;
    private final WriteAccess writes;

    ActivityBlockResource(ActivityBlockService blocks, WriteAccess writes) {
        this.blocks = blocks;
        this.writes = writes;
    }

    @GET
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "Read an activity block")
    @APIResponse(responseCode = "200", description = "The block; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityBlockResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        ActivityBlock block = blocks.get(id);
        return Response.ok(ActivityBlockResponse.of(block)).tag(Long.toString(block.version)).build();
    }

    @PUT
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, TEACHER_NAME})
    @Operation(summary = "Change an activity block",
            description = "Same rules as creating (422). 409 if push-in series join the block and would fall outside "
                    + "it; If-Match with the ETag guards against overwriting a concurrent change (412). An admin of "
                    + "the school changes anything; a teacher of the class only pushInOpenness and note (403 "
                    + "listing the other fields changed).")
    @APIResponse(responseCode = "200", description = "Changed; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityBlockResponse.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull ActivityBlockRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        writes.blockUpdate(blocks.get(id), request);
        ActivityBlock block = blocks.update(id, request, IfMatch.version(ifMatch));
        return Response.ok(ActivityBlockResponse.of(block)).tag(Long.toString(block.version)).build();
    }

    @DELETE
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME})
    @Operation(summary = "Remove an activity block", description = "409 while push-in series join it. An admin of "
            + "the school (403).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        writes.schoolAdmin(blocks.get(id).schoolId);
        blocks.delete(id);
        return Response.noContent().build();
    }
}
