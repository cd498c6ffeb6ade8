package org.iepservices.schedule.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.problem.IfMatch;
import org.iepservices.schedule.api.AvailabilityDtos.LimitsRequest;
import org.iepservices.schedule.api.AvailabilityDtos.LimitsResponse;
import org.iepservices.schedule.api.AvailabilityDtos.WindowRequest;
import org.iepservices.schedule.api.AvailabilityDtos.WindowResponse;
import org.iepservices.schedule.api.ViewDtos.CaseloadCoverage;
import org.iepservices.schedule.api.ViewDtos.ScheduleView;
import org.iepservices.schedule.config.DistrictClock;
import org.iepservices.schedule.domain.availability.AvailabilityWindow;
import org.iepservices.schedule.domain.availability.ProviderLimits;
import org.iepservices.schedule.domain.caseload.CaseloadSnapshot;
import org.iepservices.schedule.service.AvailabilityService;
import org.iepservices.schedule.service.CaseloadQuery;
import org.iepservices.schedule.service.CoverageService;
import org.iepservices.schedule.service.ScheduleQuery;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A provider's working week: availability per school and weekday, daily limit, the week's
 * sessions, caseload coverage and the caseload snapshot. Providers are staff of student-service.
 */
@Path("/api/v1/providers/{providerId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Providers")
public class ProviderResource {

    private final AvailabilityService availability;
    private final ScheduleQuery schedule;
    private final CoverageService coverage;
    private final CaseloadQuery caseload;
    private final DistrictClock clock;

    ProviderResource(AvailabilityService availability, ScheduleQuery schedule, CoverageService coverage,
                     CaseloadQuery caseload, DistrictClock clock) {
        this.availability = availability;
        this.schedule = schedule;
        this.coverage = coverage;
        this.caseload = caseload;
        this.clock = clock;
    }

    @POST
    @Path("/availability")
    @Operation(summary = "Add an availability window",
            description = "The provider is at a school on a weekday between two times. Windows of one provider "
                    + "must not overlap on a day (422): a provider is in one place at a time.")
    public Response addWindow(@PathParam("providerId") UUID providerId, @Valid @NotNull WindowRequest request,
                              UriInfo uri) {
        AvailabilityWindow window = availability.addWindow(providerId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(window.id.toString()).build())
                .tag(Long.toString(window.version)).entity(WindowResponse.of(window)).build();
    }

    @GET
    @Path("/availability")
    @Operation(summary = "The provider's availability windows, by weekday and time")
    public List<WindowResponse> windows(@PathParam("providerId") UUID providerId) {
        return availability.windows(providerId).stream().map(WindowResponse::of).toList();
    }

    @GET
    @Path("/availability/{windowId}")
    @Operation(summary = "Read an availability window")
    public Response window(@PathParam("providerId") UUID providerId, @PathParam("windowId") UUID windowId) {
        AvailabilityWindow window = availability.window(providerId, windowId);
        return Response.ok(WindowResponse.of(window)).tag(Long.toString(window.version)).build();
    }

    @PUT
    @Path("/availability/{windowId}")
    @Operation(summary = "Change an availability window", description = "Same rules as adding one; If-Match (412).")
    public Response updateWindow(@PathParam("providerId") UUID providerId, @PathParam("windowId") UUID windowId,
                                 @Valid @NotNull WindowRequest request, @HeaderParam("If-Match") String ifMatch) {
        AvailabilityWindow window = availability.updateWindow(providerId, windowId, request, IfMatch.version(ifMatch));
        return Response.ok(WindowResponse.of(window)).tag(Long.toString(window.version)).build();
    }

    @DELETE
    @Path("/availability/{windowId}")
    @Operation(summary = "Remove an availability window",
            description = "Series in it stay; they show OUTSIDE_PROVIDER_AVAILABILITY in GET /api/v1/conflicts.")
    public Response deleteWindow(@PathParam("providerId") UUID providerId, @PathParam("windowId") UUID windowId) {
        availability.deleteWindow(providerId, windowId);
        return Response.noContent().build();
    }

    @GET
    @Path("/limits")
    @Operation(summary = "The provider's workload limits (maximum sessions a day; null when none stated)")
    public Response limits(@PathParam("providerId") UUID providerId) {
        ProviderLimits limits = availability.limits(providerId);
        return Response.ok(LimitsResponse.of(limits)).tag(Long.toString(limits.version)).build();
    }

    @PUT
    @Path("/limits")
    @Operation(summary = "Set the provider's maximum sessions a day", description = "If-Match (412).")
    public Response putLimits(@PathParam("providerId") UUID providerId, @Valid @NotNull LimitsRequest request,
                              @HeaderParam("If-Match") String ifMatch) {
        ProviderLimits limits = availability.putLimits(providerId, request, IfMatch.version(ifMatch));
        return Response.ok(LimitsResponse.of(limits)).tag(Long.toString(limits.version)).build();
    }

    @GET
    @Path("/schedule")
    @Operation(summary = "The provider's week",
            description = "Every occurrence of the provider's series in the week containing weekOf (default today): "
                    + "when, where (school, class and activity, or room), with whom, cancelled ones with reason.")
    public ScheduleView week(@PathParam("providerId") UUID providerId, @QueryParam("weekOf") LocalDate weekOf) {
        LocalDate from = schedule.weekStart(weekOf == null ? clock.today() : weekOf);
        return ScheduleView.of(from, from.plusDays(6), schedule.provider(providerId, from, from.plusDays(6)));
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Coverage of the provider's caseload",
            description = "For every student the provider serves (mandates assigned to them, or students in their "
                    + "series): scheduled against mandated minutes per period and setting, largest gaps first.")
    public CaseloadCoverage coverage(@PathParam("providerId") UUID providerId, @QueryParam("from") LocalDate from,
                                     @QueryParam("to") LocalDate to) {
        Dates.range(from, to);
        return coverage.provider(providerId, from, to);
    }

    @GET
    @Path("/caseload")
    @Operation(summary = "The provider's caseload as scheduling input",
            description = "Read-only snapshot: the provider's availability, travel times and daily limit; the "
                    + "students served with mandates in force, goals, service profile, classes with activity blocks; "
                    + "existing series of the provider and of those students; district policy. What an automatic "
                    + "scheduler or a push-in recommendation starts from.")
    public CaseloadSnapshot caseload(@PathParam("providerId") UUID providerId, @QueryParam("from") LocalDate from,
                                     @QueryParam("to") LocalDate to) {
        Dates.range(from, to);
        return caseload.snapshot(providerId, from, to);
    }
}
