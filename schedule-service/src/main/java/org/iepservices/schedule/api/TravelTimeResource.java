package org.iepservices.schedule.api;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.schedule.api.AvailabilityDtos.TravelTimeRequest;
import org.iepservices.schedule.api.AvailabilityDtos.TravelTimeResponse;
import org.iepservices.schedule.domain.availability.TravelTime;
import org.iepservices.schedule.service.AvailabilityService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/travel-times")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Providers")
public class TravelTimeResource {

    private final AvailabilityService availability;

    TravelTimeResource(AvailabilityService availability) {
        this.availability = availability;
    }

    @PUT
    @Operation(summary = "Set the travel time between two schools",
            description = "Minutes either way. Without providerId it is the district default; with it, that "
                    + "provider's own time, which wins. 201 when new, 200 when it replaced a value. Pairs nobody "
                    + "entered count as schedule.travel.default-minutes.")
    public Response put(@Valid @NotNull TravelTimeRequest request) {
        AvailabilityService.Saved<TravelTime> saved = availability.putTravelTime(request);
        return Response.status(saved.created() ? 201 : 200).entity(TravelTimeResponse.of(saved.value())).build();
    }

    @GET
    @Operation(summary = "Travel times entered",
            description = "With providerId: the provider's own and the district defaults; with schoolId: pairs "
                    + "involving that school.")
    public List<TravelTimeResponse> list(@QueryParam("providerId") UUID providerId,
                                         @QueryParam("schoolId") UUID schoolId) {
        return availability.travelTimes(providerId, schoolId).stream().map(TravelTimeResponse::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a travel time")
    public Response delete(@PathParam("id") UUID id) {
        availability.deleteTravelTime(id);
        return Response.noContent().build();
    }
}
