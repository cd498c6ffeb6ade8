package org.iepservices.schedule.api;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.access.AccessAudit;
import org.iepservices.problem.IfMatch;
import org.iepservices.schedule.access.AccessScope;
import org.iepservices.schedule.access.WriteAccess;
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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;
import static org.iepservices.access.Role.TEACHER_NAME;

/**
 * A provider's working week: availability per school and weekday, daily limit, the week's
 * sessions, caseload coverage and the caseload snapshot. Providers are staff of student-service.
 * Availability and limits are reference data (any staff role reads them; the provider, or an admin,
 * changes them); the week, coverage and caseload are student records, shown as far as the caller's
 * scope reaches and audited.
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
    private final AccessScope scope;
    private final WriteAccess writes;
    private final AccessAudit audit;

    ProviderResource(AvailabilityService availability, ScheduleQuery schedule, CoverageService coverage,
                     CaseloadQuery caseload, DistrictClock clock, AccessScope scope, WriteAccess writes,
                     AccessAudit audit) {
        this.scope = scope;
        this.writes = writes;
        this.audit = audit;
        this.availability = availability;
        this.schedule = schedule;
        this.coverage = coverage;
        this.caseload = caseload;
        this.clock = clock;
    }

    @POST
    @Path("/availability")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Add an availability window",
            description = "The provider is at a school on a weekday between two times. Windows of one provider "
                    + "must not overlap on a day (422): a provider is in one place at a time. The provider "
                    + "themselves, an admin of the window's school, or a district admin (403).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WindowResponse.class)))
    public Response addWindow(@PathParam("providerId") UUID providerId, @Valid @NotNull WindowRequest request,
                              UriInfo uri) {
        writes.availability(providerId, request.schoolId());
        AvailabilityWindow window = availability.addWindow(providerId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(window.id.toString()).build())
                .tag(Long.toString(window.version)).entity(WindowResponse.of(window)).build();
    }

    @GET
    @Path("/availability")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The provider's availability windows, by weekday and time")
    public List<WindowResponse> windows(@PathParam("providerId") UUID providerId) {
        return availability.windows(providerId).stream().map(WindowResponse::of).toList();
    }

    @GET
    @Path("/availability/{windowId}")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "Read an availability window")
    @APIResponse(responseCode = "200", description = "The window; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WindowResponse.class)))
    public Response window(@PathParam("providerId") UUID providerId, @PathParam("windowId") UUID windowId) {
        AvailabilityWindow window = availability.window(providerId, windowId);
        return Response.ok(WindowResponse.of(window)).tag(Long.toString(window.version)).build();
    }

    @PUT
    @Path("/availability/{windowId}")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Change an availability window", description = "Same rules as adding one; If-Match (412). "
            + "A school admin changes windows at their schools only, to their schools only.")
    @APIResponse(responseCode = "200", description = "Changed; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WindowResponse.class)))
    public Response updateWindow(@PathParam("providerId") UUID providerId, @PathParam("windowId") UUID windowId,
                                 @Valid @NotNull WindowRequest request, @HeaderParam("If-Match") String ifMatch) {
        writes.availability(providerId, availability.window(providerId, windowId).schoolId, request.schoolId());
        AvailabilityWindow window = availability.updateWindow(providerId, windowId, request, IfMatch.version(ifMatch));
        return Response.ok(WindowResponse.of(window)).tag(Long.toString(window.version)).build();
    }

    @DELETE
    @Path("/availability/{windowId}")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Remove an availability window",
            description = "Series in it stay; they show OUTSIDE_PROVIDER_AVAILABILITY in GET /api/v1/conflicts. "
                    + "Same rule as adding one (403).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteWindow(@PathParam("providerId") UUID providerId, @PathParam("windowId") UUID windowId) {
        writes.availability(providerId, availability.window(providerId, windowId).schoolId);
        availability.deleteWindow(providerId, windowId);
        return Response.noContent().build();
    }

    @GET
    @Path("/limits")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME, TEACHER_NAME})
    @Operation(summary = "The provider's workload limits (maximum sessions a day; null when none stated)")
    @APIResponse(responseCode = "200", description = "The limits; ETag is their version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LimitsResponse.class)))
    public Response limits(@PathParam("providerId") UUID providerId) {
        ProviderLimits limits = availability.limits(providerId);
        return Response.ok(LimitsResponse.of(limits)).tag(Long.toString(limits.version)).build();
    }

    @PUT
    @Path("/limits")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Set the provider's maximum sessions a day", description = "If-Match (412). The provider, "
            + "a district admin, or an admin of a school the provider works at (403).")
    @APIResponse(responseCode = "200", description = "Set; ETag is their version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LimitsResponse.class)))
    public Response putLimits(@PathParam("providerId") UUID providerId, @Valid @NotNull LimitsRequest request,
                              @HeaderParam("If-Match") String ifMatch) {
        writes.limits(providerId);
        ProviderLimits limits = availability.putLimits(providerId, request, IfMatch.version(ifMatch));
        return Response.ok(LimitsResponse.of(limits)).tag(Long.toString(limits.version)).build();
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "The provider's week",
            description = "Every occurrence of the provider's series in the week containing weekOf (default today): "
                    + "when, where (school, class and activity, or room), with whom, cancelled ones with reason. "
                    + "Only sessions naming students in the caller's scope (a provider's own week is all theirs), "
                    + "and only those students.")
    public ScheduleView week(@PathParam("providerId") UUID providerId, @QueryParam("weekOf") LocalDate weekOf) {
        LocalDate from = schedule.weekStart(weekOf == null ? clock.today() : weekOf);
        ScheduleView view = ScheduleView.of(from, from.plusDays(6), schedule.provider(providerId, from,
                from.plusDays(6), scope));
        audit.read("provider-schedule", providerId, ClassResource.studentsIn(view));
        return view;
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Coverage of the provider's caseload",
            description = "For every student the provider serves (mandates assigned to them, or students in their "
                    + "series) that the caller may see: scheduled against mandated minutes per period and setting, "
                    + "largest gaps first.")
    public CaseloadCoverage coverage(@PathParam("providerId") UUID providerId, @QueryParam("from") LocalDate from,
                                     @QueryParam("to") LocalDate to) {
        Dates.range(from, to);
        CaseloadCoverage found = coverage.provider(providerId, from, to, scope);
        Set<UUID> students = new LinkedHashSet<>();
        found.caseload().forEach(s -> students.add(s.studentId()));
        audit.read("provider-coverage", providerId, students);
        return found;
    }

    @GET
    @Path("/caseload")
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "The provider's caseload as scheduling input",
            description = "Read-only snapshot: the provider's availability, travel times and daily limit; the "
                    + "students served with mandates in force, goals, service profile, classes with activity blocks; "
                    + "existing series of the provider and of those students; district policy. What an automatic "
                    + "scheduler or a push-in recommendation starts from. Only the students the caller may see.")
    public CaseloadSnapshot caseload(@PathParam("providerId") UUID providerId, @QueryParam("from") LocalDate from,
                                     @QueryParam("to") LocalDate to) {
        Dates.range(from, to);
        CaseloadSnapshot snapshot = caseload.snapshot(providerId, from, to, scope);
        Set<UUID> students = new LinkedHashSet<>();
        snapshot.students().forEach(s -> students.add(s.studentId()));
        snapshot.series().forEach(s -> students.addAll(s.students().keySet()));
        audit.read("caseload-snapshot", providerId, students);
        return snapshot;
    }
}
