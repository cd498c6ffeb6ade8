package org.iepservices.schedule.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.IfMatch;
import org.iepservices.schedule.api.SeriesDtos.CancelOccurrenceRequest;
import org.iepservices.schedule.api.SeriesDtos.MoveOccurrenceRequest;
import org.iepservices.schedule.api.SeriesDtos.OccurrenceResponse;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.service.OccurrenceService;

import java.util.UUID;

@Path("/api/v1/occurrences/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session series")
public class OccurrenceResource {

    private final OccurrenceService occurrences;

    OccurrenceResource(OccurrenceService occurrences) {
        this.occurrences = occurrences;
    }

    @GET
    @Operation(summary = "Read one occurrence")
    public Response get(@PathParam("id") UUID id) {
        SessionOccurrence o = occurrences.get(id);
        return Response.ok(OccurrenceResponse.of(o, null)).tag(Long.toString(o.version)).build();
    }

    @POST
    @Path("/cancel")
    @Operation(summary = "Cancel one occurrence",
            description = "With a reason (PROVIDER_UNAVAILABLE, STUDENT_UNAVAILABLE, SCHOOL_CLOSED, OTHER) and note. "
                    + "Each student gets OccurrenceCancelled; whether a makeup is owed is session-service's call. "
                    + "409 when already cancelled. If-Match (412).")
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull CancelOccurrenceRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        SessionOccurrence o = occurrences.cancel(id, request, IfMatch.version(ifMatch));
        return Response.ok(OccurrenceResponse.of(o, null)).tag(Long.toString(o.version)).build();
    }

    @POST
    @Path("/move")
    @Operation(summary = "Move one occurrence to another date or time",
            description = "The new date must be a school day (422). Checked like a series on that date: hard "
                    + "conflicts refuse the move with 409 unless override.reason; soft ones come back in "
                    + "`conflicts`. Each student gets OccurrenceRescheduled. If-Match (412).")
    public Response move(@PathParam("id") UUID id, @Valid @NotNull MoveOccurrenceRequest request,
                         @HeaderParam("If-Match") String ifMatch) {
        OccurrenceService.Moved moved = occurrences.move(id, request, IfMatch.version(ifMatch));
        return Response.ok(OccurrenceResponse.of(moved.occurrence(), moved.conflicts()))
                .tag(Long.toString(moved.occurrence().version)).build();
    }
}
