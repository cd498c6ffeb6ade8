package org.iepservices.schedule.api;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.problem.IfMatch;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.api.SeriesDtos.CancelOccurrenceRequest;
import org.iepservices.schedule.api.SeriesDtos.MoveOccurrenceRequest;
import org.iepservices.schedule.api.SeriesDtos.OccurrenceResponse;
import org.iepservices.schedule.domain.series.SessionOccurrence;
import org.iepservices.schedule.domain.series.SessionSeries;
import org.iepservices.schedule.service.OccurrenceService;

import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;
import static org.iepservices.access.Role.TEACHER_NAME;

@Path("/api/v1/occurrences/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session series")
public class OccurrenceResource {

    private final OccurrenceService occurrences;
    private final AccessScope scope;
    private final AccessAudit audit;

    OccurrenceResource(OccurrenceService occurrences, AccessScope scope, AccessAudit audit) {
        this.occurrences = occurrences;
        this.scope = scope;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "Read one occurrence", description = "404 unless one of its series' students is in the "
            + "caller's scope.")
    @APIResponse(responseCode = "200", description = "The occurrence; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OccurrenceResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        SessionOccurrence o = occurrences.visible(id);
        SessionSeries series = SessionSeries.findById(o.seriesId);
        audit.read("occurrence", id, scope.visible(OccurrenceService.studentsOf(series, o)));
        return Response.ok(OccurrenceResponse.of(o, null)).tag(Long.toString(o.version)).build();
    }

    @POST
    @Path("/cancel")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Cancel one occurrence",
            description = "With a reason (PROVIDER_UNAVAILABLE, STUDENT_UNAVAILABLE, SCHOOL_CLOSED, OTHER) and note. "
                    + "Each student gets OccurrenceCancelled; whether a makeup is owed is session-service's call. "
                    + "409 when already cancelled. If-Match (412). A provider cancels occurrences of their own "
                    + "series, a school admin at their schools (403).")
    @APIResponse(responseCode = "200", description = "Cancelled; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OccurrenceResponse.class)))
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull CancelOccurrenceRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        SessionOccurrence o = occurrences.cancel(id, request, IfMatch.version(ifMatch));
        return Response.ok(OccurrenceResponse.of(o, null)).tag(Long.toString(o.version)).build();
    }

    @POST
    @Path("/move")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Move one occurrence to another date or time",
            description = "The new date must be a school day (422). Checked like a series on that date: hard "
                    + "conflicts refuse the move with 409 unless override.reason; soft ones come back in "
                    + "`conflicts`. Each student gets OccurrenceRescheduled. If-Match (412).")
    @APIResponse(responseCode = "200", description = "Moved; `conflicts` lists soft conflicts",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OccurrenceResponse.class)))
    public Response move(@PathParam("id") UUID id, @Valid @NotNull MoveOccurrenceRequest request,
                         @HeaderParam("If-Match") String ifMatch) {
        OccurrenceService.Moved moved = occurrences.move(id, request, IfMatch.version(ifMatch));
        return Response.ok(OccurrenceResponse.of(moved.occurrence(), moved.conflicts()))
                .tag(Long.toString(moved.occurrence().version)).build();
    }
}
