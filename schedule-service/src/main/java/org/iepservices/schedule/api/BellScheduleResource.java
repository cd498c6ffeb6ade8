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
import org.iepservices.schedule.api.ScheduleDtos.BellScheduleRequest;
import org.iepservices.schedule.api.ScheduleDtos.BellScheduleResponse;
import org.iepservices.schedule.domain.BellSchedule;
import org.iepservices.schedule.service.BellScheduleService;

import java.util.UUID;

@Path("/api/v1/bell-schedules/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "School day and year")
public class BellScheduleResource {

    private final BellScheduleService service;

    BellScheduleResource(BellScheduleService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Read a bell schedule")
    public Response get(@PathParam("id") UUID id) {
        BellSchedule schedule = service.get(id);
        return Response.ok(BellScheduleResponse.of(schedule)).tag(Long.toString(schedule.version)).build();
    }

    @PUT
    @Operation(summary = "Change a bell schedule", description = "If-Match with the ETag guards against "
            + "overwriting a concurrent change (412).")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull BellScheduleRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        BellSchedule schedule = service.update(id, request, IfMatch.version(ifMatch));
        return Response.ok(BellScheduleResponse.of(schedule)).tag(Long.toString(schedule.version)).build();
    }

    @DELETE
    @Operation(summary = "Remove a bell schedule (and the dates assigned to it)")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }
}
