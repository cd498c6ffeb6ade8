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
import org.iepservices.schedule.api.ScheduleDtos.BellScheduleRequest;
import org.iepservices.schedule.api.ScheduleDtos.BellScheduleResponse;
import org.iepservices.schedule.domain.BellSchedule;
import org.iepservices.schedule.service.BellScheduleService;

import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;
import static org.iepservices.access.Role.TEACHER_NAME;

@Path("/api/v1/bell-schedules/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "School day and year")
public class BellScheduleResource {

    private final BellScheduleService service;
    private final WriteAccess writes;

    BellScheduleResource(BellScheduleService service, WriteAccess writes) {
        this.service = service;
        this.writes = writes;
    }

    @GET
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "Read a bell schedule")
    @APIResponse(responseCode = "200", description = "The bell schedule; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BellScheduleResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        BellSchedule schedule = service.get(id);
        return Response.ok(BellScheduleResponse.of(schedule)).tag(Long.toString(schedule.version)).build();
    }

    @PUT
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME})
    @Operation(summary = "Change a bell schedule", description = "If-Match with the ETag guards against "
            + "overwriting a concurrent change (412). An admin of the school (403).")
    @APIResponse(responseCode = "200", description = "Changed; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BellScheduleResponse.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull BellScheduleRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        writes.schoolAdmin(service.get(id).schoolId);
        BellSchedule schedule = service.update(id, request, IfMatch.version(ifMatch));
        return Response.ok(BellScheduleResponse.of(schedule)).tag(Long.toString(schedule.version)).build();
    }

    @DELETE
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME})
    @Operation(summary = "Remove a bell schedule (and the dates assigned to it)", description = "An admin of the "
            + "school (403).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        writes.schoolAdmin(service.get(id).schoolId);
        service.delete(id);
        return Response.noContent().build();
    }
}
