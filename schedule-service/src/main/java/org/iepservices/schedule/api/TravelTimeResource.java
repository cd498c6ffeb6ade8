package org.iepservices.schedule.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.ProblemException;
import org.iepservices.schedule.access.WriteAccess;
import org.iepservices.schedule.api.AvailabilityDtos.TravelTimeRequest;
import org.iepservices.schedule.api.AvailabilityDtos.TravelTimeResponse;
import org.iepservices.schedule.domain.availability.TravelTime;
import org.iepservices.schedule.service.AvailabilityService;

import java.util.List;
import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;
import static org.iepservices.access.Role.TEACHER_NAME;

@Path("/api/v1/travel-times")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Providers")
public class TravelTimeResource {

    private final AvailabilityService availability;
    private final WriteAccess writes;

    TravelTimeResource(AvailabilityService availability, WriteAccess writes) {
        this.availability = availability;
        this.writes = writes;
    }

    @PUT
    @RolesAllowed({DISTRICT_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Set the travel time between two schools",
            description = "Minutes either way. Without providerId it is the district default; with it, that "
                    + "provider's own time, which wins. 201 when new, 200 when it replaced a value. Pairs nobody "
                    + "entered count as schedule.travel.default-minutes. District defaults are a district admin's; "
                    + "a provider sets their own (403 otherwise).")
    @APIResponse(responseCode = "201", description = "New",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TravelTimeResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced a value",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TravelTimeResponse.class)))
    public Response put(@Valid @NotNull TravelTimeRequest request) {
        writes.travel(request.providerId());
        AvailabilityService.Saved<TravelTime> saved = availability.putTravelTime(request);
        return Response.status(saved.created() ? 201 : 200).entity(TravelTimeResponse.of(saved.value())).build();
    }

    @GET
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "Travel times entered",
            description = "With providerId: the provider's own and the district defaults; with schoolId: pairs "
                    + "involving that school.")
    public List<TravelTimeResponse> list(@QueryParam("providerId") UUID providerId,
                                         @QueryParam("schoolId") UUID schoolId) {
        return availability.travelTimes(providerId, schoolId).stream().map(TravelTimeResponse::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({DISTRICT_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Remove a travel time", description = "Same rule as setting it (403).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        writes.travel(TravelTime.<TravelTime>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Travel time", id)).providerId);
        availability.deleteTravelTime(id);
        return Response.noContent().build();
    }
}
